/**
 * File-kind detection: which analyser owns a file, decided from its path first and its
 * content second. pbxlint never claims every `*.conf`: a file is linted only when its name
 * (or an explicit `pbxlint-kind:` comment, or unmistakable content) says what it is.
 */

import { detectHostKind, HOST_KINDS, HostKind, mayBeHostFile } from './host';

export type AsteriskKind = 'sip' | 'pjsip' | 'iax' | 'manager' | 'http' | 'ari' | 'extensions' | 'asterisk' | 'asterisk-other';
export type { HostKind } from './host';
/** FreePBX's own settings files (amportal.conf, freepbx.conf). */
export type FreepbxKind = 'freepbx';
export type FileKind = AsteriskKind | FreepbxKind | HostKind;

export interface KindInfo {
  kind: FileKind;
  /** True for files that are `#include`d into another (FreePBX `*_custom.conf`, …). */
  fragment: boolean;
  /** How the kind was decided, for messages and `--print-kind`. */
  reason: string;
}

export const ASTERISK_KINDS: readonly AsteriskKind[] = ['sip', 'pjsip', 'iax', 'manager', 'http', 'ari', 'extensions', 'asterisk', 'asterisk-other'];
export const ALL_KINDS: readonly FileKind[] = [...ASTERISK_KINDS, 'freepbx', ...HOST_KINDS];

/** Human-readable names, for reports. */
export const KIND_LABELS: Record<AsteriskKind | FreepbxKind, string> & Partial<Record<FileKind, string>> = {
  freepbx: 'FreePBX settings (amportal.conf, freepbx.conf)',
  sip: 'sip.conf (chan_sip)',
  pjsip: 'pjsip.conf (res_pjsip)',
  iax: 'iax.conf',
  manager: 'manager.conf (AMI)',
  http: 'http.conf',
  ari: 'ari.conf',
  extensions: 'extensions.conf (dialplan)',
  asterisk: 'asterisk.conf',
  'asterisk-other': 'other Asterisk configuration',
};

interface NameRule {
  kind: FileKind;
  /** Matches the base name (with a trailing `.sample` removed), lower-cased. */
  main: RegExp;
  fragment?: RegExp;
  /** Base names of that family that are a different format altogether. */
  not?: RegExp;
  /** Paths where that name belongs to another program (FreePBX's Apache conf is also freepbx.conf). */
  notUnder?: RegExp;
}

// FreePBX writes `<module>_additional.conf`, `<module>_custom.conf`, `<module>_custom_post.conf`,
// `sip_general_*.conf`, `sip_nat.conf`, `sip_registrations*.conf`, … and #includes them.
const NAME_RULES: NameRule[] = [
  { kind: 'sip', main: /^sip\.conf$/, fragment: /^sip_[a-z0-9_]+\.conf$/, not: /^sip_notify(_[a-z0-9_]+)?\.conf$/ },
  { kind: 'pjsip', main: /^pjsip(_wizard)?\.conf$/, fragment: /^pjsip([._][a-z0-9_.]+)?\.conf$/, not: /^pjsip_notify(_[a-z0-9_]+)?\.conf$/ },
  { kind: 'iax', main: /^iax2?\.conf$/, fragment: /^iax2?_[a-z0-9_]+\.conf$/ },
  { kind: 'manager', main: /^manager\.conf$/, fragment: /^manager_[a-z0-9_]+\.conf$/ },
  { kind: 'http', main: /^http\.conf$/, fragment: /^http_[a-z0-9_]+\.conf$/ },
  { kind: 'ari', main: /^ari\.conf$/, fragment: /^ari_[a-z0-9_]+\.conf$/ },
  { kind: 'extensions', main: /^extensions\.conf$/, fragment: /^extensions_[a-z0-9_]+\.conf$/ },
  { kind: 'asterisk', main: /^asterisk\.conf$/ },
  // FreePBX's own settings: /etc/amportal.conf (shell) and /etc/freepbx.conf (PHP).
  { kind: 'freepbx', main: /^(amportal|freepbx)\.conf$/, notUnder: /(^|[\\/])(httpd|apache2?|nginx|sites-[a-z]+|conf\.d)[\\/]/i },
];

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1].toLowerCase().replace(/\.sample$/, '');
}

function isUnderAsteriskDir(path: string): boolean {
  return /(^|[\\/])asterisk[\\/]/i.test(path);
}

const MODELINE = /pbxlint-kind:\s*([a-z-]+)/;

/** The `pbxlint-kind: sip` marker in a comment of the first 10 lines, if any. */
function modeline(text: string): FileKind | undefined {
  let pos = 0;
  for (let i = 0; i < 10 && pos < text.length; i++) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl < 0 ? text.length : nl);
    pos = nl < 0 ? text.length : nl + 1;
    const c = line.search(/[;#]/);
    if (c < 0) continue;
    const m = MODELINE.exec(line.slice(c));
    if (m && (ALL_KINDS as readonly string[]).includes(m[1])) return m[1] as FileKind;
  }
  return undefined;
}

// Keys that only one Asterisk file uses, for content sniffing of files with unusual names.
const SIGNATURES: [FileKind, RegExp][] = [
  ['sip', /^\s*(allowguest|alwaysauthreject|autocreatepeer|register\s*=>|insecure|canreinvite|udpbindaddr|srvlookup)\s*=/im],
  ['manager', /^\s*(webenabled|displayconnects|allowmultiplelogin|httptimeout)\s*=/im],
  ['pjsip', /^\s*type\s*=\s*(endpoint|aor|identify|transport|registration)\s*$/im],
  ['extensions', /^\s*(exten|same)\s*=>/im],
];

/**
 * Decides the kind of a file. `forced` (a setting or `--kind`) wins; then the modeline,
 * then the file name, then content signatures for files under an `asterisk/` directory or
 * opened with the `asterisk-config` language id.
 */
export function detectKind(path: string, text: string, opts: { forced?: FileKind; languageId?: string } = {}): KindInfo | undefined {
  if (opts.forced) return { kind: opts.forced, fragment: false, reason: 'forced' };
  const ml = modeline(text);
  if (ml) return { kind: ml, fragment: false, reason: 'pbxlint-kind comment' };
  const base = baseName(path);
  // fail2ban's filter.d/asterisk.conf and action.d/*.conf are fail2ban files, whatever their names.
  const underFail2ban = /(^|[\\/])fail2ban[\\/]/i.test(path);
  for (const r of NAME_RULES) {
    if (underFail2ban) break;
    if (r.not && r.not.test(base)) break;
    if (r.notUnder && r.notUnder.test(path)) continue;
    if (r.main.test(base)) return { kind: r.kind, fragment: false, reason: `file name ${base}` };
    if (r.fragment && r.fragment.test(base)) return { kind: r.kind, fragment: true, reason: `file name ${base} (included fragment)` };
  }
  const host = detectHostKind(path, text);
  if (host) return host;
  const asteriskContext = !underFail2ban && (isUnderAsteriskDir(path) || opts.languageId === 'asterisk-config');
  if (!asteriskContext || !/\.conf$/.test(base)) return undefined;
  for (const [kind, re] of SIGNATURES) {
    if (re.test(text)) return { kind, fragment: !/^\s*\[/m.test(text), reason: 'content' };
  }
  return { kind: 'asterisk-other', fragment: !/^\s*\[/m.test(text), reason: 'Asterisk configuration directory' };
}

/** Cheap pre-filter for directory walks: could this path be a file pbxlint lints? */
export function mayBeKnownFile(path: string): boolean {
  const base = baseName(path);
  if (NAME_RULES.some((r) => r.main.test(base) || (r.fragment && r.fragment.test(base)))) return true;
  if (mayBeHostFile(path)) return true;
  return isUnderAsteriskDir(path) && base.endsWith('.conf');
}
