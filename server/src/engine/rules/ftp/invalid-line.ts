import type { Rule } from '../../rule';
import type { VsftpdDocument } from '../../host/ftp/vsftpd';
import type { XinetdDocument } from '../../host/ftp/xinetd';

export const rule: Rule<VsftpdDocument | XinetdDocument> = {
  id: 'ftp-invalid-line',
  title: 'vsftpd or xinetd cannot read this line',
  severity: 'error',
  fileKinds: ['vsftpd', 'xinetd'],
  description:
    'vsftpd refuses to start on any line it cannot read (a blank before "=", an indented "#", a bad YES/NO, an unknown setting); xinetd drops the whole service, or ignores the line, so a `disable = yes # off` written with a comment leaves the service running.',
  check(ctx) {
    if (ctx.kind === 'vsftpd') {
      for (const p of (ctx.doc as VsftpdDocument).problems) ctx.report({ span: p.span, message: p.message, severity: p.certain ? 'error' : 'info' });
      return;
    }
    for (const p of (ctx.doc as XinetdDocument).problems) ctx.report({ span: p.span, message: p.message, severity: 'warning' });
  },
};
