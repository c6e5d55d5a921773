/**
 * What httpd makes of a parsed configuration, as far as one file shows it: containers and their
 * paths, the access each container grants (2.4 `Require` and 2.2 `Order`/`Allow`/`Deny`), which
 * container decides for a URL or a directory (Directory chain by path, then Location sections in
 * file order, which win over Directory), and the distribution defaults assumed for what lies
 * outside the file.
 */
import type { ApacheDocument, ApItem, ApSection } from './parser';
import { parseAddress } from '../../acl';

export const CONDITIONAL = new Set(['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection']);
const REQUIRE_CONTAINERS = new Set(['requireall', 'requireany', 'requirenone']);

/** The sections enclosing an item, innermost first (the root excluded). */
export function ancestors(item: ApItem): ApSection[] {
  const out: ApSection[] = [];
  for (let s: ApSection | undefined = item.parent; s && s.tag; s = s.parent) out.push(s);
  return out;
}

/** Inside an `<IfModule>`/`<IfDefine>`/… body: httpd may never read it. */
export function isConditional(item: ApItem): boolean {
  return ancestors(item).some((s) => CONDITIONAL.has(s.tag));
}

export function enclosingVhost(item: ApItem | undefined): ApSection | undefined {
  return item ? ancestors(item).find((s) => s.tag === 'virtualhost') : undefined;
}

/** Directives directly in a section, looking through conditional sections. */
export function directivesIn(section: ApSection, into: (s: ApSection) => boolean = (s) => CONDITIONAL.has(s.tag)): ApItem[] {
  const out: ApItem[] = [];
  for (const c of section.children) {
    if (c.type === 'directive') out.push(c.item);
    else if (into(c.section)) out.push(...directivesIn(c.section, into));
  }
  return out;
}

export function lastDirective(items: ApItem[], lname: string): ApItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (items[i].lname === lname) return items[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Access control

export type Access = 'open' | 'restricted' | 'denied' | 'none';

export interface AccessResult {
  access: Access;
  /** The line that opens access to everyone (`Require all granted`, `Allow from all`). */
  grant?: ApItem;
  style?: '2.4' | '2.2';
  /** Every access directive considered. */
  directives: ApItem[];
}

/** Limit/LimitExcept bodies that apply to GET requests. */
function appliesToGet(s: ApSection): boolean {
  const methods = (s.open?.args ?? []).map((a) => a.text.toUpperCase());
  if (s.tag === 'limit') return methods.includes('GET');
  if (s.tag === 'limitexcept') return !methods.includes('GET');
  return false;
}

type ReqVal = 'open' | 'restricted' | 'denied' | 'neg';

function requireValue(d: ApItem): ReqVal {
  const a = d.args.map((x) => x.text.toLowerCase());
  let neg = false;
  if (a[0] === 'not') {
    neg = true;
    a.shift();
  }
  let v: ReqVal;
  if (a[0] === 'all' && a[1] === 'granted') v = 'open';
  else if (a[0] === 'all' && a[1] === 'denied') v = 'denied';
  else v = 'restricted'; // ip, host, local, valid-user, user, group, env, expr, …: not everyone
  if (neg) return v === 'denied' ? 'open' : 'neg';
  return v;
}

function evalRequires(section: ApSection, mode: 'any' | 'all' | 'none', seen: ApItem[]): { v: ReqVal | undefined; grant?: ApItem } {
  const vals: { v: ReqVal; grant?: ApItem }[] = [];
  const walk = (s: ApSection) => {
    for (const c of s.children) {
      if (c.type === 'directive') {
        if (c.item.lname !== 'require') continue;
        seen.push(c.item);
        const v = requireValue(c.item);
        vals.push({ v, grant: v === 'open' ? c.item : undefined });
      } else if (REQUIRE_CONTAINERS.has(c.section.tag)) {
        const r = evalRequires(c.section, c.section.tag === 'requireall' ? 'all' : c.section.tag === 'requireany' ? 'any' : 'none', seen);
        if (r.v) vals.push({ v: r.v, grant: r.grant });
      } else if (CONDITIONAL.has(c.section.tag) || appliesToGet(c.section)) {
        walk(c.section);
      }
    }
  };
  walk(section);
  if (!vals.length) return { v: undefined };
  if (mode === 'none') return { v: 'restricted' };
  if (mode === 'any') {
    const open = vals.find((x) => x.v === 'open');
    if (open) return { v: 'open', grant: open.grant };
    if (vals.some((x) => x.v === 'restricted' || x.v === 'neg')) return { v: 'restricted' };
    return { v: 'denied' };
  }
  if (vals.some((x) => x.v === 'denied')) return { v: 'denied' };
  if (vals.some((x) => x.v === 'restricted')) return { v: 'restricted' };
  const open = vals.find((x) => x.v === 'open');
  return open ? { v: 'open', grant: open.grant } : { v: 'restricted' };
}

/** mod_access_compat: Order / Allow from / Deny from in one context. */
function evalLegacy(section: ApSection, seen: ApItem[]): { access: Access; grant?: ApItem } {
  const ds = directivesIn(section, (s) => CONDITIONAL.has(s.tag) || appliesToGet(s));
  const order = lastDirective(ds, 'order');
  const allows = ds.filter((d) => d.lname === 'allow' && d.args[0]?.text.toLowerCase() === 'from');
  const denies = ds.filter((d) => d.lname === 'deny' && d.args[0]?.text.toLowerCase() === 'from');
  if (!order && !allows.length && !denies.length) return { access: 'none' };
  seen.push(...[order, ...allows, ...denies].filter((d): d is ApItem => !!d));
  const allowAllLine = allows.find((d) => d.args.slice(1).some((a) => a.text.toLowerCase() === 'all'));
  const allowSome = allows.some((d) => d.args.slice(1).some((a) => a.text.toLowerCase() !== 'all'));
  const denyAll = denies.some((d) => d.args.slice(1).some((a) => a.text.toLowerCase() === 'all'));
  const o = (order?.args.map((a) => a.text).join('') ?? 'deny,allow').toLowerCase().replace(/\s+/g, '');
  if (o === 'allow,deny' || o === 'mutual-failure') {
    if (allowAllLine && !denyAll) return { access: 'open', grant: allowAllLine };
    if (allowSome) return { access: 'restricted' };
    return { access: 'denied' };
  }
  // deny,allow (the default): allowed unless denied; Allow overrides Deny.
  if (allowAllLine) return { access: 'open', grant: allowAllLine };
  if (!denyAll) return { access: 'open', grant: order ?? allows[0] ?? denies[0] };
  return { access: allowSome ? 'restricted' : 'denied' };
}

/** The access a container itself sets (not inherited). 2.4 `Require` wins when both styles appear. */
export function accessOf(section: ApSection): AccessResult {
  const seen: ApItem[] = [];
  const r = evalRequires(section, 'any', seen);
  if (r.v) return { access: r.v === 'neg' ? 'restricted' : r.v, grant: r.grant, style: '2.4', directives: seen };
  const l = evalLegacy(section, seen);
  return { access: l.access, grant: l.grant, style: l.access === 'none' ? undefined : '2.2', directives: seen };
}

// ---------------------------------------------------------------------------------------------
// Paths and URLs

export function stripSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** A `<Directory>` path with shell wildcards as a regex matching the directory and what lies below. */
function globPrefix(p: string): RegExp {
  const body = stripSlash(p)
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body === '/' ? '' : body}(/|$)`);
}

export interface PathSection {
  section: ApSection;
  kind: 'directory' | 'location' | 'files';
  regex: boolean;
  /** The path or pattern as written. */
  arg: string;
  vhost?: ApSection;
}

export function pathSections(doc: ApacheDocument): PathSection[] {
  const out: PathSection[] = [];
  for (const s of doc.sections) {
    const a = s.open?.args ?? [];
    let kind: PathSection['kind'] | undefined;
    let regex = false;
    if (s.tag === 'directory' || s.tag === 'directorymatch') kind = 'directory';
    else if (s.tag === 'location' || s.tag === 'locationmatch') kind = 'location';
    else if (s.tag === 'files' || s.tag === 'filesmatch') kind = 'files';
    if (!kind) continue;
    regex = s.tag.endsWith('match');
    let arg = a[0]?.text ?? '';
    if (arg === '~' && a[1]) {
      regex = true;
      arg = a[1].text;
    }
    out.push({ section: s, kind, regex, arg, vhost: s.open ? enclosingVhost(s.open) : undefined });
  }
  return out;
}

/** A PCRE pattern as a JavaScript RegExp (inline `(?i)` dropped: matching is case-insensitive anyway). */
export function safeRegex(src: string): RegExp | undefined {
  try {
    return new RegExp(src.replace(/^\(\?[imsx]+\)/, ''), 'i');
  } catch {
    return undefined;
  }
}

/** Does a Location (or LocationMatch) section apply to this URL? */
export function locationMatches(p: PathSection, url: string): boolean {
  if (p.regex) return !!safeRegex(p.arg)?.test(url);
  const loc = p.arg;
  if (loc === '/') return true;
  return url === loc || url.startsWith(stripSlash(loc) + '/') || (loc.endsWith('/') && url.startsWith(loc)) || url === stripSlash(loc);
}

/** Does a Directory (or DirectoryMatch) section apply to this file-system path? */
export function directoryMatches(p: PathSection, path: string): boolean {
  if (p.regex) return !!safeRegex(p.arg)?.test(path);
  return globPrefix(p.arg).test(path);
}

/** Sections visible from a vhost: the main server's and the vhost's own. */
function visible(p: PathSection, vhost: ApSection | undefined): boolean {
  return !p.vhost || p.vhost === vhost;
}

/**
 * The access for a file-system path from the `<Directory>` sections of this file: the most
 * specific non-regex section that sets access (then regex sections, which merge later).
 */
export function directoryAccess(doc: ApacheDocument, path: string, vhost: ApSection | undefined, paths = pathSections(doc)): { result: AccessResult; from: PathSection } | undefined {
  const dirs = paths.filter((p) => p.kind === 'directory' && visible(p, vhost) && directoryMatches(p, path));
  let best: { result: AccessResult; from: PathSection; len: number } | undefined;
  for (const d of dirs.filter((x) => !x.regex)) {
    const r = accessOf(d.section);
    if (r.access === 'none') continue;
    const len = stripSlash(d.arg).length;
    if (!best || len >= best.len) best = { result: r, from: d, len };
  }
  for (const d of dirs.filter((x) => x.regex)) {
    const r = accessOf(d.section);
    if (r.access !== 'none') best = { result: r, from: d, len: Infinity };
  }
  return best ? { result: best.result, from: best.from } : undefined;
}

/** The last `<Location>` in file order that applies to the URL and sets access (Location wins over Directory). */
export function locationAccess(doc: ApacheDocument, url: string, vhost: ApSection | undefined, paths = pathSections(doc)): { result: AccessResult; from: PathSection } | undefined {
  let found: { result: AccessResult; from: PathSection } | undefined;
  for (const p of paths) {
    if (p.kind !== 'location' || !visible(p, vhost) || !locationMatches(p, url)) continue;
    const r = accessOf(p.section);
    if (r.access !== 'none') found = { result: r, from: p };
  }
  return found;
}

/** Trees a stock Debian or RHEL main configuration opens to everyone (`Require all granted`). */
export const DISTRO_GRANTED = ['/var/www', '/usr/share'];

export function distroGranted(path: string): string | undefined {
  return DISTRO_GRANTED.find((d) => path === d || path.startsWith(d + '/'));
}

export function documentRoot(doc: ApacheDocument, vhost: ApSection | undefined): ApItem | undefined {
  const all = doc.directives.filter((d) => d.lname === 'documentroot' && d.args[0]);
  return all.filter((d) => enclosingVhost(d) === vhost).pop() ?? all.filter((d) => !enclosingVhost(d)).pop();
}

export interface AliasMap {
  item: ApItem;
  url: string;
  target: string;
}

export function aliases(doc: ApacheDocument): AliasMap[] {
  return doc.directives
    .filter((d) => (d.lname === 'alias' || d.lname === 'scriptalias') && d.args.length >= 2)
    .map((d) => ({ item: d, url: d.args[0].text, target: d.args[1].text }));
}

/** The file-system path a URL maps to in a vhost: through an Alias, else under DocumentRoot. */
export function urlToPath(doc: ApacheDocument, url: string, vhost: ApSection | undefined): { path: string; via: 'alias' | 'docroot' | 'assumed' } {
  for (const a of aliases(doc)) {
    const av = enclosingVhost(a.item);
    if (av && av !== vhost) continue;
    const u = stripSlash(a.url);
    if (url === u || url.startsWith(u + '/')) return { path: stripSlash(a.target) + url.slice(u.length), via: 'alias' };
  }
  const root = documentRoot(doc, vhost);
  if (root) return { path: stripSlash(root.args[0].text) + url, via: 'docroot' };
  return { path: '/var/www/html' + url, via: 'assumed' };
}

// ---------------------------------------------------------------------------------------------
// Listen

/** `Listen [addr:]port [proto]`: true when it binds every address. */
export function listenAllInterfaces(arg: string): boolean {
  const a = arg.trim();
  if (/^\d+$/.test(a)) return true;
  let host: string;
  const br = /^\[([^\]]*)\]:\d+$/.exec(a);
  if (br) host = br[1];
  else {
    const m = /^(.*):\d+$/.exec(a);
    if (!m) return false;
    host = m[1];
  }
  if (host === '*' || host === '') return true;
  const p = parseAddress(host);
  if (!p) return false;
  return p.value === 0n || (p.family === 6 && p.value === 0xffff00000000n);
}

/** Main server configuration files (hold the server-wide defaults). */
export function isMainConfig(path: string): boolean {
  return /(^|[\\/])(httpd|apache2)\.conf$/i.test(path);
}

/** Text from the file, for a message: withheld when it may hold a secret (messages never show one). */
export function shown(s: string): string {
  return /pass|secret|pwd|token|cred|md5|key/i.test(s) ? '…' : s;
}

/** A value word for a message (`yes`, `OS`, `Full`): anything else is withheld. */
export function shownWord(s: string): string {
  return /^[A-Za-z]{1,12}$/.test(s) && !/pass|secret|pwd|token|cred|key/i.test(s) ? s : '…';
}
