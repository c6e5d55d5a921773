/** Address helpers for the fail2ban rules: ignoreip entries, loopback, private and public ranges. */

export interface Cidr {
  v6: boolean;
  /** The address as 4 or 8 numbers (octets / 16-bit groups). */
  parts: number[];
  prefix: number;
}

function parseV4(s: string): number[] | undefined {
  const p = s.split('.');
  if (p.length < 1 || p.length > 4 || p.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255)) return undefined;
  // fail2ban (like inet_aton) accepts short forms such as 0/0 and 127/8.
  while (p.length < 4) p.push('0');
  return p.map(Number);
}

function parseV6(s: string): number[] | undefined {
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const conv = (h: string): number[] | undefined => {
    if (!h) return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (g.includes('.')) {
        const v4 = parseV4(g);
        if (!v4 || g.split('.').length !== 4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const a = conv(halves[0]);
  const b = halves.length === 2 ? conv(halves[1]) : [];
  if (!a || !b) return undefined;
  if (halves.length === 1) return a.length === 8 ? a : undefined;
  if (a.length + b.length > 7) return undefined;
  return [...a, ...new Array(8 - a.length - b.length).fill(0), ...b];
}

/** An IPv4/IPv6 address or CIDR as fail2ban's ignoreip reads it; undefined for DNS names and others. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, pfx, extra] = text.split('/');
  if (extra !== undefined || !addr) return undefined;
  const v6 = addr.includes(':');
  const parts = v6 ? parseV6(addr) : parseV4(addr);
  if (!parts) return undefined;
  const max = v6 ? 128 : 32;
  if (pfx !== undefined && !/^\d{1,3}$/.test(pfx)) return undefined;
  const prefix = pfx === undefined ? max : Number(pfx);
  if (prefix > max) return undefined;
  return { v6, parts, prefix };
}

function inRange(c: Cidr, base: string, len: number): boolean {
  const b = parseCidr(base)!;
  if (b.v6 !== c.v6 || c.prefix < len) return false;
  const width = c.v6 ? 16 : 8;
  for (let bit = 0; bit < len; bit++) {
    const i = Math.floor(bit / width);
    const shift = width - 1 - (bit % width);
    if (((c.parts[i] >> shift) & 1) !== ((b.parts[i] >> shift) & 1)) return false;
  }
  return true;
}

export function isLoopback(c: Cidr): boolean {
  return c.v6 ? inRange(c, '::1', 128) || inRange(c, '::ffff:127.0.0.0', 104) : inRange(c, '127.0.0.0', 8);
}

/** Private, shared or link-local space (RFC 1918, RFC 6598, RFC 4193, link-local, loopback). */
export function isPrivate(c: Cidr): boolean {
  if (isLoopback(c)) return true;
  if (c.v6) return inRange(c, 'fc00::', 7) || inRange(c, 'fe80::', 10);
  return inRange(c, '10.0.0.0', 8) || inRange(c, '172.16.0.0', 12) || inRange(c, '192.168.0.0', 16) || inRange(c, '100.64.0.0', 10) || inRange(c, '169.254.0.0', 16);
}

/** The shortest public prefix that is still "your network": IPv4 /16, IPv6 /32 (an ISP allocation). */
export const MIN_PUBLIC_PREFIX = { v4: 16, v6: 32 };

/** Why an ignoreip entry exempts far more than one organisation, or undefined. */
export function tooBroad(text: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return undefined;
  if (c.prefix === 0) return c.v6 ? 'every IPv6 address' : 'every IPv4 address';
  if (isPrivate(c)) return undefined;
  const min = c.v6 ? MIN_PUBLIC_PREFIX.v6 : MIN_PUBLIC_PREFIX.v4;
  if (c.prefix < min) {
    const count = c.v6 ? `2^${128 - c.prefix}` : (2 ** (32 - c.prefix)).toLocaleString('en-US');
    return `${count} public addresses (shorter than /${min})`;
  }
  return undefined;
}

/** True when a list names something beyond loopback (an address, a network, a DNS name, a file). */
export function ownNetworks(items: string[]): boolean {
  return items.some((t) => {
    if (/^localhost$/i.test(t)) return false;
    const c = parseCidr(t);
    return !c || !isLoopback(c);
  });
}
