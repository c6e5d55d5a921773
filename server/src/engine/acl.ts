/**
 * Asterisk ACL semantics (main/acl.c, asterisk-syntax.md §9), shared by every rule that reads
 * `permit=` / `deny=` lines: evaluation starts at *allow*, every matching rule overwrites the
 * result (last match wins), IPv4 rules never match native IPv6 clients, list items are split
 * on `,` and not trimmed (an item with a space fails to parse).
 */
import type { Entry } from './asterisk/parser';

export type Sense = 'permit' | 'deny';

export interface AclRule {
  sense: Sense;
  /** The `!` prefix: the rule applies to addresses that do NOT match. */
  negate: boolean;
  family: 4 | 6;
  network: bigint;
  prefix: number;
  entry: Entry;
  /** The item as written. */
  item: string;
}

export interface AclParse {
  rules: AclRule[];
  /** Items Asterisk cannot parse (the whole ACL is then in error). */
  invalid: { entry: Entry; item: string }[];
}

function parseV4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0n;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = (n << 8n) | BigInt(o);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let str = s.replace(/^\[|\]$/g, '');
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(str);
  if (v4) {
    const n = parseV4(v4[2]);
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

export function parseAddress(s: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseV6(s);
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

function maskToPrefix(mask: string): number | undefined {
  if (/^\d{1,3}$/.test(mask)) {
    const n = Number(mask);
    return n <= 128 ? n : undefined;
  }
  const v = parseV4(mask);
  if (v === undefined) return undefined;
  let prefix = 0;
  for (let bit = 31n; bit >= 0n && (v >> bit) & 1n; bit--) prefix++;
  return prefix;
}

/** Parses the ACL lines of a section (permit/deny in order); `acl=` named lists are not expanded here. */
export function parseAcl(entries: readonly Entry[]): AclParse {
  const out: AclParse = { rules: [], invalid: [] };
  for (const entry of entries) {
    if (entry.lkey !== 'permit' && entry.lkey !== 'deny') continue;
    const sense: Sense = entry.lkey === 'permit' ? 'permit' : 'deny';
    for (const item of entry.value.split(',')) {
      let text = item;
      let negate = false;
      if (text.startsWith('!')) {
        negate = true;
        text = text.slice(1);
      }
      const slash = text.indexOf('/');
      const addrText = slash < 0 ? text : text.slice(0, slash);
      const addr = parseAddress(addrText);
      if (!addr) {
        out.invalid.push({ entry, item });
        continue;
      }
      const width = addr.family === 4 ? 32 : 128;
      let prefix: number | undefined = width;
      if (slash >= 0) prefix = maskToPrefix(text.slice(slash + 1));
      if (prefix === undefined || prefix > width) {
        out.invalid.push({ entry, item });
        continue;
      }
      const shift = BigInt(width - prefix);
      out.rules.push({ sense, negate, family: addr.family, network: (addr.value >> shift) << shift, prefix, entry, item });
    }
  }
  return out;
}

function matches(rule: AclRule, family: 4 | 6, value: bigint): boolean {
  let hit = false;
  if (rule.family === family) {
    const width = family === 4 ? 32 : 128;
    const shift = BigInt(width - rule.prefix);
    hit = (value >> shift) << shift === rule.network;
  }
  return rule.negate ? !hit : hit;
}

/** What Asterisk decides for a client address: start at allow, last matching rule wins. */
export function evaluateAcl(rules: readonly AclRule[], address: string): Sense {
  const a = parseAddress(address);
  if (!a) throw new Error('not an address');
  let family = a.family;
  let value = a.value;
  // IPv4-mapped IPv6 addresses are matched by IPv4 rules.
  if (family === 6 && value >> 32n === 0xffffn) {
    family = 4;
    value = value & 0xffffffffn;
  }
  let result: Sense = 'permit';
  for (const r of rules) if (matches(r, family, value)) result = r.sense;
  return result;
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
  return v4 !== undefined && v4 >> 24n === 127n;
}

export function isWildcardHost(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::' || h === '*' || h === '';
}
