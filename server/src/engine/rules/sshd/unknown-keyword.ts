import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { checksOf } from '../../host/sshd/model';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-unknown-keyword',
  title: 'Unknown or obsolete sshd_config keyword',
  severity: 'error',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'An unknown keyword (a typo such as PermitRootLogon) is fatal: sshd stops with "Bad configuration option" and, restarted over SSH, locks the administrator out. Obsolete keywords (Protocol, UsePrivilegeSeparation, RSAAuthentication) are ignored, so the line does not do what it says.',
  check(ctx) {
    for (const c of checksOf(ctx.doc)) if (c.rule === 'sshd-unknown-keyword') ctx.report({ span: c.span, severity: c.severity, message: c.message, fixes: c.fixes });
  },
};
