import type { Fix, Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { absentNote, absentSpan, globalSetting, insertSetting, replaceValue, wordValue } from '../../host/sshd/model';

const TITLE = 'Set UsePAM yes (check /etc/pam.d/sshd first: a pam_tally line there would refuse every login)';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-usepam-disabled',
  title: 'sshd does not use PAM: pam_faillock lockout and PAM account checks are bypassed',
  severity: 'warning',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'With UsePAM no, sshd checks passwords itself and never runs /etc/pam.d/sshd: an account lockout configured there (pam_faillock) does nothing, nor do PAM account and session checks such as pam_nologin and pam_access.',
  check(ctx) {
    const { doc } = ctx;
    const fix = (edit: Fix['edits'][number]): Fix[] => [{ title: TITLE, edits: [edit], safety: 'offer' }];
    const assumption = 'pbxlint checks one file at a time and assumes /etc/pam.d/sshd holds the account lockout (pam_faillock), which sshd then never runs';
    const d = globalSetting(doc, 'usepam');
    if (d) {
      if (wordValue(d) === 'no') ctx.report({ span: d.args[0], message: `UsePAM no: sshd bypasses PAM; ${assumption}, and PAM account checks (pam_nologin, pam_access) are skipped too.`, fixes: fix(replaceValue(d, 'yes')) });
    } else if (!ctx.fragment) {
      ctx.report({ span: absentSpan(doc), message: `UsePAM is not set${absentNote(doc)}, so OpenSSH's compiled-in default no applies: sshd bypasses PAM; ${assumption}.`, fixes: fix(insertSetting(doc, 'UsePAM', 'yes')) });
    }
  },
};
