/** Which lines hold a secret, in any Asterisk file. */
import type { ConfDocument, Entry } from '../../asterisk/parser';
import type { FileKind } from '../../kinds';

/** Keys whose value is a password or a password hash, in every Asterisk file kind. */
export const SECRET_KEYS = new Set(['secret', 'password', 'remotesecret', 'md5secret']);

/** Every assignment line of the file (templates, fragments' preambles and `(+)` sections included). */
export function allEntries(doc: ConfDocument): Entry[] {
  const out: Entry[] = [...doc.preamble];
  for (const s of doc.sections) out.push(...s.own);
  return out;
}

/**
 * Lines that carry a secret inside a longer value: `register => user:secret@host` in sip.conf and
 * iax.conf, and chan_sip's `auth = user:secret@realm`.
 */
export function isRegisterLine(kind: FileKind, e: Entry): boolean {
  return (e.lkey === 'register' && (kind === 'sip' || kind === 'iax')) || (e.lkey === 'auth' && kind === 'sip');
}

/** The names an attacker tries with this secret: the section and the usernames it sets. */
export function accountNames(e: Entry): string[] {
  const s = e.writtenIn;
  if (!s) return [];
  const names = [s.name];
  for (const x of s.own) if (['username', 'defaultuser', 'fromuser', 'authuser', 'auth_user'].includes(x.lkey) && x.value) names.push(x.value);
  return names;
}
