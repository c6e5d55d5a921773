/**
 * The key knowledge base: which keys each Asterisk file kind takes in each kind of section,
 * what they mean, their defaults per version, their safe values and the rules that check them.
 * Pure data plus look-ups; hover.ts and completion.ts are its users.
 */
import type { ConfDocument, Section } from '../asterisk/parser';
import { effective } from '../asterisk/parser';
import { BOOLEAN_KEYS } from '../asterisk/booleans';
import { PJSIP_TYPES } from '../asterisk/pjsip';
import type { AsteriskKind, FileKind } from '../kinds';
import type { Settings } from '../settings';
import { docsUrl } from '../rule';
import { IAX_SCOPES } from './iax';
import { MANAGER_SCOPES } from './manager';
import { ARI_SCOPES, ASTERISK_SCOPES, EXTENSIONS_SCOPES, HTTP_SCOPES } from './other';
import { PJSIP_ANY_TYPE, PJSIP_SCOPES, WIZARD_PREFIXES } from './pjsip';
import { SIP_SCOPES } from './sip';
import { defaultFor, key, KeyInfo, Scope, vals } from './types';

export type { KeyInfo, Scope, ValueInfo } from './types';
export { defaultFor } from './types';

/** Dialplan contexts of extensions.conf: the `=>` statements. */
const DIALPLAN_CONTEXT: Scope = {
  label: 'extensions.conf context',
  keys: [
    key('exten', 'An extension: exten => pattern,priority,Application(args).', {
      arrow: true,
      repeatable: true,
      rules: ['dialplan-exten-injection', 'dialplan-wildcard-pattern', 'dialplan-callerid-shell', 'dialplan-disa-no-password', 'dialplan-voicemailmain-skip-auth'],
      security: 'Never pass ${EXTEN} or caller ID unfiltered to Dial/System from a pattern extension: wrap it in FILTER().',
    }),
    key('same', 'Next priority of the previous extension: same => n,Application(args).', {
      arrow: true,
      repeatable: true,
      rules: ['dialplan-exten-injection', 'dialplan-callerid-shell'],
    }),
    key('include', 'Include another context: include => name[,timespec].', {
      arrow: true,
      repeatable: true,
      security: 'Everything the included context can dial, callers of this one can dial too.',
    }),
    key('switch', 'Look extensions up elsewhere: switch => IAX2/user@host/context.', { arrow: true, repeatable: true }),
    key('ignorepat', 'Pattern that does not stop dial tone: ignorepat => 9.', { arrow: true, repeatable: true }),
    key('lswitch', 'Switch evaluated without variable substitution at load.', { arrow: true, repeatable: true }),
    key('eswitch', 'Switch whose argument is evaluated per call.', { arrow: true, repeatable: true }),
    key('autohints', 'Create hints for the devices of this context automatically.', { values: vals('yes', 'no') }),
  ],
};

const TABLES: Partial<Record<AsteriskKind, Record<string, Scope>>> = {
  sip: SIP_SCOPES,
  pjsip: PJSIP_SCOPES,
  iax: IAX_SCOPES,
  manager: MANAGER_SCOPES,
  http: HTTP_SCOPES,
  ari: ARI_SCOPES,
  asterisk: ASTERISK_SCOPES,
  extensions: { ...EXTENSIONS_SCOPES, context: DIALPLAN_CONTEXT },
};

/** The file kinds the knowledge base covers. */
export const KNOWN_KINDS: readonly AsteriskKind[] = Object.keys(TABLES) as AsteriskKind[];

const GLOBAL_SCOPES = new Set(['general', 'options']);

/** Adds the rules every key of its kind gets from shared analysers (boolean words). */
function finish(kind: AsteriskKind, scope: string, info: KeyInfo): KeyInfo {
  const bools = BOOLEAN_KEYS[kind] ?? [];
  const applies = bools.some((b) => {
    if (b.key !== info.key) return false;
    if (b.pjsipType) return b.pjsipType === scope;
    if (b.scope === 'both') return true;
    return (b.scope === 'global') === GLOBAL_SCOPES.has(scope);
  });
  if (!applies || info.rules?.includes('config-bool-unrecognised')) return info;
  return { ...info, rules: [...(info.rules ?? []), 'config-bool-unrecognised'] };
}

const cache = new Map<string, { scope: Scope; byKey: Map<string, KeyInfo> }>();

function table(kind: AsteriskKind, scope: string): { scope: Scope; byKey: Map<string, KeyInfo> } | undefined {
  const id = `${kind}\u0000${scope}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const raw = TABLES[kind]?.[scope];
  if (!raw) return undefined;
  const keys = raw.keys.map((k) => finish(kind, scope, k));
  const byKey = new Map<string, KeyInfo>();
  for (const k of keys) if (!byKey.has(k.key.toLowerCase())) byKey.set(k.key.toLowerCase(), k);
  const entry = { scope: { label: raw.label, keys }, byKey };
  cache.set(id, entry);
  return entry;
}

/** Every scope name of a kind (for tests and tooling). */
export function scopesOf(kind: AsteriskKind): string[] {
  return Object.keys(TABLES[kind] ?? {});
}

/** The keys valid in a scope, in table order. */
export function keysIn(kind: AsteriskKind, scope: string): readonly KeyInfo[] {
  return table(kind, scope)?.scope.keys ?? [];
}

export function scopeLabel(kind: AsteriskKind, scope: string): string {
  return table(kind, scope)?.scope.label ?? kind;
}

/** A pjsip section whose type is not known yet. */
export const PJSIP_UNTYPED = 'untyped';

export interface KeyHit {
  info: KeyInfo;
  /** The scope the key was found in (for pjsip wizard keys: the object type). */
  scope: string;
  label: string;
}

/**
 * Looks a key up, case-insensitively. pjsip_wizard keys such as `endpoint/allow_transfer`
 * are looked up in the object type they configure; an untyped pjsip section searches every
 * object type.
 */
export function findKey(kind: AsteriskKind, scope: string | undefined, name: string): KeyHit | undefined {
  const lkey = name.trim().toLowerCase();
  if (!lkey || scope === undefined) return undefined;
  if (kind === 'pjsip') {
    const slash = lkey.indexOf('/');
    if (slash > 0) {
      const type = WIZARD_PREFIXES[lkey.slice(0, slash)];
      if (!type) return undefined;
      const hit = table(kind, type)?.byKey.get(lkey.slice(slash + 1));
      return hit && { info: hit, scope: type, label: `pjsip_wizard.conf ${lkey.slice(0, slash)}/ (type=${type})` };
    }
    if (scope === PJSIP_UNTYPED) {
      if (lkey === 'type') return { info: PJSIP_ANY_TYPE, scope, label: 'pjsip.conf' };
      for (const t of [...PJSIP_TYPES, 'wizard']) {
        const hit = table(kind, t)?.byKey.get(lkey);
        if (hit) return { info: hit, scope: t, label: scopeLabel(kind, t) };
      }
      return undefined;
    }
  }
  const t = table(kind, scope);
  const hit = t?.byKey.get(lkey);
  return hit && { info: hit, scope, label: t!.scope.label };
}

function asteriskKind(kind: FileKind): AsteriskKind | undefined {
  return (KNOWN_KINDS as readonly string[]).includes(kind) ? (kind as AsteriskKind) : undefined;
}

/** The first effective `type=` of a section (sorcery compares the first one; templates come first). */
function firstType(section: Section): string | undefined {
  const e = effective(section).find((x) => x.lkey === 'type');
  return e?.value.trim().toLowerCase();
}

/** An untyped pjsip template: the object type whose keys it uses most, if any. */
function inferPjsipType(section: Section): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const t of PJSIP_TYPES) {
    const byKey = table('pjsip', t)?.byKey;
    if (!byKey) continue;
    let score = 0;
    for (const e of effective(section)) if (e.lkey !== 'type' && byKey.has(e.lkey)) score++;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Which scope a section of a file of this kind is: `general`/`peer` (sip, iax), `general`/`user`
 * (manager, ari), a pjsip object type, `options` (asterisk.conf), `general`/`context`
 * (extensions.conf). Lines before the first header only exist in included fragments, which
 * FreePBX includes inside `[general]`. Undefined: a section whose keys pbxlint does not know.
 */
export interface ScopeAt {
  kind: AsteriskKind;
  scope: string;
  section?: Section;
  /** pjsip: the section has no `type=` yet (the scope, if not `untyped`, is inferred from its keys). */
  typeMissing?: boolean;
}

export function scopeOf(kind: FileKind, doc: ConfDocument, sectionIndex: number, fragment: boolean): ScopeAt | undefined {
  const k = asteriskKind(kind);
  if (!k) return undefined;
  const written = sectionIndex >= 0 ? doc.sections[sectionIndex] : undefined;
  if (!written) {
    if (!fragment) return undefined;
    const global = k === 'asterisk' ? 'options' : k === 'pjsip' ? undefined : 'general';
    return global ? { kind: k, scope: global } : undefined;
  }
  const section = written.appendTarget ?? written;
  const name = section.name.toLowerCase();
  let typeMissing = false;
  const scope = ((): string | undefined => {
    switch (k) {
      case 'sip':
        return name === 'general' ? 'general' : name === 'authentication' ? undefined : 'peer';
      case 'iax':
        return name === 'general' ? 'general' : name === 'callnumberlimits' ? undefined : 'peer';
      case 'manager':
        return name === 'general' ? 'general' : 'user';
      case 'http':
        return name === 'general' ? 'general' : undefined;
      case 'ari':
        return name === 'general' ? 'general' : 'user';
      case 'asterisk':
        return name === 'options' || name === 'files' || name === 'directories' ? name : undefined;
      case 'extensions':
        return name === 'general' ? 'general' : name === 'globals' ? undefined : 'context';
      case 'pjsip': {
        const type = firstType(section);
        if (type === 'wizard') return 'wizard';
        if (type && TABLES.pjsip?.[type]) return type;
        if (type) return undefined;
        if (name === 'global' || name === 'system') return name;
        typeMissing = true;
        return inferPjsipType(section) ?? PJSIP_UNTYPED;
      }
      default:
        return undefined;
    }
  })();
  if (scope === undefined) return undefined;
  return typeMissing ? { kind: k, scope, section, typeMissing } : { kind: k, scope, section };
}

/** Markdown link to a rule's page. */
export function ruleLink(id: string): string {
  return `[\`${id}\`](${docsUrl(id)})`;
}

/** Backticks for inline code, safe for our own strings. */
export function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Escapes our own prose for markdown (`[general]`, `"Name" <number>`, `*`). */
export function md(s: string): string {
  return s.replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`);
}

const PROSE_START = new Set(['the', 'inbound:', 'see', 'absent', 'every', 'a', 'an']);

/** A default for display: its literal part in code, the explanation as text. */
export function renderDefault(d: string): string {
  if (!/\s/.test(d) || d.includes('<version>')) return code(d);
  const first = d.split(/\s/, 1)[0];
  if (PROSE_START.has(first.toLowerCase()) || /^no such\b/i.test(d)) return md(d);
  // "none: …", "0.0.0.0 (every interface), port 5060", ":: (…)": the literal, then the explanation.
  const literal = /^[A-Za-z0-9_.-]+[:,;]$/.test(first) ? first.slice(0, -1) : first;
  const rest = d.slice(literal.length);
  if (/^[:,;]\s/.test(rest) || /^\s+\(/.test(rest)) return `${code(literal)}${md(rest)}`;
  return code(d);
}

/** The markdown description of a key (hover and completion documentation). Never contains a value from the file. */
export function describeKey(hit: KeyHit, settings: Settings, title = true): string {
  const { info } = hit;
  const parts: string[] = [];
  if (title) parts.push(`**${md(info.key)}** · ${md(hit.label)}`);
  parts.push(md(info.summary));
  const dflt = defaultFor(info, settings);
  const version = md(settings.asteriskVersion);
  let d = dflt === undefined ? 'Default: see the Asterisk docs.' : `Default (Asterisk ${version}): ${renderDefault(dflt)}`;
  if (info.history) d += `  \nVersion history: ${md(info.history)}`;
  parts.push(d);
  if (info.values?.length) {
    const shown = info.values.map((v) => `${code(v.value)}${v.value === info.safe ? ' **(safe)**' : ''}${v.meaning ? `: ${md(v.meaning)}` : ''}`);
    parts.push(`${info.list ? 'Words (comma list, no spaces)' : 'Values'}:\n${shown.map((x) => `- ${x}`).join('\n')}`);
  }
  const sec: string[] = [];
  if (info.security) sec.push(md(info.security));
  if (info.rules?.length) sec.push(`Checked by ${info.rules.map(ruleLink).join(', ')}.`);
  if (sec.length) parts.push(`**Security:** ${sec.join(' ')}`);
  return parts.join('\n\n');
}

/** Exposed for tests: every rule id the knowledge base cites. */
export function citedRules(): Set<string> {
  const out = new Set<string>();
  for (const kind of KNOWN_KINDS) for (const s of scopesOf(kind)) for (const k of keysIn(kind, s)) for (const r of k.rules ?? []) out.add(r);
  for (const r of PJSIP_ANY_TYPE.rules ?? []) out.add(r);
  return out;
}

/** `vals` re-exported for callers that build contextual values. */
export { vals };
