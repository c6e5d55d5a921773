import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { isModule, pamView } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-unix-nullok',
  title: 'pam_unix accepts empty passwords (nullok)',
  severity: 'info',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'With nullok, pam_unix lets an account whose password is empty authenticate without one in every service that uses this stack. sshd still refuses them while PermitEmptyPasswords is no, but su, login, FTP or a web login through PAM may not.',
  check(ctx) {
    const view = pamView(ctx);
    for (const r of view.rules) {
      if (r.type !== 'auth' || !isModule(r, 'pam_unix.so')) continue;
      r.args.forEach((a, i) => {
        if (a.text !== 'nullok' && a.text !== 'nullok_secure') return;
        const prevEnd = i === 0 ? r.module!.end : r.args[i - 1].end;
        ctx.report({
          span: a,
          message: `pam_unix ${a.text}: an account with an empty password authenticates without one in every service that uses this stack (sshd refuses it only while PermitEmptyPasswords is no). CIS Debian 12 5.3.3.4.1 asks to remove it.${view.service?.startsWith('common-') ? ' On Debian this file is written by pam-auth-update: also remove nullok from the Auth lines of /usr/share/pam-configs/unix, or the next pam-auth-update run puts it back.' : ''}`,
          fixes: [{ title: `Remove ${a.text} (accounts with an empty password can no longer log in)`, edits: [{ start: prevEnd, end: a.end, newText: '' }], safety: 'offer' }],
        });
      });
    }
  },
};
