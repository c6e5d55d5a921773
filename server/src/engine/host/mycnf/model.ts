/**
 * What the server and clients make of a parsed option file: which groups they read, how an
 * option name resolves (case, `-`/`_`, `loose-`, `skip-`/`disable-`/`enable-`, MariaDB's
 * unique prefixes), boolean values, the last value of each option in server groups, and
 * which product (MariaDB or MySQL) the file most likely belongs to.
 */
import type { MyCnfDocument, MyGroup, MyLine } from './parser';

/** Server groups of MariaDB 10.11 (verified) and MySQL 8.0 (doc); versioned forms below. */
const SERVER_GROUPS = new Set(['mysqld', 'server', 'mariadb', 'mariadbd', 'client-server', 'galera']);
const VERSIONED_SERVER = /^(mysqld|mariadb|mariadbd)-\d+(\.\d+)*$/;
/** Groups the command-line clients read (plus each tool's own name). */
const CLIENT_GROUPS = new Set(['client', 'client-server', 'client-mariadb', 'mysql', 'mariadb-client']);

export function isServerGroup(name: string): boolean {
  const n = name.toLowerCase();
  return SERVER_GROUPS.has(n) || VERSIONED_SERVER.test(n);
}

export function isClientGroup(name: string): boolean {
  return CLIENT_GROUPS.has(name.toLowerCase());
}

/** The groups where the server's own settings normally live (not [client-server] or [galera]). */
export function isMainServerGroup(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'mysqld' || n === 'server' || n === 'mariadb' || n === 'mariadbd' || VERSIONED_SERVER.test(n);
}

export interface KnownOption {
  name: string;
  bool: boolean;
  /** Shortest prefix that MariaDB resolves to this option alone (conservative). */
  minPrefix?: string;
  /** What the server does with a value that is not 0/1/ON/OFF/TRUE/FALSE. */
  invalid?: 'off' | 'ignored';
  /** Extra values that are valid (e.g. MySQL 5.7 old_passwords=2). */
  extra?: readonly string[];
}

const KNOWN: readonly KnownOption[] = [
  { name: 'bind-address', bool: false, minPrefix: 'bind' },
  { name: 'skip-networking', bool: true, minPrefix: 'skip-netw' },
  { name: 'skip-grant-tables', bool: true, minPrefix: 'skip-gra' },
  { name: 'local-infile', bool: true, minPrefix: 'local-i' },
  { name: 'symbolic-links', bool: true, minPrefix: 'symbolic-', invalid: 'ignored' },
  { name: 'secure-file-priv', bool: false, minPrefix: 'secure-fi' },
  { name: 'old-passwords', bool: true, minPrefix: 'old-pass', extra: ['2'] },
  { name: 'secure-auth', bool: true, minPrefix: 'secure-au' },
  { name: 'allow-suspicious-udfs', bool: true, minPrefix: 'allow-susp' },
  { name: 'password', bool: false, minPrefix: 'pass' },
  { name: 'datadir', bool: false },
  { name: 'port', bool: false },
  { name: 'skip-name-resolve', bool: true },
  { name: 'skip-show-database', bool: true },
  { name: 'skip-external-locking', bool: true },
  { name: 'external-locking', bool: true },
  { name: 'read-only', bool: true },
  { name: 'general-log', bool: true },
  { name: 'slow-query-log', bool: true },
  { name: 'log-slave-updates', bool: true },
  { name: 'log-bin-trust-function-creators', bool: true },
  { name: 'explicit-defaults-for-timestamp', bool: true },
  { name: 'innodb-file-per-table', bool: true },
  { name: 'innodb-strict-mode', bool: true },
  { name: 'require-secure-transport', bool: true },
  { name: 'ssl-verify-server-cert', bool: true },
  { name: 'skip-slave-start', bool: true },
  { name: 'automatic-sp-privileges', bool: true },
  { name: 'quick', bool: true },
  { name: 'quote-names', bool: true },
  { name: 'auto-rehash', bool: true },
];

const BY_NAME = new Map(KNOWN.map((k) => [k.name, k]));

export function knownOption(name: string): KnownOption | undefined {
  return BY_NAME.get(name);
}

/** Lower-case, `_` -> `-`: how the server compares option names. */
export function normName(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

export interface Resolved {
  option: KnownOption;
  /** `skip-`/`disable-` applied an odd number of times. */
  negated: boolean;
  loose: boolean;
  /** The name (after prefixes) was an abbreviation of the option's full name. */
  abbreviated: boolean;
  /** Where the abbreviated part starts and ends inside the written name (for a fix). */
  abbrev?: { from: number; to: number; full: string };
}

/**
 * Resolves a written option name the way MariaDB's my_getopt does: exact name first, then a
 * unique prefix, then `skip-`/`disable-`/`enable-` prefixes stripped one at a time.
 * `loose-` is stripped first. Only the options pbxlint knows are resolved.
 */
export function resolveOption(written: string): Resolved | undefined {
  let n = normName(written);
  let offset = 0;
  let loose = false;
  if (n.startsWith('loose-')) {
    loose = true;
    n = n.slice(6);
    offset = 6;
  }
  const r = resolveCore(n, offset, 0);
  return r ? { ...r, loose } : undefined;
}

function resolveCore(n: string, offset: number, depth: number): Omit<Resolved, 'loose'> | undefined {
  if (depth > 8 || !n) return undefined;
  const exact = BY_NAME.get(n);
  if (exact) return { option: exact, negated: false, abbreviated: false };
  const pref = KNOWN.filter((k) => k.minPrefix && n.startsWith(k.minPrefix) && k.name.startsWith(n));
  if (pref.length === 1) return { option: pref[0], negated: false, abbreviated: true, abbrev: { from: offset, to: offset + n.length, full: pref[0].name } };
  for (const p of ['skip-', 'disable-', 'enable-']) {
    if (!n.startsWith(p)) continue;
    const r = resolveCore(n.slice(p.length), offset + p.length, depth + 1);
    if (!r) return undefined;
    if (!r.option.bool) return p === 'enable-' ? undefined : { ...r, negated: true };
    return { ...r, negated: p === 'enable-' ? r.negated : !r.negated };
  }
  return undefined;
}

export type BoolState = 'on' | 'off' | 'invalid';

/** A boolean value word: bare -> on; 1/ON/TRUE; 0/OFF/FALSE (any case); anything else invalid. */
export function boolWord(value: string | undefined): BoolState {
  if (value === undefined) return 'on';
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'on' || v === 'true') return 'on';
  if (v === '0' || v === 'off' || v === 'false') return 'off';
  return 'invalid';
}

export interface MyOption {
  line: MyLine;
  group?: MyGroup;
  resolved?: Resolved;
  /** The value the server uses (undefined for a bare name). */
  value?: string;
}

/** Every option line with its resolution, in file order. */
export function options(doc: MyCnfDocument): MyOption[] {
  const out: MyOption[] = [];
  for (const l of doc.lines) {
    if (l.kind !== 'option' || !l.option) continue;
    out.push({ line: l, group: l.group, resolved: resolveOption(l.option.name.text), value: l.option.value?.text });
  }
  return out;
}

export interface Effective {
  /** The deciding option line. */
  opt: MyOption;
  /** For booleans: on/off after prefixes and value; undefined when the server ignores the line. */
  state?: 'on' | 'off';
  /** For string options: the value. `reset` for `skip-NAME` on a non-boolean. */
  value?: string;
  reset?: boolean;
}

/** The value a boolean option line gives, or undefined when the server ignores it. */
export function boolOf(o: MyOption): 'on' | 'off' | undefined {
  const r = o.resolved;
  if (!r || !r.option.bool) return undefined;
  if (r.negated) return 'off';
  const w = boolWord(o.value);
  if (w !== 'invalid') return w;
  if (r.option.extra?.includes((o.value ?? '').trim().toLowerCase())) return 'off';
  return r.option.invalid === 'ignored' ? undefined : 'off';
}

/** The last line in a server group that sets `name` (and the state it gives). */
export function serverEffective(doc: MyCnfDocument, name: string, opts: MyOption[] = options(doc)): Effective | undefined {
  return effectiveIn(opts, name, (g) => isServerGroup(g.name));
}

export function effectiveIn(opts: MyOption[], name: string, inScope: (g: MyGroup) => boolean): Effective | undefined {
  let found: Effective | undefined;
  for (const o of opts) {
    if (!o.group || !inScope(o.group) || o.resolved?.option.name !== name) continue;
    if (o.resolved.option.bool) {
      const s = boolOf(o);
      if (s === undefined) continue;
      found = { opt: o, state: s };
    } else if (o.resolved.negated) {
      found = { opt: o, reset: true };
    } else {
      found = { opt: o, value: o.value ?? '' };
    }
  }
  return found;
}

export type Product = 'mariadb' | 'mysql' | 'unknown';

/** MariaDB or MySQL, from the path (Debian/RHEL layouts) and MariaDB-only group names. */
export function productOf(doc: MyCnfDocument, path: string): Product {
  const p = path.replace(/\\/g, '/').toLowerCase();
  if (/mariadb/.test(p)) return 'mariadb';
  if (doc.groups.some((g) => /^(mariadb|mariadbd)(-\d+(\.\d+)*)?$|^client-mariadb$|^mariadb-client$|^galera$/.test(g.lname))) return 'mariadb';
  if (/\/mysql\.conf\.d\/|\/mysql-server\//.test(p)) return 'mysql';
  if (doc.groups.some((g) => /^mysqld-[5-9]\.\d+$/.test(g.lname))) return 'mysql';
  return 'unknown';
}

/** A file that another file pulls in with `!includedir` (conf.d layouts): the rest of the chain may set what it lacks. */
export function isIncludedDirFile(path: string): boolean {
  return /[\\/](conf\.d|mariadb\.conf\.d|mysql\.conf\.d|my\.cnf\.d)[\\/][^\\/]+$/i.test(path);
}

/** Where rules about an absent server setting anchor: the first [mysqld] (else the first main server group). */
export function serverAnchor(doc: MyCnfDocument): MyGroup | undefined {
  return doc.groups.find((g) => g.lname === 'mysqld') ?? doc.groups.find((g) => isMainServerGroup(g.name));
}

/**
 * Why an absent setting may still be set elsewhere: the file includes others, or is itself one
 * file of an `!includedir` directory. Empty when this file is the whole story.
 */
export function absentCaveat(doc: MyCnfDocument, path: string): string {
  if (doc.includes.length) return ' (not set here; effective value depends on other files: this file uses !include/!includedir and pbxlint checks one file at a time)';
  if (isIncludedDirFile(path)) return ' (not set here; effective value depends on other files: this file is read with the others of its directory, and pbxlint checks one file at a time)';
  return '';
}

/** Names of the server groups that hold options in this file, for messages. */
export function groupLabel(g: MyGroup | undefined): string {
  return g ? `[${shown(g.name)}]` : 'the top of the file';
}

/** Text from the file, for a message: withheld when it may hold a secret (messages never show one). */
export function shown(s: string): string {
  return /pass|secret|pwd|token|cred|md5|key/i.test(s) ? '…' : s;
}

/** A value word for a message (`yes`, `NO`, `enabled`): anything else is withheld. */
export function shownWord(s: string): string {
  return /^[A-Za-z]{1,10}$/.test(s) && !/pass|secret|pwd|token|cred|key/i.test(s) ? s : '…';
}
