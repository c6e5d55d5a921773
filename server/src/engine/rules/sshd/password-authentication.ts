import type { Fix, Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { pamLockout } from '../../host/crossfile';
import { absentNote, absentSpan, addressOnly, globalSetting, insertSetting, matchLabel, matchSettings, replaceValue, wordValue } from '../../host/sshd/model';

const TITLE = 'Disable password logins (PasswordAuthentication no): install and test an SSH key first, editing this over SSH can cut your own access';
const ASSUMPTION = 'pbxlint cannot see /etc/pam.d/sshd or fail2ban from this file, so it assumes no account lockout (pam_faillock) stands behind it';

/** What stands behind password logins: read from pam.d/sshd when the caller lets us, else the safe assumption. */
function behind(ctx: Parameters<Rule<SshdDocument>['check']>[0]): { text: string; locked: boolean } {
  const pam = pamLockout(ctx);
  if (!pam) return { text: ASSUMPTION, locked: false };
  if (pam.value === 'faillock') return { text: `${pam.path} locks accounts after failed logins (checked), which slows the guessing down`, locked: true };
  if (pam.value === 'tally') return { text: `${pam.path} still uses pam_tally, which Linux-PAM 1.5 removed: there is no working lockout (checked; see pam-tally-removed)`, locked: false };
  return { text: `${pam.path} has no account lockout either (checked)`, locked: false };
}

export const rule: Rule<SshdDocument> = {
  id: 'sshd-password-authentication',
  title: 'SSH accepts password logins',
  severity: 'warning',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'With password logins on, anyone who reaches the SSH port can guess passwords, and PBX boxes are scanned for SSH around the clock. Keys cannot be guessed; without them, only an account lockout and fail2ban slow the guessing down.',
  check(ctx) {
    const { doc } = ctx;
    const fix = (edit: Fix['edits'][number]): Fix[] => [{ title: TITLE, edits: [edit], safety: 'offer' }];
    const b = behind(ctx);
    const severity = b.locked ? ('info' as const) : undefined;
    const d = globalSetting(doc, 'passwordauthentication');
    if (d) {
      if (wordValue(d) === 'yes') {
        ctx.report({ span: d.args[0], severity, message: `PasswordAuthentication yes: anyone who reaches the SSH port can guess passwords; ${b.text}. Use keys and set it to no.`, fixes: fix(replaceValue(d, 'no')) });
      }
    } else if (!ctx.fragment) {
      ctx.report({
        span: absentSpan(doc),
        severity,
        message: `PasswordAuthentication is not set${absentNote(doc)}, so OpenSSH's default yes applies: anyone who reaches the SSH port can guess passwords; ${b.text}. Use keys and set it to no.`,
        fixes: fix(insertSetting(doc, 'PasswordAuthentication', 'no')),
      });
    }
    for (const { match, directive } of matchSettings(doc, 'passwordauthentication')) {
      if (wordValue(directive) !== 'yes') continue;
      const limited = addressOnly(match);
      ctx.report({
        span: directive.args[0],
        severity: limited || b.locked ? 'info' : 'warning',
        message: `PasswordAuthentication yes ${matchLabel(match)}: those clients can guess passwords${limited ? ' (limited to those source addresses)' : ''}; ${b.text}.`,
        fixes: fix(replaceValue(directive, 'no')),
      });
    }
  },
};
