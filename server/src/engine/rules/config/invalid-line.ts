import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

const IGNORED = new Set(['no-equals', 'no-name', 'unknown-directive', 'directive-no-arg', 'line-too-long', 'nul-byte']);

export const rule: Rule = {
  id: 'config-invalid-line',
  title: 'Asterisk ignores this line',
  severity: 'warning',
  fileKinds: ASTERISK_KINDS,
  description:
    "Lines without '=', with '#' used as a comment, over-long lines and lines cut by a NUL byte are skipped by Asterisk with at most a log warning. A security setting written that way silently does not apply.",
  check(ctx) {
    for (const p of ctx.doc.problems) if (IGNORED.has(p.code)) ctx.report({ span: p.span, message: `${p.message}.` });
  },
};
