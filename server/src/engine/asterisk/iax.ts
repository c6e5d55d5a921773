/**
 * chan_iax2's view of iax.conf (channels/chan_iax2.c `set_config`, `build_user`, `build_peer`,
 * `check_access`, `authenticate_verify`, `register_verify`):
 *
 * - every section other than `[general]` and `[callnumberlimits]` (case-insensitive) with a
 *   `type=` (last value, case-insensitive) of `user`, `peer` or `friend` is an object; a friend
 *   is both a user and a peer;
 * - a **user** joins every `secret=` line with `;` and accepts each part as a password (the
 *   weakest wins); an empty line after a non-empty one adds an empty password. Every
 *   `context=` line is a context the caller may request (the first is the default, `default`
 *   when there is none; `*` permits any context);
 * - a **peer** keeps only the last `secret=`, but registration still splits it on `;`;
 * - `auth`, `dbsecret`, `inkeys`, `requirecalltoken` are scalars (last line wins), `auth` falls
 *   back to `[general] auth=`;
 * - `encryption`/`forceencryption` only ever add encryption methods to the `[general]` ones.
 */
import { memo } from '../memo';
import type { Span } from '../text';
import { ConfDocument, Entry, Section, allValues, findSection, lastValue, liveSections } from './parser';
import { astFalse, astTrue } from './values';

/** Sections chan_iax2 does not build users or peers from. */
export const IAX_RESERVED = ['general', 'callnumberlimits'];

export interface IaxObject {
  section: Section;
  type: 'user' | 'peer' | 'friend';
  /** type=user or type=friend: accepts calls (check_access). */
  user: boolean;
  /** type=peer or type=friend: registers to us / is dialled. */
  peer: boolean;
}

export function iaxObjects(doc: ConfDocument): IaxObject[] {
  return memo(doc, iaxObjects, () => computeIaxObjects(doc));
}

function computeIaxObjects(doc: ConfDocument): IaxObject[] {
  const out: IaxObject[] = [];
  for (const section of liveSections(doc)) {
    const lname = section.name.toLowerCase();
    if (IAX_RESERVED.includes(lname)) continue;
    const type = lastValue(section, 'type')?.value.toLowerCase();
    if (type === 'user' || type === 'peer' || type === 'friend') {
      out.push({ section, type, user: type !== 'peer', peer: type !== 'user' });
    }
  }
  return out;
}

export function iaxUsers(doc: ConfDocument): IaxObject[] {
  return iaxObjects(doc).filter((o) => o.user);
}

/** One `secret=` line of a user and the passwords it adds to the user's list. */
export interface UserSecretLine {
  entry: Entry;
  /** The passwords this line adds (its value split on `;`); empty when the line adds nothing. */
  passwords: string[];
  /** True when one of the added passwords is the empty string (accepted as such). */
  addsEmpty: boolean;
}

/**
 * The secret lines of a user as `build_user` joins them: the first non-empty value starts the
 * list, every later line (even an empty one) is appended after a `;`. The joined string is
 * split on `;` when a password is checked, so `\;` inside a value also splits it.
 */
export function userSecrets(section: Section): { lines: UserSecretLine[]; hasSecret: boolean } {
  let acc = '';
  const lines: UserSecretLine[] = [];
  for (const entry of allValues(section, 'secret')) {
    let passwords: string[] = [];
    if (acc === '') {
      if (entry.value !== '') passwords = entry.value.split(';');
      acc = entry.value;
    } else {
      passwords = entry.value.split(';');
      acc = `${acc};${entry.value}`;
    }
    lines.push({ entry, passwords, addsEmpty: passwords.includes('') });
  }
  return { lines, hasSecret: acc !== '' };
}

/** The secret a peer uses (the last line), split on `;` as `register_verify` does. */
export function peerSecret(section: Section): { entry: Entry; passwords: string[] } | undefined {
  const e = lastValue(section, 'secret');
  if (!e || e.value === '') return undefined;
  return { entry: e, passwords: e.value.split(';') };
}

/** True when a user has credentials of any kind: a secret, a dbsecret or RSA inkeys. */
export function userHasCredentials(section: Section): boolean {
  if (userSecrets(section).hasSecret) return true;
  if (lastValue(section, 'dbsecret')?.value) return true;
  if (lastValue(section, 'inkeys')?.value) return true;
  return false;
}

/** The contexts a user's caller may request, in order (the first is the default). */
export function userContexts(section: Section): { names: string[]; entries: Entry[]; wildcard?: Entry } {
  const entries = allValues(section, 'context');
  const names = entries.map((e) => e.value);
  return { names: names.length ? names : ['default'], entries, wildcard: entries.find((e) => e.value === '*') };
}

/** The `auth=` line in force for an object: its own (or inherited) one, else `[general]`'s. */
export function authEntry(doc: ConfDocument, section: Section): Entry | undefined {
  return lastValue(section, 'auth') ?? generalEntry(doc, 'auth');
}

/** `get_auth_methods`: substring matches, exactly as chan_iax2 does. */
export function authMethods(value: string): { rsa: boolean; md5: boolean; plaintext: boolean } {
  return { rsa: value.includes('rsa'), md5: value.includes('md5'), plaintext: value.includes('plaintext') };
}

function generalEntry(doc: ConfDocument, lkey: string): Entry | undefined {
  const g = findSection(doc, 'general');
  return g ? lastValue(g, lkey) : undefined;
}

/** `get_encrypt_methods`: `aes128` or a true word enables encryption. */
export function enablesEncryption(value: string): boolean {
  return value.toLowerCase() === 'aes128' || astTrue(value);
}

/**
 * The lines that turn encryption on in these entries (`encryption=` or `forceencryption=`
 * with a value that enables it). chan_iax2 only ever ORs methods in, so a later
 * `encryption=no` does not undo an earlier `yes`.
 */
export function encryptionEnablers(entries: readonly Entry[]): Entry[] {
  return entries.filter(
    (e) => (e.lkey === 'encryption' && enablesEncryption(e.value)) || (e.lkey === 'forceencryption' && !astFalse(e.value) && enablesEncryption(e.value)),
  );
}

/** `requirecalltoken`: the last value of the object, judged like chan_iax2 (`no` / `auto` / `yes`). */
export function calltokenSetting(section: Section): { entry: Entry; mode: 'no' | 'auto' } | undefined {
  const e = lastValue(section, 'requirecalltoken');
  if (!e) return undefined;
  if (astFalse(e.value)) return { entry: e, mode: 'no' };
  if (e.value.toLowerCase() === 'auto') return { entry: e, mode: 'auto' };
  return undefined;
}

export interface IaxRegistration {
  entry: Entry;
  user: string;
  host: string;
  /** The secret part with its exact span; RSA key names (`[key]`) are not secrets. */
  secret?: { text: string; span: Span };
}

/** Physical offset of character `i` of an assignment's value. */
export function valueOffset(entry: Entry, i: number): number {
  const v = entry.line.assign!.value;
  const map = entry.line.codeMap;
  if (!map) return v.start + i;
  const at = map.indexOf(v.start);
  if (at < 0 || at + i >= map.length) return v.start + i;
  return map[at + i];
}

/** `iax2_register`: `user[:secret]@host[:port]`, split like chan_iax2 (first `@`, then `:`). */
export function parseIaxRegistration(entry: Entry): IaxRegistration | undefined {
  const text = entry.value;
  const at = text.indexOf('@');
  if (at < 0) return undefined;
  const userPart = text.slice(0, at);
  const rest = text.slice(at + 1);
  const host = rest.split('@')[0].split(':')[0];
  const c1 = userPart.indexOf(':');
  const reg: IaxRegistration = { entry, user: c1 < 0 ? userPart : userPart.slice(0, c1), host };
  if (c1 >= 0) {
    const after = userPart.slice(c1 + 1);
    const c2 = after.indexOf(':');
    const secret = c2 < 0 ? after : after.slice(0, c2);
    if (secret && !/^\[.*\]$/.test(secret)) {
      const start = valueOffset(entry, c1 + 1);
      const end = valueOffset(entry, c1 + secret.length) + 1;
      reg.secret = { text: secret, span: { start, end } };
    }
  }
  return reg;
}

/** `register =>` lines of the first `[general]` (or, in an included fragment without one, of the preamble). */
export function iaxRegistrations(doc: ConfDocument, fragment: boolean): IaxRegistration[] {
  const general = findSection(doc, 'general');
  const src = general ? general.added : fragment ? doc.preamble : [];
  const out: IaxRegistration[] = [];
  for (const e of src) {
    if (e.lkey !== 'register') continue;
    const r = parseIaxRegistration(e);
    if (r) out.push(r);
  }
  return out;
}

/** True when the section inherits from a base that this file does not define (only possible in a fragment). */
export function hasUnseenBase(section: Section): boolean {
  return section.baseNames.length > section.bases.length;
}
