/**
 * Asterisk ACL semantics (main/acl.c `append_ha_core` / `ast_apply_ha`, asterisk-syntax.md §9),
 * the one evaluator every rule uses for `permit=` / `deny=` lines:
 *
 * - a value is split on `,` and the items are NOT trimmed: `192.0.2.1, 192.0.2.2` makes the
 *   second item ` 192.0.2.2`, which does not parse;
 * - an item is `[!]address[/mask]`; `!` flips the item's sense (`deny=!192.0.2.1` permits it);
 *   the address is parsed like getaddrinfo(AI_NUMERICHOST) (inet_aton forms for IPv4, `[v6]`
 *   brackets, no port); the mask is dotted (`255.255.255.0`, `ffff::`) or a CIDR number read
 *   with sscanf("%d") (leading blanks and trailing junk accepted); an IPv4-mapped IPv6 address
 *   becomes an IPv4 rule;
 * - the first item that fails stops that line: it and every later item of the same line are not
 *   added (what the module then does differs: manager/chan_sip delete the user/peer, pjsip and
 *   ari drop the object, chan_iax2 silently keeps the partial list);
 * - evaluation starts at *allow* and every matching rule overwrites the result (last match
 *   wins); IPv4 rules never match native IPv6 clients and IPv6 rules never match IPv4 (or
 *   IPv4-mapped) clients.
 */
import type { Entry, Section } from './asterisk/parser';
import { effective } from './asterisk/parser';

export type Sense = 'permit' | 'deny';

export interface AclRule {
  /** The effective sense: the key's sense, flipped by a leading `!`. */
  sense: Sense;
  /** The item started with `!` (its sense is already flipped in {@link sense}). */
  negate: boolean;
  family: 4 | 6;
  /** The network address (address AND mask). */
  network: bigint;
  mask: bigint;
  /** Number of leading one bits of the mask (the CIDR length when the mask is contiguous). */
  prefix: number;
  /** False for a dotted mask with holes such as 255.0.255.0 (Asterisk accepts it). */
  contiguous: boolean;
  entry: Entry;
  /** The item as written (untrimmed). */
  item: string;
  /** Offset of the item in the file (when the value is contiguous on its line). */
  itemStart?: number;
}

export interface AclProblem {
  entry: Entry;
  item: string;
  /** Why Asterisk rejects it. */
  reason: string;
  itemStart?: number;
}

export interface AclParse {
  rules: AclRule[];
  /** Items Asterisk cannot parse: each one stops its line (the module then reports an ACL error). */
  invalid: AclProblem[];
  /** Items after an invalid one on the same line: Asterisk never reads them. */
  dropped: { entry: Entry; item: string }[];
  /** Named-ACL lines (`acl=`, `contact_acl=`, …): their rules live in acl.conf and cannot be seen. */
  named: Entry[];
}

/** Which keys of a section make one ACL. */
export interface AclKeys {
  permit: string;
  deny: string;
  /** The named-ACL key of the same list. */
  named?: string;
}

/** `permit` / `deny` / `acl`: manager users, chan_sip peers, iax users/peers, pjsip, ari. */
export const BASE_ACL: AclKeys = { permit: 'permit', deny: 'deny', named: 'acl' };
/** chan_sip's contact ACL (`contactpermit` / `contactdeny` / `contactacl`). */
export const SIP_CONTACT_ACL: AclKeys = { permit: 'contactpermit', deny: 'contactdeny', named: 'contactacl' };
/** res_pjsip's contact ACL (`contact_permit` / `contact_deny` / `contact_acl`). */
export const PJSIP_CONTACT_ACL: AclKeys = { permit: 'contact_permit', deny: 'contact_deny', named: 'contact_acl' };

const V4_ALL = 0xffffffffn;
const V6_ALL = (1n << 128n) - 1n;

function isSpace(c: string): boolean {
  // isspace() in the C locale.
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

/**
 * glibc `inet_aton` as getaddrinfo(AI_NUMERICHOST) uses it (since 2.28 the whole string must be
 * consumed): 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); `a.b` = a.(24-bit b), …
 */
function parseV4(s: string): bigint | undefined {
  if (s === '') return undefined;
  const parts: number[] = [];
  let i = 0;
  for (;;) {
    if (i >= s.length || !/[0-9]/.test(s[i])) return undefined;
    let base = 10;
    if (s[i] === '0') {
      if (s[i + 1] === 'x' || s[i + 1] === 'X') {
        base = 16;
        i += 2;
      } else base = 8;
    }
    let val = 0;
    let digits = 0;
    for (; i < s.length; i++) {
      const c = s[i];
      let d: number;
      if (/[0-9]/.test(c)) {
        if (base === 8 && (c === '8' || c === '9')) return undefined;
        d = c.charCodeAt(0) - 48;
      } else if (base === 16 && /[a-fA-F]/.test(c)) {
        d = (c.toLowerCase().charCodeAt(0) - 97) + 10;
      } else break;
      val = val * base + d;
      digits++;
      if (val > 0xffffffff) return undefined;
    }
    if (base === 16 && digits === 0) return undefined;
    parts.push(val);
    if (i >= s.length) break;
    if (s[i] !== '.' || parts.length === 4) return undefined;
    i++;
  }
  const [a, b, c, d] = parts;
  let n: number;
  switch (parts.length) {
    case 1:
      n = a;
      break;
    case 2:
      if (a > 0xff || b > 0xffffff) return undefined;
      n = a * 0x1000000 + b;
      break;
    case 3:
      if (a > 0xff || b > 0xff || c > 0xffff) return undefined;
      n = a * 0x1000000 + b * 0x10000 + c;
      break;
    default:
      if (a > 0xff || b > 0xff || c > 0xff || d > 0xff) return undefined;
      n = a * 0x1000000 + b * 0x10000 + c * 0x100 + d;
  }
  return BigInt(n);
}

/** Strict dotted quad (inet_pton4), for the IPv4 tail of an IPv6 address. */
function parseDottedQuad(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0n;
  for (let i = 1; i <= 4; i++) {
    if (m[i].length > 1 && m[i][0] === '0') return undefined;
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = (n << 8n) | BigInt(o);
  }
  return n;
}

/** inet_pton(AF_INET6), with an optional `%scope` suffix as getaddrinfo accepts it. */
function parseV6(s: string): bigint | undefined {
  let str = s;
  const pct = str.indexOf('%');
  if (pct >= 0) {
    if (pct === str.length - 1) return undefined;
    str = str.slice(0, pct);
  }
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(str);
  if (v4) {
    const n = parseDottedQuad(v4[2]);
    if (n === undefined) return undefined;
    str = `${v4[1]}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  if (!/^[0-9a-fA-F:]+$/.test(str) || !str.includes(':')) return undefined;
  const halves = str.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const back = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  if ([...head, ...back].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const total = head.length + back.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const words = [...head, ...new Array(halves.length === 2 ? 8 - total : 0).fill('0'), ...back];
  let n = 0n;
  for (const w of words) n = (n << 16n) | BigInt(parseInt(w, 16));
  return n;
}

/**
 * A numeric host as Asterisk parses one (getaddrinfo with AI_NUMERICHOST): inet_aton forms for
 * IPv4 (`10.1`, `010.0.0.1` = 8.0.0.1), IPv6 with an optional `%scope`. No brackets, no port.
 */
export function parseNumericHost(s: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseV6(s);
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/**
 * A plain address: a dotted quad (leading zeros read as decimal) or an IPv6 address, optionally in
 * brackets. Kept for callers outside the ACL code (its behaviour predates parseNumericHost).
 */
export function parseAddress(s: string): { family: 4 | 6; value: bigint } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (m) {
    let n = 0n;
    for (let i = 1; i <= 4; i++) {
      const o = Number(m[i]);
      if (o > 255) return undefined;
      n = (n << 8n) | BigInt(o);
    }
    return { family: 4, value: n };
  }
  const v6 = parseV6(s.replace(/^\[|\]$/g, ''));
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/** `ast_sockaddr_parse(…, PARSE_PORT_FORBID)`: `[v6]` brackets allowed, a port is not. */
function parseSockaddrNoPort(s: string): { family: 4 | 6; value: bigint } | undefined {
  let host = s;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) host = s.slice(1);
    else {
      if (s[close + 1] === ':') return undefined; // a port
      host = s.slice(1, close);
    }
  } else if (s.split(':').length === 2) {
    return undefined; // exactly one colon: host:port
  }
  const a = parseNumericHost(host);
  if (!a) return undefined;
  // IPv4-mapped IPv6 addresses are turned into IPv4 rules.
  if (a.family === 6 && a.value >> 32n === 0xffffn) return { family: 4, value: a.value & V4_ALL };
  return a;
}

function prefixMask(family: 4 | 6, bits: number): bigint {
  const width = family === 4 ? 32 : 128;
  const all = family === 4 ? V4_ALL : V6_ALL;
  return bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
}

function leadingOnes(mask: bigint, width: number): { prefix: number; contiguous: boolean } {
  let prefix = 0;
  for (let bit = BigInt(width - 1); bit >= 0n && (mask >> bit) & 1n; bit--) prefix++;
  return { prefix, contiguous: mask === prefixMask(width === 32 ? 4 : 6, prefix) };
}

/** Parses one item. Returns the rule or the reason Asterisk rejects it. */
export function parseAclItem(item: string, keySense: Sense): { rule: Omit<AclRule, 'entry' | 'item'> } | { error: string } {
  const slash = item.indexOf('/');
  let address = slash < 0 ? item : item.slice(0, slash);
  const maskText = slash < 0 ? undefined : item.slice(slash + 1);
  let negate = false;
  if (address.startsWith('!')) {
    negate = true;
    address = address.slice(1);
  }
  const sense: Sense = negate ? (keySense === 'permit' ? 'deny' : 'permit') : keySense;
  if (/[\x00-\x20]/.test(address)) return { error: address.trim() === '' ? 'empty item' : 'whitespace in the address' };
  const addr = parseSockaddrNoPort(address);
  if (!addr) return { error: address === '' ? 'empty item' : `'${address}' is not a numeric IP address (host names and ports are not allowed)` };
  const family = addr.family;
  const width = family === 4 ? 32 : 128;
  let mask: bigint;
  if (maskText === undefined) mask = prefixMask(family, width);
  else if (maskText.includes('.') || maskText.includes(':')) {
    const m = parseSockaddrNoPort(maskText);
    if (!m) return { error: `invalid netmask '${maskText}'` };
    if (m.family !== family) return { error: 'address and mask are not the same IP version' };
    mask = m.value;
  } else {
    // sscanf("%30d"): leading blanks skipped, optional sign, digits, the rest ignored.
    let i = 0;
    while (i < maskText.length && isSpace(maskText[i])) i++;
    const m = /^[+-]?\d+/.exec(maskText.slice(i));
    if (!m) return { error: `invalid CIDR netmask '${maskText}'` };
    const bits = Number(m[0]);
    if (bits < 0 || bits > width) return { error: `CIDR netmask /${bits} is out of range for IPv${family}` };
    mask = prefixMask(family, bits);
  }
  const { prefix, contiguous } = leadingOnes(mask, width);
  return { rule: { sense, negate, family, network: addr.value & mask, mask, prefix, contiguous } };
}

/** Where the value's text starts in the file, when it is contiguous (no block comment inside). */
function valueOffset(entry: Entry): number | undefined {
  const a = entry.line.assign;
  if (!a || entry.line.codeMap || entry.op === '+=' || a.value.text !== entry.value) return undefined;
  return a.value.start;
}

/** The items of an ACL line, split as Asterisk splits them (on `,`, untrimmed), with file offsets. */
export function aclItems(entry: Entry): { item: string; start?: number }[] {
  const base = valueOffset(entry);
  const out: { item: string; start?: number }[] = [];
  let pos = 0;
  for (const item of entry.value.split(',')) {
    out.push({ item, start: base === undefined ? undefined : base + pos });
    pos += item.length + 1;
  }
  return out;
}

/**
 * Parses the ACL lines among `entries` (in the order given: pass a section's effective entries),
 * using the key names of `keys` (default `permit` / `deny` / `acl`, compared case-insensitively).
 */
export function parseAcl(entries: readonly Entry[], keys: AclKeys = BASE_ACL): AclParse {
  const out: AclParse = { rules: [], invalid: [], dropped: [], named: [] };
  const permit = keys.permit.toLowerCase();
  const deny = keys.deny.toLowerCase();
  const named = keys.named?.toLowerCase();
  for (const entry of entries) {
    if (named !== undefined && entry.lkey === named) {
      if (entry.value.trim() !== '') out.named.push(entry);
      continue;
    }
    if (entry.lkey !== permit && entry.lkey !== deny) continue;
    const keySense: Sense = entry.lkey === permit ? 'permit' : 'deny';
    let failed = false;
    for (const { item, start } of aclItems(entry)) {
      if (failed) {
        out.dropped.push({ entry, item });
        continue;
      }
      const r = parseAclItem(item, keySense);
      if ('error' in r) {
        out.invalid.push({ entry, item, reason: r.error, itemStart: start });
        failed = true;
        continue;
      }
      out.rules.push({ ...r.rule, entry, item, itemStart: start });
    }
  }
  return out;
}

/** The ACL of a section (inherited lines first, then its own, then `(+)` additions). */
export function sectionAcl(section: Section, keys: AclKeys = BASE_ACL): AclParse {
  return parseAcl(effective(section), keys);
}

function matchesValue(rule: AclRule, family: 4 | 6, value: bigint): boolean {
  return rule.family === family && (value & rule.mask) === rule.network;
}

/** What Asterisk decides for a client address: start at allow, last matching rule wins. */
export function evaluateAcl(rules: readonly AclRule[], address: string): Sense {
  return decidingRule(rules, address)?.sense ?? 'permit';
}

/** The rule that decides for this address (the last one that matches), if any. */
export function decidingRule(rules: readonly AclRule[], address: string): AclRule | undefined {
  const a = parseNumericHost(address.replace(/^\[|\]$/g, ''));
  if (!a) throw new Error(`not an address: ${address}`);
  let family = a.family;
  let value = a.value;
  if (family === 6 && value >> 32n === 0xffffn) {
    family = 4;
    value = value & V4_ALL;
  }
  let hit: AclRule | undefined;
  for (const r of rules) if (matchesValue(r, family, value)) hit = r;
  return hit;
}

/** True when every address `inner` matches is also matched by `outer`. */
export function coversRule(outer: AclRule, inner: AclRule): boolean {
  return outer.family === inner.family && (inner.mask & outer.mask) === outer.mask && (inner.network & outer.mask) === outer.network;
}

/** A rule that matches every address of its family (`0.0.0.0/0`, `::/0`). */
export function isCatchAll(rule: AclRule): boolean {
  return rule.mask === 0n;
}

/** True when the rule matches only loopback addresses (127.0.0.0/8, ::1). */
export function isLoopbackRule(rule: AclRule): boolean {
  if (rule.family === 4) return (rule.mask & 0xff000000n) === 0xff000000n && rule.network >> 24n === 127n;
  return rule.mask === V6_ALL && rule.network === 1n;
}

/** `key=item` as written, for messages. */
export function ruleText(rule: { entry: Entry; item: string }): string {
  return `${rule.entry.key}=${rule.item}`;
}

/** Documentation addresses, standing in for "anyone on the Internet". */
export const PROBE_V4 = '198.51.100.77';
export const PROBE_V6 = '2001:db8:5ee:d::77';

/**
 * The address part of `host`, `host:port`, `[v6]:port` or a bare IPv6 address
 * (`::1`, `2001:db8::1` — more than one colon and no brackets means no port).
 */
export function hostOf(addr: string): string {
  const a = addr.trim();
  const br = /^\[([^\]]*)\](?::\d+)?$/.exec(a);
  if (br) return br[1];
  const colons = a.split(':').length - 1;
  if (colons === 1) return a.slice(0, a.indexOf(':'));
  return a;
}

/** True when a listener bound to this address accepts IPv6 clients. */
export function admitsIpv6(addr: string): boolean {
  return hostOf(addr).includes(':');
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = parseV4(h);
  if (v4 !== undefined) return v4 >> 24n === 127n;
  const v6 = parseV6(h);
  return v6 === 1n || (v6 !== undefined && v6 >> 32n === 0xffffn && (v6 & V4_ALL) >> 24n === 127n);
}

export function isWildcardHost(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::' || h === '*' || h === '';
}

/**
 * A specific global IPv6 address (not `::`, loopback, link-local fe80::/10, unique-local
 * fc00::/7 or an IPv4-mapped address): a listener bound to it is reachable from the IPv6 Internet.
 */
export function isPublicIpv6Host(host: string): boolean {
  const v6 = parseV6(host.trim().replace(/^\[|\]$/g, ''));
  if (v6 === undefined || v6 === 0n || v6 === 1n) return false;
  if (v6 >> 118n === 0x3fan) return false; // fe80::/10
  if (v6 >> 121n === 0x7en) return false; // fc00::/7
  if (v6 >> 32n === 0xffffn) return false;
  return true;
}
