import type { Rule } from '../../rule';
import { optionLabel } from '../../host/fail2ban/model';
import type { F2bDocument } from '../../host/fail2ban/parser';

/** Values where `#` or a glued `;` is ordinary text (regular expressions, shell commands, actions). */
const NUMERIC = /^(maxretry|bantime|findtime|enabled|ignoreself|maxmatches)$/;
const LITERAL_KEYS = /(regex|datepattern|journalmatch|command|^action)/;

export const rule: Rule<F2bDocument> = {
  id: 'f2b-inline-hash-comment',
  title: 'A comment after a value becomes part of the value',
  severity: 'warning',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'fail2ban only treats `;` after a blank as an inline comment. `maxretry = 3 # three` is the value "3 # three": fail2ban logs "Wrong value for \'maxretry\'" and falls back to its default, so the setting you wrote silently does not apply.',
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.entries) {
      if (LITERAL_KEYS.test(e.name)) continue;
      for (const p of e.parts) {
        const hash = /\s#/.exec(p.text);
        const glued = /[^\s];/.exec(p.text);
        if (hash) {
          const at = p.start + hash.index + 1;
          ctx.report({
            span: { start: at, end: p.end },
            message: `The text from "#" on is part of the value of ${optionLabel(e.name)}, not a comment (fail2ban's inline comments start with " ;"): ${NUMERIC.test(e.name) ? 'fail2ban cannot read the value and uses its default instead' : 'fail2ban uses the whole text as the value'}.`,
            fixes: [{ title: 'Make it a comment: replace "#" with ";"', edits: [{ start: at, end: at + 1, newText: ';' }], safety: 'offer' }],
          });
        } else if (glued) {
          const at = p.start + glued.index + 1;
          ctx.report({
            span: { start: at, end: p.end },
            message: `The text from ";" on is part of the value of ${optionLabel(e.name)}: a ";" starts a comment only after a blank${NUMERIC.test(e.name) ? ', so fail2ban cannot read the value and uses its default instead' : ''}.`,
            fixes: [{ title: 'Put a blank before ";"', edits: [{ start: at, end: at, newText: ' ' }], safety: 'offer' }],
          });
        }
      }
    }
  },
};
