/**
 * The one settings schema shared by the language server, the CLI and the extension manifest
 * (a test checks that package.json's `contributes.configuration` says the same). Every
 * setting is validated; a value that cannot apply is reported, never silently ignored.
 */
import type { Severity } from './rule';
import { ALL_KINDS } from './kinds';
import { parseAddress } from './acl';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  /** Asterisk major version whose defaults apply, e.g. "13", "18", "20", "1.8". */
  asteriskVersion: string;
  /** Per-rule severity override, or "off". */
  rules: Record<string, SeveritySetting>;
  /** Secrets shorter than this are weak (at least 8: shorter is always an error). */
  minSecretLength: number;
  /** Lint while typing, or only when the file is saved. */
  run: 'onType' | 'onSave';
  /** Honour `pbxlint-disable` comments (CI may want them ignored). */
  inlineSuppressions: boolean;
  /** Glob to file kind, for files whose names pbxlint cannot recognise (see SETTINGS_SCHEMA). */
  fileKinds: Record<string, string>;
  /** Globs of files never linted (the CLI walk and the editor skip them). */
  exclude: string[];
  /** Your own networks (CIDR): fixes and checks that need them take them from here, never guess. */
  trustedNetworks: string[];
  /** Which weak-secret checks apply (all by default). */
  secretChecks: string[];
}

export const SECRET_CHECKS = ['length', 'digits', 'account-name', 'known-default', 'dictionary', 'sequence', 'single-class'] as const;

export interface SettingSpec {
  key: keyof Settings;
  type: 'string' | 'number' | 'boolean' | 'object' | 'array';
  default: unknown;
  description: string;
  enum?: readonly string[];
  minimum?: number;
}

/** The oldest Asterisk line still common in the field (FreePBX 13 boxes): assumed when unset. */
export const DEFAULT_ASTERISK_VERSION = '13';

export const SETTINGS_SCHEMA: readonly SettingSpec[] = [
  {
    key: 'asteriskVersion',
    type: 'string',
    default: DEFAULT_ASTERISK_VERSION,
    description:
      'Asterisk version whose defaults apply when a setting is absent (e.g. "1.6", "13", "18", "20", "21"). Unset means 13, the oldest line still common in the field.',
  },
  {
    key: 'rules',
    type: 'object',
    default: {},
    description: 'Per-rule severity: { "sip-allowtransfer": "off", "ami-secret-weak": "warning" }. Values: error, warning, info, off.',
  },
  {
    key: 'minSecretLength',
    type: 'number',
    default: 12,
    minimum: 8,
    description: 'Secrets shorter than this are reported as weak. Below 8 characters is always an error.',
  },
  {
    key: 'run',
    type: 'string',
    default: 'onType',
    enum: ['onType', 'onSave'],
    description: 'Lint while typing (onType) or only when a file is opened or saved (onSave).',
  },
  {
    key: 'fileKinds',
    type: 'object',
    default: {},
    description: 'Force the kind of files pbxlint cannot recognise by name: { "**/trunks/*.conf": "sip", "/srv/pbx/ami.cfg": "manager" }. Kinds: sip, pjsip, iax, manager, http, ari, extensions, asterisk, asterisk-other, freepbx, mycnf, apache, pam, sshd, fail2ban, iptables, vsftpd, xinetd.',
  },
  {
    key: 'exclude',
    type: 'array',
    default: [],
    description: 'Globs of files pbxlint never lints, e.g. ["**/backup/**", "*.orig"].',
  },
  {
    key: 'trustedNetworks',
    type: 'array',
    default: [],
    description: 'Your own networks in CIDR form (office LAN, VPN, monitoring), e.g. ["192.0.2.0/24", "2001:db8:1::/48"]. Checks and fixes that need them (fail2ban ignoreip, ACL fixes) take them from here and never guess.',
  },
  {
    key: 'secretChecks',
    type: 'array',
    default: [...SECRET_CHECKS],
    enum: SECRET_CHECKS,
    description: 'Which weak-secret checks apply: length, digits (all digits), account-name (equal to or containing it), known-default, dictionary, sequence, single-class.',
  },
  {
    key: 'inlineSuppressions',
    type: 'boolean',
    default: true,
    description: 'Honour `pbxlint-disable-next-line RULE -- reason` comments. Turn off in CI to see everything.',
  },
];

export const DEFAULT_SETTINGS: Settings = Object.freeze(
  Object.fromEntries(SETTINGS_SCHEMA.map((s) => [s.key, s.default])),
) as unknown as Settings;

export interface SettingsProblem {
  key: string;
  message: string;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/**
 * Merges user input over the defaults. Unknown keys, wrong types and unknown rule ids are
 * reported in `problems` (the caller shows them) and fall back to the default.
 */
export function resolveSettings(input: unknown, knownRules: readonly string[], knownKinds: readonly string[] = ALL_KINDS): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS, rules: {}, fileKinds: {}, exclude: [], trustedNetworks: [], secretChecks: [...SECRET_CHECKS] };
  if (input === null || input === undefined) return { settings: out as unknown as Settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ key: '', message: 'settings must be an object; using defaults' });
    return { settings: out as unknown as Settings, problems };
  }
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const spec = SETTINGS_SCHEMA.find((s) => s.key === key);
    if (!spec) {
      problems.push({ key, message: `unknown setting "${key}" does nothing` });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (spec.type === 'array') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        problems.push({ key, message: `"${key}" must be a list of strings` });
        continue;
      }
      const bad = value.filter((v: string) => (spec.enum ? !spec.enum.includes(v) : key === 'trustedNetworks' ? !isCidr(v) : false));
      for (const b of bad) problems.push({ key, message: `"${b}" is not ${spec.enum ? `one of ${spec.enum.join(', ')}` : 'an address or network in CIDR form'}: this entry does nothing` });
      out[key] = value.filter((v: string) => !bad.includes(v));
      continue;
    }
    if (key === 'fileKinds') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ key, message: `"${key}" must be an object of glob: kind` });
        continue;
      }
      const kinds: Record<string, string> = {};
      for (const [glob, kind] of Object.entries(value as Record<string, unknown>)) {
        if (typeof kind !== 'string' || !knownKinds.includes(kind)) problems.push({ key: `fileKinds.${glob}`, message: `"${String(kind)}" is not a file kind pbxlint knows (${knownKinds.join(', ')}): this entry does nothing` });
        else kinds[glob] = kind;
      }
      out.fileKinds = kinds;
      continue;
    }
    if (spec.type === 'object') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ key, message: `"${key}" must be an object` });
        continue;
      }
      const rules: Record<string, SeveritySetting> = {};
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        if (!knownRules.includes(id)) problems.push({ key: `rules.${id}`, message: `unknown rule "${id}": this entry does nothing` });
        else if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) problems.push({ key: `rules.${id}`, message: `severity must be one of ${SEVERITIES.join(', ')}` });
        else rules[id] = sev as SeveritySetting;
      }
      out.rules = rules;
      continue;
    }
    if (typeof value !== spec.type) {
      problems.push({ key, message: `"${key}" must be a ${spec.type}; using the default ${JSON.stringify(spec.default)}` });
      continue;
    }
    if (spec.enum && !spec.enum.includes(value as string)) {
      problems.push({ key, message: `"${key}" must be one of ${spec.enum.join(', ')}; using the default` });
      continue;
    }
    if (spec.minimum !== undefined && (value as number) < spec.minimum) {
      problems.push({ key, message: `"${key}" below ${spec.minimum} does not apply; using ${spec.minimum}` });
      out[key] = spec.minimum;
      continue;
    }
    if (key === 'asteriskVersion' && parseVersion(value as string) === undefined) {
      problems.push({ key, message: `"${value}" is not an Asterisk version (e.g. "13", "18.2", "1.8"); using ${DEFAULT_ASTERISK_VERSION}` });
      continue;
    }
    out[key] = value;
  }
  return { settings: out as unknown as Settings, problems };
}

function isCidr(v: string): boolean {
  const [addr, prefix, ...rest] = v.split('/');
  if (rest.length || !parseAddress(addr)) return false;
  if (prefix === undefined) return true;
  const n = Number(prefix);
  return /^\d+$/.test(prefix) && n <= (parseAddress(addr)!.family === 4 ? 32 : 128);
}

/** "1.8.32" → [1, 8], "18" → [18, 0]. */
export function parseVersion(v: string): [number, number] | undefined {
  const m = /^\s*(\d+)(?:\.(\d+))?(?:\.\d+)*(?:-\S*)?\s*$/.exec(v);
  if (!m) return undefined;
  return [Number(m[1]), m[2] ? Number(m[2]) : 0];
}

/** Compares the configured version with `major.minor`: negative when older. */
export function compareVersion(settings: Settings, major: number, minor = 0): number {
  const [a, b] = parseVersion(settings.asteriskVersion) ?? (parseVersion(DEFAULT_ASTERISK_VERSION) as [number, number]);
  return a !== major ? a - major : b - minor;
}
