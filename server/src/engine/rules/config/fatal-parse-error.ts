import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

const FATAL = new Set(['no-closing-bracket', 'no-closing-paren', 'no-category', 'invalid-escape', 'unknown-base', 'append-missing']);

export const rule: Rule = {
  id: 'config-fatal-parse-error',
  title: 'Asterisk rejects the whole file',
  severity: 'error',
  fileKinds: ASTERISK_KINDS,
  description:
    'A header without its closing bracket, inheritance from an undefined section, a setting before the first section and the like make Asterisk reject the entire file. On reload it keeps the previous configuration, so the security fixes you just made never take effect.',
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (FATAL.has(p.code)) ctx.report({ span: p.span, message: `${p.message}; on reload the previous configuration stays in force.` });
    }
  },
};
