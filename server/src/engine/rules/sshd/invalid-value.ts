import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { checksOf } from '../../host/sshd/model';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-invalid-value',
  title: 'sshd refuses to start with this line',
  severity: 'error',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'sshd refuses to start when a value is not one it knows (`on`, `true` for yes), a keyword has extra arguments or a trailing backslash, a `#` is glued to a value, or a keyword is not allowed in a Match block. After a restart over SSH that locks the administrator out.',
  check(ctx) {
    for (const c of checksOf(ctx.doc)) if (c.rule === 'sshd-invalid-value') ctx.report({ span: c.span, severity: c.severity, message: c.message, fixes: c.fixes });
  },
};
