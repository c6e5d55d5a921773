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
