/** The AMI's view of manager.conf (main/manager.c `__init_manager`): listener, users, ACL, permissions. */
import { memo } from '../memo';
import { ConfDocument, Entry, Section, allValues, findSection, lastValue, liveSections } from './parser';
import { astTrue } from './values';
import { compareVersion, Settings } from '../settings';
import {
  AclParse,
  AclRule,
  admitsIpv6,
  evaluateAcl,
  hostOf,
  isLoopbackHost,
  isLoopbackRule,
  PROBE_V4,
  PROBE_V6,
  sectionAcl,
} from '../acl';

export interface AmiListener {
  general?: Section;
  enabled: boolean;
  port: string;
  /** True when IPv6 clients can connect (bound to `::` or an IPv6 address). */
  ipv6: boolean;
  /** The effective bind address, with the version default filled in. */
  bindaddr: string;
  explicit: boolean;
  public: boolean;
}

export function amiListener(doc: ConfDocument, settings: Settings): AmiListener {
  const general = findSection(doc, 'general');
  const enabled = !!general && astTrue(lastValue(general, 'enabled')?.value ?? 'no');
  const b = general && lastValue(general, 'bindaddr');
  const dflt = compareVersion(settings, 11) >= 0 ? '::' : '0.0.0.0';
  const bindaddr = b?.value || dflt;
  const port = (general && lastValue(general, 'port')?.value) || '5038';
  return { general, enabled, port, bindaddr, explicit: !!b, public: !isLoopbackHost(hostOf(bindaddr)), ipv6: admitsIpv6(bindaddr) };
}

/** Every non-`general` live section is a user (`ast_category_browse` skips templates). */
export function amiUsers(doc: ConfDocument): Section[] {
  return memo(doc, amiUsers, () => liveSections(doc, ['general']));
}

/** The user's permit/deny lines in the order Asterisk applies them (inheritance included). */
export function amiAcl(user: Section): AclParse {
  return sectionAcl(user);
}

/** Named ACLs (`acl=` from acl.conf) cannot be resolved from manager.conf alone. */
export function usesNamedAcl(user: Section): boolean {
  return allValues(user, 'acl').some((e) => e.value.trim() !== '');
}

/**
 * Can a client from anywhere on the Internet log in as this user? IPv6 is probed only when
 * the listener accepts IPv6. A user with a named `acl=` is assumed restricted; a user with an
 * invalid ACL item is deleted by Asterisk (`Invalid ACL ... Deleting user`), so it is closed.
 */
export function amiUserOpen(user: Section, listener: AmiListener): { v4: boolean; v6: boolean; acl: AclParse } {
  const acl = amiAcl(user);
  if (usesNamedAcl(user) || acl.invalid.length) return { v4: false, v6: false, acl };
  const rules: AclRule[] = acl.rules;
  return { v4: evaluateAcl(rules, PROBE_V4) === 'permit', v6: listener.ipv6 && evaluateAcl(rules, PROBE_V6) === 'permit', acl };
}

/**
 * Can this user log in from some non-loopback address? False only when AMI is off or bound to
 * loopback, the user is deleted (invalid ACL), or its ACL denies the public probes and permits
 * nothing but loopback. A named ACL counts as reachable (pbxlint cannot see acl.conf).
 */
export function amiUserRemote(user: Section, listener: AmiListener, fragment: boolean): boolean {
  if (!fragment && (!listener.enabled || !listener.public)) return false;
  const acl = amiAcl(user);
  if (acl.invalid.length) return false;
  if (usesNamedAcl(user)) return true;
  // A fragment cannot see bindaddr: only the IPv4 side is certain (FreePBX binds 0.0.0.0).
  const ipv6 = listener.ipv6 && !fragment;
  if (evaluateAcl(acl.rules, PROBE_V4) === 'permit') return true;
  if (ipv6 && evaluateAcl(acl.rules, PROBE_V6) === 'permit') return true;
  return acl.rules.some((r) => r.sense === 'permit' && !isLoopbackRule(r) && (r.family === 4 || ipv6));
}

// ---------------------------------------------------------------------------------------------
// read= / write= permission lists (main/manager.c `perms[]`, `get_perm`, local `ast_instring`).

/** The permission classes of current Asterisk, in `perms[]` order (without `all` and `none`). */
export const AMI_CLASSES = [
  'system',
  'call',
  'log',
  'verbose',
  'command',
  'agent',
  'user',
  'config',
  'dtmf',
  'reporting',
  'cdr',
  'dialplan',
  'originate',
  'agi',
  'cc',
  'aoc',
  'test',
  'security',
  'message',
] as const;

/** Every label `get_perm` compares against: the classes, `all` (every bit) and `none` (no bit). */
export const AMI_LABELS: readonly string[] = [...AMI_CLASSES, 'all', 'none'];

/**
 * `ast_instring(bigstr, label, ',')` exactly: the list is split on `,` (untrimmed,
 * case-sensitive); every item but the last matches when it is a PREFIX of the label (an empty
 * item matches everything); the last item must equal the label; an empty last item (trailing
 * comma) is never compared.
 */
export function amiInstring(list: string, label: string): boolean {
  let val = 0;
  for (;;) {
    const next = list.indexOf(',', val);
    if (next < 0) return list.slice(val) === label;
    if (label.startsWith(list.slice(val, next))) return true;
    val = next + 1;
    if (val >= list.length) return false;
  }
}

/**
 * What Asterisk REALLY grants for a `read=` / `write=` value (`get_perm`): the class names whose
 * label matches, every class when `all` matches (then `all` is in the set too). `none` grants
 * nothing.
 */
export function effectivePermissions(value: string): Set<string> {
  const out = new Set<string>();
  for (const label of AMI_LABELS) {
    if (label === 'none' || !amiInstring(value, label)) continue;
    if (label === 'all') {
      for (const c of AMI_CLASSES) out.add(c);
    }
    out.add(label);
  }
  return out;
}

export type PermItemKind =
  /** Exactly a label (`call`, `all`, `none`). */
  | 'exact'
  /** A non-last item that is a strict prefix of one or more labels (`c`, `sys`): grants them all. */
  | 'prefix'
  /** An empty non-last item (`,call`, `call,,agent`): grants every class. */
  | 'empty'
  /** The empty item after a trailing comma: compared with nothing, harmless. */
  | 'trailing'
  /**
   * A known label in the wrong case or with blanks (`System`, ` call`, `Sys,`), or a last item
   * that only abbreviates one (`write=call,orig`): grants nothing.
   */
  | 'mangled'
  /** Nothing Asterisk knows: grants nothing. */
  | 'unknown';

export interface PermItem {
  text: string;
  /** Offset of the item inside the value. */
  offset: number;
  last: boolean;
  kind: PermItemKind;
  /** What this item grants by itself. */
  grants: string[];
  /** The label the author most likely meant: lower-cased and trimmed, or the only label it abbreviates. */
  meant?: string;
}

/** Splits a permission list and says what each item does (see {@link PermItemKind}). */
export function permissionItems(value: string): PermItem[] {
  const parts = value.split(',');
  const out: PermItem[] = [];
  let offset = 0;
  parts.forEach((text, i) => {
    const last = i === parts.length - 1;
    const norm = text.trim().toLowerCase();
    const abbrev = norm === '' ? [] : AMI_LABELS.filter((l) => l.startsWith(norm));
    const meant = AMI_LABELS.includes(norm) ? norm : abbrev.length === 1 ? abbrev[0] : undefined;
    let kind: PermItemKind;
    let grants: string[] = [];
    if (AMI_LABELS.includes(text)) {
      kind = 'exact';
      grants = [text];
    } else if (text === '') {
      kind = last ? 'trailing' : 'empty';
      if (!last) grants = [...AMI_LABELS];
    } else if (!last && AMI_LABELS.some((l) => l.startsWith(text))) {
      kind = 'prefix';
      grants = AMI_LABELS.filter((l) => l.startsWith(text));
    } else {
      kind = meant !== undefined ? 'mangled' : 'unknown';
    }
    grants = grants.filter((g) => g !== 'none');
    if (grants.includes('all')) grants = [...AMI_CLASSES, 'all'];
    out.push({ text, offset, last, kind, grants, meant });
    offset += text.length + 1;
  });
  return out;
}

/**
 * The list rewritten with lower-case, trimmed, full class names: each item becomes the label
 * it stands for (`System` -> `system`, `orig,` -> `originate`); empty items, ambiguous prefixes
 * (`c`, `a`) and unknown words are dropped; a dangerous class (see {@link DANGEROUS_WRITE})
 * that Asterisk does not grant today is never added by the rewrite. `none` when nothing is left.
 */
export function normalisePermissionList(value: string, dangerous: readonly string[] = []): { value: string; after: Set<string>; notAdded: string[] } {
  const before = effectivePermissions(value);
  const kept: string[] = [];
  const notAdded: string[] = [];
  for (const it of permissionItems(value)) {
    const label = it.meant;
    if (!label || label === 'none' || kept.includes(label)) continue;
    if (!before.has(label) && dangerous.includes(label)) {
      notAdded.push(label);
      continue;
    }
    kept.push(label);
  }
  const out = kept.length ? kept.join(',') : 'none';
  return { value: out, after: effectivePermissions(out), notAdded };
}

/** Write classes that give control of the host or the dialplan (error), and riskier ones (warning). */
export const DANGEROUS_WRITE: Record<string, 'error' | 'warning'> = {
  system: 'error',
  command: 'error',
  config: 'error',
  all: 'error',
  originate: 'warning',
  agi: 'warning',
};

/** Lists a permission set in `perms[]` order ("<none>" when empty), folding a full set into `all`. */
export function describePermissions(set: ReadonlySet<string>): string {
  if (set.has('all')) return 'all (every class)';
  const list = AMI_CLASSES.filter((c) => set.has(c));
  return list.length ? list.join(',') : '<none>';
}

/** The `read=` or `write=` line Asterisk applies for a user (the last one, inherited lines first). */
export function permissionEntry(user: Section, key: 'read' | 'write'): Entry | undefined {
  return lastValue(user, key);
}
