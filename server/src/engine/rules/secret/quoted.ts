import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';
import { allEntries, SECRET_KEYS } from './util';

export const rule: Rule = {
  id: 'secret-quoted',
  title: 'Quotes around a secret are part of the secret',
  severity: 'info',
  fileKinds: ASTERISK_KINDS,
  fix: 'offer',
  description:
    'Asterisk does not remove quotes from values: secret="Xy7..." makes the quote characters part of the password. Devices given the text between the quotes fail to authenticate, and an empty "" is a two-character password anyone can guess.',
  check(ctx) {
    for (const entry of allEntries(ctx.doc)) {
      if (!SECRET_KEYS.has(entry.lkey)) continue;
      const v = entry.line.assign!.value;
      const m = /^(["'])([^]*)\1$/.exec(v.text);
      if (!m || v.text.length < 2) continue;
      const inner = m[2];
      if (inner === '') {
        ctx.report({
          span: v,
          message: `This is not an empty ${entry.key}: Asterisk keeps the quotes, so the password is the two quote characters, which anyone can guess. Remove the line if no password is wanted (and restrict the account by address), or set a real secret.`,
        });
        continue;
      }
      // Remove the first and last character of the value as written (escapes such as \; inside stay as they are).
      ctx.report({
        span: v,
        message: `The quotes are part of this ${entry.key}: Asterisk keeps them, so the password in force is ${inner.length + 2} characters long and starts and ends with ${m[1]}. Devices configured with the text between the quotes cannot authenticate.`,
        fixes: [
          {
            title: 'Remove the quotes (devices configured with the quotes must then be updated)',
            safety: 'offer',
            edits: [
              { start: v.start, end: v.start + 1, newText: '' },
              { start: v.end - 1, end: v.end, newText: '' },
            ],
          },
        ],
      });
    }
  },
};
