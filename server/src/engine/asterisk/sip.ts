/** chan_sip's view of sip.conf: which sections are peers, and `register =>` lines. */
import type { Span } from '../text';
import { ConfDocument, Entry, Section, findSection, lastValue, liveSections } from './parser';

export const SIP_RESERVED = ['general', 'authentication'];

export interface SipPeer {
  section: Section;
  /** peer, user or friend (chan_sip skips sections without a type). */
  type: string;
}

export function sipPeers(doc: ConfDocument): SipPeer[] {
  const out: SipPeer[] = [];
  for (const section of liveSections(doc, SIP_RESERVED)) {
    const type = lastValue(section, 'type')?.value.toLowerCase();
    if (type === 'peer' || type === 'user' || type === 'friend') out.push({ section, type });
  }
  return out;
}

export interface Registration {
  entry: Entry;
  /** The `peer?` prefix, when present. */
  peer?: string;
  /** `udp`, `tcp`, `tls` from a `tls://` prefix (UDP when absent). */
  transport?: string;
  user: string;
  /** The secret part with its exact span in the file. */
  secret?: { text: string; span: Span };
  authuser?: string;
  host: string;
}

/**
 * Splits `register => [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/ext][~expiry]`.
 * Host is after the last `@` that comes before any `/`.
 */
export function parseRegistration(entry: Entry): Registration | undefined {
  const v = entry.line.assign!.value;
  const text = v.text;
  let i = 0;
  let peer: string | undefined;
  const q = text.indexOf('?');
  if (q >= 0 && q < text.indexOf('@')) {
    peer = text.slice(0, q);
    i = q + 1;
  }
  let transport: string | undefined;
  const t = text.indexOf('://', i);
  if (t >= 0 && t < text.indexOf('@', i)) {
    transport = text.slice(i, t).toLowerCase();
    i = t + 3;
  }
  const slash = text.indexOf('/', i);
  const limit = slash < 0 ? text.length : slash;
  const at = text.lastIndexOf('@', limit - 1);
  if (at < i) return undefined;
  const userPart = text.slice(i, at);
  const hostPart = text.slice(at + 1, limit).replace(/~.*$/, '');
  const colon1 = userPart.indexOf(':');
  const user = colon1 < 0 ? userPart : userPart.slice(0, colon1);
  const reg: Registration = { entry, peer, transport, user: user.replace(/@.*$/, ''), host: hostPart.replace(/:\d+$/, '') };
  if (colon1 >= 0) {
    const rest = userPart.slice(colon1 + 1);
    const colon2 = rest.indexOf(':');
    const secret = colon2 < 0 ? rest : rest.slice(0, colon2);
    if (colon2 >= 0) reg.authuser = rest.slice(colon2 + 1);
    if (secret) {
      const from = i + colon1 + 1;
      // Map logical offsets to the file: the value is contiguous unless a block comment sits inside it.
      const map = entry.line.codeMap;
      const logicalStart = map ? map.indexOf(v.start) : -1;
      const start = map && logicalStart >= 0 ? map[logicalStart + from] : v.start + from;
      reg.secret = { text: secret, span: { start, end: start + secret.length } };
    }
  }
  return reg;
}

/** `register =>` lines of `[general]`, or of an included fragment's top (FreePBX `sip_registrations_custom.conf`). */
export function registrations(doc: ConfDocument): Registration[] {
  const general = findSection(doc, 'general');
  const out: Registration[] = [];
  for (const e of general ? general.added : doc.preamble) {
    if (e.lkey !== 'register') continue;
    const r = parseRegistration(e);
    if (r) out.push(r);
  }
  return out;
}

/** `host=dynamic` (chan_sip compares case-insensitively). */
export function isDynamic(section: Section): boolean {
  return lastValue(section, 'host')?.value.toLowerCase() === 'dynamic';
}

/** The fixed `host=` of a peer (a provider or a device at a known address), if any. */
export function fixedHost(section: Section): string | undefined {
  const h = lastValue(section, 'host')?.value;
  return h && h.toLowerCase() !== 'dynamic' ? h : undefined;
}

/**
 * The peer a `register =>` line belongs to: its `peer?` prefix, else a peer whose host= or
 * name is the registration host (the way admins and FreePBX pair them).
 */
export function registrationPeer(peers: SipPeer[], reg: Registration): SipPeer | undefined {
  const host = reg.host.toLowerCase();
  return (
    (reg.peer ? peers.find((p) => p.section.name.toLowerCase() === reg.peer!.toLowerCase()) : undefined) ||
    peers.find((p) => lastValue(p.section, 'host')?.value.toLowerCase() === host) ||
    peers.find((p) => p.section.name.toLowerCase() === host)
  );
}

/** Peers that some `register =>` line of this file belongs to. */
export function registeredPeers(doc: ConfDocument, peers: SipPeer[] = sipPeers(doc)): Set<Section> {
  const out = new Set<Section>();
  for (const reg of registrations(doc)) {
    const p = registrationPeer(peers, reg);
    if (p) out.add(p.section);
  }
  return out;
}

/** How chan_sip answers requests: to the Via port (off), to the source when NAT is detected (auto), always to the source (force). */
export type RportMode = 'off' | 'auto' | 'force';

/**
 * The signalling part of a `nat=` value (channels/sip/config_parser.c sip_parse_nat_option,
 * 11+; 1.8/10 have no auto_ words). Words are split on `,`, untrimmed, case-insensitive;
 * comedia/auto_comedia only concern media and are ignored here. Before 1.8 (`yes`, `no`,
 * `never`, `route`): `yes` and `route` answer to the source address.
 */
export function rportMode(value: string, legacy = false): RportMode {
  let mode: RportMode = 'off';
  for (const w of value.split(',').map((x) => x.toLowerCase())) {
    if (['no', 'false', 'n', 'f', '0', 'off'].includes(w) || (legacy && w === 'never')) return 'off';
    if (w === 'yes' || (legacy && w === 'route')) return 'force';
    if (w === 'force_rport' && mode !== 'auto') mode = 'force';
    else if (w === 'auto_force_rport') mode = 'auto';
  }
  return mode;
}

/** What each mode means, for messages. */
export function describeRport(mode: RportMode): string {
  return mode === 'off' ? 'to the port in the Via header' : mode === 'auto' ? 'to the source port when NAT is detected' : 'always to the source port';
}
