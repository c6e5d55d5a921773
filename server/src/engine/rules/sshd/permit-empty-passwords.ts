import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { globalSetting, matchLabel, matchSettings, replaceValue, wordValue } from '../../host/sshd/model';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-permit-empty-passwords',
  title: 'SSH lets accounts with an empty password log in',
  severity: 'error',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'PermitEmptyPasswords yes lets any account whose password is empty log in over SSH with no password at all; scanners try exactly that. Together with pam_unix nullok (Debian\'s default common-auth) nothing else stands in the way.',
  check(ctx) {
    const { doc } = ctx;
    const report = (d: NonNullable<ReturnType<typeof globalSetting>>, where: string) =>
      ctx.report({
        span: d.args[0],
        message: `PermitEmptyPasswords yes${where}: an account with an empty password logs in over SSH with no password at all (pam_unix's nullok, in Debian's default common-auth, lets it through PAM too).`,
        fixes: [{ title: 'Set PermitEmptyPasswords no (accounts with an empty password can no longer log in)', edits: [replaceValue(d, 'no')], safety: 'offer' }],
      });
    const d = globalSetting(doc, 'permitemptypasswords');
    if (d && wordValue(d) === 'yes') report(d, '');
    for (const { match, directive } of matchSettings(doc, 'permitemptypasswords')) {
      if (wordValue(directive) === 'yes') report(directive, ` ${matchLabel(match)}`);
    }
  },
};
