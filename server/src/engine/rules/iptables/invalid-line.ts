import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';

export const rule: Rule<IptDocument> = {
  id: 'iptables-invalid-line',
  title: 'iptables-restore rejects this line (and the whole file)',
  severity: 'error',
  fileKinds: ['iptables'],
  description:
    'iptables-restore is all or nothing: one line it cannot read (an unknown table, a chain line without a policy, a rule on an undeclared chain, an indented comment, Windows line ends) makes it load no rule at all, so the PBX boots with no firewall.',
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.code === 'no-commit' || p.code === 'outside-table') continue;
      ctx.report({ span: p.span, message: p.message });
    }
  },
};
