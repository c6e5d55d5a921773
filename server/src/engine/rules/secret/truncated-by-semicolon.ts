import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';
import { assessSecret, describeReasons, secretPolicy } from '../../secrets';
import type { TextEdit } from '../../text';
import { accountNames, allEntries, isRegisterLine, SECRET_KEYS } from './util';

export const rule: Rule = {
  id: 'secret-truncated-by-semicolon',
  title: 'Secret cut short by a ";" (start of a comment)',
  severity: 'warning',
  fileKinds: ASTERISK_KINDS,
  fix: 'offer',
  description:
    'Asterisk starts a comment at every ";" that is not written "\\;". A secret such as Ab3;xY9... is stored as "Ab3": the password in force is only the part before the semicolon, often short enough to guess, and not what the devices were given.',
  check(ctx) {
    const text = ctx.doc.text;
    for (const entry of allEntries(ctx.doc)) {
      const register = isRegisterLine(ctx.kind, entry);
      if (!SECRET_KEYS.has(entry.lkey) && !register) continue;
      const a = entry.line.assign!;
      if (a.value.text === '') continue;
      // The comment must start right where the value ends: `secret=abc;def`, not `secret=abc ;note`.
      const c = entry.line.comments.find((x) => x.start === a.value.end);
      if (!c || text[c.start] !== ';') continue;
      // `;--` opens a block comment: a different problem (config-* rules).
      if (text.startsWith(';--', c.start) && text[c.start + 3] !== '-') continue;
      const rest = text.slice(c.start + 1, entry.line.end);
      // `abc;changed in May` reads as prose, `abc;` as an empty comment: only a single token
      // glued to the value (optionally followed by a real comment) looks like the rest of a secret.
      const m = /^([^\s;-][^\s]*)[\t ]*(;.*)?$/.exec(rest);
      if (!m) continue;
      // A complete MD5 hash cannot continue after a semicolon.
      if (entry.lkey === 'md5secret' && /^[0-9a-fA-F]{32}$/.test(a.value.text)) continue;
      const run = m[1];
      const end = c.start + 1 + run.length;
      const edits: TextEdit[] = [];
      for (let i = c.start; i < end; i++) if (text[i] === ';') edits.push({ start: i, end: i, newText: '\\' });
      const kept = a.value.text.length;
      const cut = end - c.start;
      let message: string;
      let severity: 'error' | undefined;
      if (register) {
        message = `This ${entry.lkey === 'auth' ? 'auth=' : 'register =>'} line is cut at the ';', which starts a comment: Asterisk sees only the ${kept} characters before it, so the ${entry.lkey === 'auth' ? 'credentials are' : 'registration is'} not what is written here (with the host or realm after the ';', chan_sip rejects the line). Write the semicolon as \\;.`;
      } else {
        const verdict = assessSecret(a.value.text, { names: accountNames(entry), ...secretPolicy(ctx.settings) });
        if (verdict?.severity === 'error') severity = 'error';
        message = `The ${entry.key} is cut at the ';', which starts a comment: the secret in force is only the ${kept} character${kept === 1 ? '' : 's'} before it, and the ${cut} characters from the ';' on are ignored${verdict ? `; what remains is weak (${describeReasons(verdict.reasons)})` : ''}. Devices configured with the whole string fail to log in; an attacker only has to guess the short part. Write the semicolon as \\;.`;
      }
      // chan_iax2 splits secrets at ';' (several passwords for a user), so an IAX2 secret can
      // never contain one: escaping it would create a second, short password.
      const iax = ctx.kind === 'iax';
      if (iax) message = message.replace(/Write the semicolon as \\;\.$/, "chan_iax2 also splits secrets at ';', so an IAX2 secret cannot contain one: choose a secret without ';'.");
      ctx.report({
        span: { start: a.value.start, end },
        severity,
        message,
        fixes: iax ? [] : [{ title: 'Escape the semicolon as \\; (the whole string becomes the secret: devices using only the short part must be updated)', safety: 'offer', edits }],
      });
    }
  },
};
