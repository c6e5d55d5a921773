import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-invalid-line',
  title: 'fail2ban cannot read this line',
  severity: 'error',
  fileKinds: ['fail2ban'],
  description:
    'A line fail2ban\'s parser rejects (text before the first section, no "=" or ":", a byte order mark) makes it refuse the whole configuration: fail2ban does not start and nothing is banned. An indented line silently joins the previous value instead.',
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.code === 'duplicate-key' || p.code === 'duplicate-section') continue;
      ctx.report({ span: p.span, message: p.message, severity: p.fatal ? 'error' : 'warning' });
    }
  },
};
