/**
 * Sensitive PBX paths in one Apache file and the access that decides for each: the containers
 * and Aliases that name them, the FreePBX sub-directories of a FreePBX document root, and what
 * a stock Debian/RHEL main configuration grants outside this file.
 */
import type { RelatedInfo, Severity } from '../../rule';
import type { TextEdit } from '../../text';
import type { ApacheDocument, ApItem, ApSection } from '../../host/apache/parser';
import {
  AccessResult,
  PathSection,
  accessOf,
  aliases,
  directoryAccess,
  distroGranted,
  documentRoot,
  enclosingVhost,
  listenAllInterfaces,
  locationAccess,
  pathSections,
  safeRegex,
  shown,
  stripSlash,
  urlToPath,
} from '../../host/apache/model';
import { parseAddress } from '../../acl';
import { bodyIndent, indentOf, insertLinesAfter, insertLinesBefore } from './util';

export interface Sensitive {
  name: string;
  label: string;
  critical: boolean;
}

/**
 * Default list (host-rules.md §B without /cgi-bin, /server-status and /server-info: the first is
 * Debian's empty CGI directory, the other two are apache-status-info-public's).
 */
export const SENSITIVE: readonly Sensitive[] = [
  { name: 'admin', label: 'the FreePBX administration panel', critical: true },
  { name: 'recordings', label: "FreePBX's legacy ARI (CVE-2014-7235: unauthenticated RCE)", critical: true },
  { name: 'panel', label: 'the Flash Operator Panel', critical: false },
  { name: 'ucp', label: 'the FreePBX User Control Panel', critical: false },
  { name: 'maint', label: 'the FreePBX maintenance pages', critical: false },
  { name: 'phpmyadmin', label: 'phpMyAdmin', critical: false },
  { name: 'pma', label: 'phpMyAdmin', critical: false },
  { name: 'a2billing', label: 'A2Billing', critical: false },
  { name: 'vtigercrm', label: 'vtiger CRM', critical: false },
];

const BY_NAME = new Map(SENSITIVE.map((s) => [s.name, s]));

/** The sensitive name a URL starts with (`/admin/config.php` -> admin; `/html/admin` too). */
export function sensitiveUrl(url: string): Sensitive | undefined {
  const m = /^\/+(?:html\/+)?([^/]+)(\/|$)/.exec(url.toLowerCase());
  return m ? BY_NAME.get(m[1]) : undefined;
}

/** The sensitive name a directory ends with (`/var/www/html/admin`, `/usr/share/phpmyadmin`). */
export function sensitiveDir(path: string): Sensitive | undefined {
  const seg = stripSlash(path).split('/').pop()?.toLowerCase() ?? '';
  return BY_NAME.get(seg);
}

export interface AdminItem {
  sens: Sensitive;
  kind: 'location' | 'alias' | 'directory' | 'implicit';
  /** The line that names the path (section header or Alias), or DocumentRoot for implicit items. */
  anchor: ApItem;
  /** The container that is the path itself, when there is one. */
  own?: ApSection;
  url?: string;
  path?: string;
  vhost?: ApSection;
}

export interface Verdict {
  access: AccessResult['access'];
  grant?: ApItem;
  /** The section whose access decided (undefined when the distro default was assumed). */
  decider?: PathSection;
  /** The distribution tree assumed to be granted (e.g. /usr/share). */
  assumed?: string;
  via?: string;
}

function regexSample(p: PathSection, kind: 'url' | 'dir', name: string): boolean {
  const re = safeRegex(p.arg);
  if (!re) return false;
  return kind === 'url' ? re.test(`/${name}`) || re.test(`/${name}/`) || re.test(`/${name}/index.php`) : re.test(`/var/www/html/${name}`);
}

/** Sensitive paths this file names explicitly. */
export function explicitItems(doc: ApacheDocument, paths = pathSections(doc)): AdminItem[] {
  const out: AdminItem[] = [];
  for (const p of paths) {
    if (!p.section.open) continue;
    if (p.kind === 'location') {
      if (p.regex) {
        for (const s of SENSITIVE) if (regexSample(p, 'url', s.name)) out.push({ sens: s, kind: 'location', anchor: p.section.open, own: p.section, url: `/${s.name}`, vhost: p.vhost });
      } else {
        const s = sensitiveUrl(p.arg);
        if (s) out.push({ sens: s, kind: 'location', anchor: p.section.open, own: p.section, url: p.arg, vhost: p.vhost });
      }
    } else if (p.kind === 'directory' && !p.regex) {
      const s = sensitiveDir(p.arg);
      if (s) out.push({ sens: s, kind: 'directory', anchor: p.section.open, own: p.section, path: p.arg, vhost: p.vhost });
    }
  }
  for (const a of aliases(doc)) {
    const s = sensitiveUrl(a.url);
    if (s) out.push({ sens: s, kind: 'alias', anchor: a.item, url: a.url, path: a.target, vhost: enclosingVhost(a.item) });
  }
  return out;
}

/** URL of a directory in a vhost: through an Alias target, or below DocumentRoot. */
function dirUrl(doc: ApacheDocument, path: string, vhost: ApSection | undefined): string | undefined {
  const p = stripSlash(path);
  for (const a of aliases(doc)) {
    const av = enclosingVhost(a.item);
    if (av && av !== vhost) continue;
    const t = stripSlash(a.target);
    if (p === t || p.startsWith(t + '/')) return stripSlash(a.url) + p.slice(t.length);
  }
  const root = documentRoot(doc, vhost);
  if (root) {
    const r = stripSlash(root.args[0].text);
    if (p.startsWith(r + '/')) return p.slice(r.length);
  }
  return undefined;
}

function fromDirectories(doc: ApacheDocument, path: string, vhost: ApSection | undefined, paths: PathSection[]): Verdict {
  const d = directoryAccess(doc, path, vhost, paths);
  if (d) return { access: d.result.access, grant: d.result.grant, decider: d.from };
  const tree = distroGranted(path);
  if (tree) return { access: 'open', assumed: tree };
  return { access: 'none' };
}

export function verdict(doc: ApacheDocument, item: AdminItem, paths = pathSections(doc)): Verdict {
  let url = item.url;
  if (item.kind === 'directory' && item.path) url = dirUrl(doc, item.path, item.vhost);
  if (url) {
    const loc = locationAccess(doc, url, item.vhost, paths);
    if (loc) return { access: loc.result.access, grant: loc.result.grant, decider: loc.from };
  }
  if (item.kind === 'location' || item.kind === 'implicit') {
    const p = urlToPath(doc, url ?? '/', item.vhost);
    const v = fromDirectories(doc, p.path, item.vhost, paths);
    return { ...v, via: p.via === 'assumed' ? 'the default DocumentRoot /var/www/html' : undefined };
  }
  return fromDirectories(doc, stripSlash(item.path ?? '/'), item.vhost, paths);
}

/** Does anything in the file say this is a FreePBX web root? */
export function freepbxEvidence(doc: ApacheDocument, explicit: AdminItem[]): boolean {
  if (explicit.some((i) => i.sens.name === 'admin' || i.sens.name === 'recordings' || i.sens.name === 'ucp')) return true;
  return doc.items.some((it) => it.kind !== 'comment' && it.args.some((a) => /admin\/config\.php|freepbx/i.test(a.text)));
}

function privateHost(host: string): boolean {
  const a = parseAddress(host.replace(/^\[|\]$/g, ''));
  if (!a) return false;
  if (a.family === 4) {
    const o1 = Number(a.value >> 24n);
    const o2 = Number((a.value >> 16n) & 0xffn);
    return o1 === 127 || o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168);
  }
  return a.value === 1n || a.value >> 121n === 0x7en || a.value >> 118n === 0x3fan;
}

/** Could clients outside the LAN reach this vhost (or the main server)? Unknown counts as yes. */
export function exposed(doc: ApacheDocument, vhost: ApSection | undefined): boolean {
  if (vhost?.open?.args.length) {
    const hosts = vhost.open.args.map((a) => {
      const t = a.text;
      const br = /^\[([^\]]*)\](?::.*)?$/.exec(t);
      return br ? br[1] : t.replace(/:[^:]*$/, '');
    });
    if (hosts.every((h) => privateHost(h))) return false;
  }
  const listens = doc.directives.filter((d) => d.lname === 'listen' && d.args[0]);
  if (listens.length && listens.every((l) => !listenAllInterfaces(l.args[0].text) && privateHost(l.args[0].text.replace(/:\d+$/, '')))) return false;
  return true;
}

/** FreePBX sub-paths of a FreePBX document root that no explicit item covers. */
export function implicitItems(doc: ApacheDocument, explicit: AdminItem[]): AdminItem[] {
  if (!freepbxEvidence(doc, explicit)) return [];
  const out: AdminItem[] = [];
  const roots = doc.directives.filter((d) => d.lname === 'documentroot' && d.args[0]);
  for (const root of roots) {
    const vhost = enclosingVhost(root);
    for (const name of ['admin', 'recordings']) {
      if (explicit.some((e) => e.sens.name === name && (e.vhost === vhost || !e.vhost))) continue;
      out.push({ sens: BY_NAME.get(name)!, kind: 'implicit', anchor: root, url: `/${name}`, path: stripSlash(root.args[0].text) + `/${name}`, vhost });
    }
  }
  return out;
}

export interface AdminFinding {
  item: AdminItem;
  verdict: Verdict;
  span: { start: number; end: number };
  severity: Severity;
  message: string;
  related: RelatedInfo[];
  edits?: TextEdit[];
}

function lineNo(it: ApItem): number {
  return it.line + 1;
}

export function requireLocalBlock(doc: ApacheDocument, url: string, indent: string): string[] {
  const step = indent.includes('\t') || doc.text.includes('\n\t') ? '\t' : '    ';
  return [`${indent}<Location ${url}>`, `${indent}${step}Require local`, `${indent}</Location>`];
}

/** The smallest edit that restricts the path to this machine (`Require local`), if one is clear. */
export function restrictEdit(doc: ApacheDocument, item: AdminItem, v: Verdict, paths: PathSection[]): TextEdit[] | undefined {
  const decider = v.decider?.section;
  // The path's own container opens it: turn the grant into Require local.
  if (v.grant && decider && (decider === item.own || (item.kind === 'alias' && v.decider?.kind === 'directory' && stripSlash(v.decider.arg) === stripSlash(item.path ?? '')))) {
    const g = v.grant;
    if (g.lname === 'require' && g.args.length === 2) return [{ start: g.args[0].start, end: g.args[1].end, newText: 'local' }];
    if (g.lname === 'allow' && g.args.length >= 2) {
      const ds = accessOf(decider).directives;
      const order = ds.filter((d) => d.lname === 'order').pop();
      const o = (order?.args.map((a) => a.text).join('') ?? 'deny,allow').toLowerCase();
      const denyAll = ds.some((d) => d.lname === 'deny' && d.args.slice(1).some((a) => a.text.toLowerCase() === 'all'));
      const allAt = g.args.findIndex((a, i) => i > 0 && a.text.toLowerCase() === 'all');
      if ((o === 'allow,deny' || denyAll) && allAt > 0) return [{ start: g.args[allAt].start, end: g.args[allAt].end, newText: '127.0.0.1 ::1' }];
    }
    return undefined;
  }
  // The path has its own container without access lines: add Require local to it.
  const target = item.own ?? (item.kind === 'alias' ? paths.find((p) => p.kind === 'directory' && !p.regex && stripSlash(p.arg) === stripSlash(item.path ?? ''))?.section : undefined);
  if (target?.open && accessOf(target).access === 'none') {
    return [insertLinesAfter(doc, target.open, [`${bodyIndent(doc, target)}Require local`])];
  }
  if (item.kind === 'alias' && item.url) return [insertLinesAfter(doc, item.anchor, requireLocalBlock(doc, item.url, indentOf(doc, item.anchor)))];
  if (item.kind === 'implicit' && item.url) {
    if (decider?.close && decider.open) return [insertLinesAfter(doc, decider.close, requireLocalBlock(doc, item.url, indentOf(doc, decider.open)))];
    const vh = item.vhost;
    if (vh?.close) return [insertLinesBefore(doc, vh.close, requireLocalBlock(doc, item.url, bodyIndent(doc, vh)))];
    return [insertLinesAfter(doc, item.anchor, requireLocalBlock(doc, item.url, indentOf(doc, item.anchor)))];
  }
  return undefined;
}

/** Every open sensitive path: explicit ones and the FreePBX sub-paths of a FreePBX document root. */
export function openAdminPaths(doc: ApacheDocument): { explicit: AdminFinding[]; implicit: AdminFinding[] } {
  const paths = pathSections(doc);
  const explicit = explicitItems(doc, paths);
  const implicit = implicitItems(doc, explicit);
  const found: AdminFinding[] = [];
  const seen = new Set<string>();
  // Items whose own container opens them first, then Aliases, Directories, Locations.
  const order = (i: AdminItem) => (i.kind === 'alias' ? 1 : i.kind === 'directory' ? 2 : i.kind === 'location' ? 3 : 4);
  const evaluated = [...explicit, ...implicit].map((item) => ({ item, v: verdict(doc, item, paths) }));
  evaluated.sort((a, b) => {
    const ao = a.v.grant && a.v.decider?.section === a.item.own ? 0 : order(a.item);
    const bo = b.v.grant && b.v.decider?.section === b.item.own ? 0 : order(b.item);
    return ao - bo || a.item.anchor.start - b.item.anchor.start;
  });
  const implicitOut: AdminFinding[] = [];
  for (const { item, v } of evaluated) {
    if (v.access !== 'open') continue;
    const key = `${item.sens.name}@${item.vhost?.open?.start ?? -1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what = `${item.sens.label[0].toUpperCase()}${item.sens.label.slice(1)} at ${item.url ?? item.path}`;
    const sev: Severity = 'error';
    const related: RelatedInfo[] = [];
    let span: { start: number; end: number };
    let how: string;
    const ownGrant = v.grant && v.decider?.section === item.own && item.own;
    if (v.grant) related.push({ span: { start: v.grant.start, end: v.grant.end }, message: 'this line lets every client in' });
    if (item.kind === 'implicit') {
      if (!v.grant && !v.assumed) continue;
      if (v.grant) {
        span = v.grant.args.length ? { start: v.grant.args[0].start, end: v.grant.args[v.grant.args.length - 1].end } : v.grant.name;
        how = `it lies under ${shown(v.decider?.arg ?? 'the document root')}, which this block opens to everyone (line ${lineNo(v.grant)}), and no <Location> or <Directory> restricts it`;
      } else {
        span = item.anchor.args[0];
        how = `nothing in this file restricts it, and a stock Debian/RHEL main configuration grants ${v.assumed} to all (assumed: pbxlint checks one file at a time)`;
      }
      const f: AdminFinding = { item, verdict: v, span, severity: sev, message: '', related, edits: restrictEdit(doc, item, v, paths) };
      f.message = `${what} is reachable by everyone: ${how}. Restrict it to trusted hosts (Require ip <your LAN>, or Require local).`;
      implicitOut.push(f);
      continue;
    }
    if (ownGrant && v.grant) {
      span = v.grant.args.length ? { start: v.grant.args[0].start, end: v.grant.args[v.grant.args.length - 1].end } : v.grant.name;
      how = `'${shown(doc.text.slice(v.grant.start, v.grant.end))}' lets every client in`;
    } else {
      span = item.kind === 'alias' ? { start: item.anchor.args[0].start, end: item.anchor.args[0].end } : item.anchor.args[0] ?? item.anchor.name;
      if (v.grant && v.decider) {
        how = `it has no Require of its own and inherits ${v.decider.kind === 'location' ? `<Location ${shown(v.decider.arg)}>` : `<Directory ${shown(v.decider.arg)}>`}'s grant to everyone (line ${lineNo(v.grant)})`;
      } else if (v.grant) {
        how = `line ${lineNo(v.grant)} lets every client in`;
      } else {
        const target = item.kind === 'alias' ? item.path : item.kind === 'directory' ? item.path : v.via ?? 'its directory';
        how = `nothing in this file restricts it, so it inherits the grant a stock Debian/RHEL main configuration gives ${v.assumed} (assumed: pbxlint checks one file at a time; ${shown(target ?? '')} lies there)`;
      }
    }
    found.push({ item, verdict: v, span, severity: sev, message: `${what} is reachable by everyone: ${how}. Restrict it to trusted hosts (Require ip <your LAN>, or Require local).`, related, edits: restrictEdit(doc, item, v, paths) });
  }
  return { explicit: found, implicit: implicitOut };
}
