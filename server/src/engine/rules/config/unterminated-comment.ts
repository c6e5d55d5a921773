import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

export const rule: Rule = {
  id: 'config-unterminated-comment',
  title: 'Block comment never closed',
  severity: 'warning',
  fileKinds: ASTERISK_KINDS,
  description: 'A `;--` block comment without its `--;` hides everything up to the end of the file from Asterisk.',
  check(ctx) {
    for (const p of ctx.doc.problems) if (p.code === 'unterminated-comment') ctx.report({ span: p.span, message: `${p.message}.` });
  },
};
