/**
 * fail2ban's view of one jail file (host-rules.md §E): which file of the merge order it is,
 * the stock `jail.conf` values it falls back on (fail2ban 1.0.2, corpus
 * `debian/fail2ban/etc/fail2ban/jail.conf`), effective values with configparser's precedence,
 * and the small parsers for booleans, times and address lists.
 *
 * Precedence (several files merged section by section): a key set in a jail's own section of
 * ANY file beats every `[DEFAULT]`. So `[DEFAULT] maxretry = 5` in jail.local does not reach the
 * `[asterisk]` jail, because jail.conf's `[asterisk]` sets `maxretry = 10` itself.
 */
import type { RuleContext } from '../../rule';
import { compareVersion } from '../../settings';
import type { Span, TextEdit } from '../../text';
import type { F2bDocument, F2bEntry, F2bSection } from './parser';

export { STOCK_SECTION_NAMES, jailLabel, optionLabel, sectionLabel } from './vocabulary';

export type FileRole = 'conf' | 'local' | 'drop-in';

/** Which file of fail2ban's merge order this is. */
export function fileRole(path: string): FileRole {
  if (/(^|[\\/])jail\.d[\\/]/.test(path)) return 'drop-in';
  if (/(^|[\\/])jail\.conf$/.test(path)) return 'conf';
  return 'local';
}

/** `[DEFAULT]` of the stock jail.conf (the keys the rules read). */
export const STOCK_DEFAULT: Readonly<Record<string, string>> = {
  bantime: '10m',
  findtime: '10m',
  maxretry: '5',
  enabled: 'false',
  banaction: 'iptables-multiport',
  banaction_allports: 'iptables-allports',
  port: '0:65535',
  protocol: 'tcp',
  backend: 'auto',
  action: '%(action_)s',
};

/** Stock jail sections the rules read (jail.conf of fail2ban 1.0.2). */
export const STOCK_JAILS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  asterisk: {
    port: '5060,5061',
    action_: '%(default/action_)s[name=%(__name__)s-tcp, protocol="tcp"]\n%(default/action_)s[name=%(__name__)s-udp, protocol="udp"]',
    logpath: '/var/log/asterisk/messages',
    maxretry: '10',
  },
  sshd: { port: 'ssh', logpath: '%(sshd_log)s', backend: '%(sshd_backend)s' },
  recidive: { logpath: '/var/log/fail2ban.log', banaction: '%(banaction_allports)s', bantime: '1w', findtime: '1d' },
  freeswitch: { port: '5060,5061', logpath: '/var/log/freeswitch.log', maxretry: '10' },
};


/** Sections that are not jails. */
export const NON_JAIL_SECTIONS = new Set(['DEFAULT', 'INCLUDES', 'Definition', 'Init', 'KNOWN']);

export function sectionsNamed(doc: F2bDocument, name: string): F2bSection[] {
  return doc.sections.filter((s) => s.name === name);
}

/** The last entry setting `key` in the sections named `name` (configparser: the later wins). */
export function entryIn(doc: F2bDocument, name: string, key: string): F2bEntry | undefined {
  let found: F2bEntry | undefined;
  for (const s of sectionsNamed(doc, name)) for (const e of s.entries) if (e.name === key) found = e;
  return found;
}

export type Origin = 'file-section' | 'stock-section' | 'file-default' | 'stock-default';

export interface Effective {
  value: string;
  origin: Origin;
  /** The entry of this file that sets it, if any. */
  entry?: F2bEntry;
}

/**
 * The value a jail gets for `key` when this file is merged over the stock jail.conf: this
 * file's section, the stock section, this file's DEFAULT, the stock DEFAULT. For jail.conf
 * itself the file is the stock file (its own sections, then its DEFAULT, then stock DEFAULT).
 */
export function effective(doc: F2bDocument, role: FileRole, jail: string, key: string): Effective | undefined {
  const own = entryIn(doc, jail, key);
  if (own) return { value: own.value, origin: 'file-section', entry: own };
  if (role !== 'conf') {
    const stock = STOCK_JAILS[jail]?.[key];
    if (stock !== undefined) return { value: stock, origin: 'stock-section' };
  }
  const def = entryIn(doc, 'DEFAULT', key);
  if (def) return { value: def.value, origin: 'file-default', entry: def };
  const stockDef = STOCK_DEFAULT[key];
  if (stockDef !== undefined) return { value: stockDef, origin: 'stock-default' };
  return undefined;
}

/**
 * Resolves `%(name)s` / `%(default/name)s` references in a value from the same lookup (the
 * jail's section, then DEFAULT); undefined when a reference cannot be resolved here.
 */
export function interpolate(doc: F2bDocument, role: FileRole, jail: string, value: string, depth = 0): string | undefined {
  if (!value.includes('%')) return value;
  if (depth > 8) return undefined;
  let failed = false;
  const out = value.replace(/%%|%\(([^)]+)\)s/g, (m, ref: string | undefined) => {
    if (m === '%%') return '%';
    const [sec, key] = ref!.includes('/') ? ref!.split('/', 2) : [jail, ref!];
    const target = sec.toLowerCase() === 'default' ? 'DEFAULT' : sec;
    const e = target === 'DEFAULT' ? effective(doc, role, 'DEFAULT', key.toLowerCase()) : effective(doc, role, target, key.toLowerCase());
    if (!e) {
      failed = true;
      return m;
    }
    const r = interpolate(doc, role, target, e.value, depth + 1);
    if (r === undefined) failed = true;
    return r ?? m;
  });
  return failed ? undefined : out;
}

/** configparser's getboolean: undefined for anything else (fail2ban then uses the option's default). */
export function boolValue(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const w = v.trim().toLowerCase();
  if (['1', 'yes', 'true', 'on'].includes(w)) return true;
  if (['0', 'no', 'false', 'off'].includes(w)) return false;
  return undefined;
}

/** Whether a jail ends up enabled (an unreadable value falls back to the default: off). */
export function jailEnabled(doc: F2bDocument, role: FileRole, jail: string): boolean {
  const e = effective(doc, role, jail, 'enabled');
  return boolValue(e ? interpolate(doc, role, jail, e.value) : undefined) === true;
}

const UNITS: [RegExp, number][] = [
  [/^(?:y|years?|yea?rs?)$/, 365.25 * 86400],
  [/^(?:mo|mon|months?)$/, 30.4375 * 86400],
  [/^(?:w|wee?ks?)$/, 7 * 86400],
  [/^(?:d|da?ys?)$/, 86400],
  [/^(?:h|ho?u?rs?)$/, 3600],
  [/^(?:m|mi|mins?|minutes?)$/, 60],
  [/^(?:s|secs?|seconds?)$/, 1],
];

/** fail2ban's time abbreviations (`600`, `10m`, `1d12h`, `1h 30m`, `-1`); undefined if unreadable. */
export function seconds(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = v.trim().toLowerCase();
  if (!s) return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
  const re = /([+-]?\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(s))) {
    const unit = UNITS.find(([u]) => u.test(m![2]));
    if (!unit) return undefined;
    total += Number(m[1]) * unit[1];
    at = re.lastIndex;
  }
  return at === s.length ? total : undefined;
}

/** A human reading of a number of seconds (`90 seconds`, `10 minutes`, `2 hours`). */
export function duration(sec: number): string {
  const a = Math.abs(sec);
  const unit = a >= 86400 && a % 86400 === 0 ? [86400, 'day'] : a >= 3600 && a % 3600 === 0 ? [3600, 'hour'] : a >= 60 && a % 60 === 0 ? [60, 'minute'] : [1, 'second'];
  const n = sec / (unit[0] as number);
  return `${n} ${unit[1]}${Math.abs(n) === 1 ? '' : 's'}`;
}

/** The words of a list value (spaces, commas and newlines separate) with their spans. */
export function listItems(entry: F2bEntry): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  for (const p of entry.parts) {
    const re = /[^\s,]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.text))) out.push({ text: m[0], span: { start: p.start + m.index, end: p.start + m.index + m[0].length } });
  }
  return out;
}

/** The file's line terminator. */
export function eolOf(doc: F2bDocument): string {
  const l = doc.lines.find((x) => x.eolEnd > x.end);
  return l ? doc.text.slice(l.end, l.eolEnd) : '\n';
}

/** Replaces an entry's whole value (every line of it) with one line. */
export function replaceValue(doc: F2bDocument, entry: F2bEntry, value: string): TextEdit {
  const last = entry.parts.length ? entry.parts[entry.parts.length - 1] : entry.first;
  const start = entry.first.text ? entry.first.start : entry.first.start;
  const lead = entry.first.text ? '' : doc.text[entry.delimiter.end] === ' ' || doc.text[entry.delimiter.end] === '\t' ? '' : ' ';
  return { start, end: Math.max(last.end, start), newText: lead + value };
}

/** Inserts `key = value` as the first option of a section (right after its header line). */
export function insertInSection(doc: F2bDocument, section: F2bSection, key: string, value: string): TextEdit {
  const line = doc.lines[section.line];
  const eol = eolOf(doc);
  if (line.eolEnd > line.end) return { start: line.eolEnd, end: line.eolEnd, newText: `${key} = ${value}${eol}` };
  return { start: line.end, end: line.end, newText: `${eol}${key} = ${value}` };
}

/** Appends text (whole lines) at the end of the file. */
export function appendLines(doc: F2bDocument, lines: string[]): TextEdit {
  const eol = eolOf(doc);
  const t = doc.text;
  const lead = t.length && !t.endsWith('\n') ? eol : '';
  const blank = t.length && !/\n\s*\n$/.test(t) && !/^\s*$/.test(t) ? eol : '';
  return { start: t.length, end: t.length, newText: lead + blank + lines.join(eol) + eol };
}

/** Deletes an entry's lines (its key line and its continuation lines). */
export function deleteEntry(doc: F2bDocument, entry: F2bEntry): TextEdit {
  return { start: doc.lines[entry.line].start, end: doc.lines[entry.lastLine].eolEnd, newText: '' };
}

/** Where a finding about something absent from the file goes: a section header, or the first line. */
export function anchorFor(doc: F2bDocument, ...names: string[]): Span {
  for (const n of names) {
    const s = sectionsNamed(doc, n)[0];
    if (s) return s.nameSpan;
  }
  const first = doc.lines.find((l) => l.kind !== 'blank');
  if (!first) return { start: 0, end: 0 };
  return { start: first.indent, end: first.end };
}

/** Asterisk 19 renamed the sample log files (`messages` → `messages.log`, `full` → `full.log`). */
export function asteriskLogs(ctx: RuleContext<F2bDocument>): { modern: boolean; version: string; messages: string } {
  const modern = compareVersion(ctx.settings, 19) >= 0;
  return { modern, version: ctx.settings.asteriskVersion || '13', messages: modern ? '/var/log/asterisk/messages.log' : '/var/log/asterisk/messages' };
}

/** Sections of this file that define jails (everything but DEFAULT/INCLUDES/…). */
export function jailSections(doc: F2bDocument): F2bSection[] {
  return doc.sections.filter((s) => !NON_JAIL_SECTIONS.has(s.name));
}

export const ROLE_NOTE: Record<FileRole, string> = {
  conf: 'jail.conf is the stock file (package upgrades replace it): make changes in jail.local',
  local: 'pbxlint sees only this file; jail.d/*.local files are read after it',
  'drop-in': 'pbxlint sees only this drop-in; jail.local and later jail.d files may override it',
};
