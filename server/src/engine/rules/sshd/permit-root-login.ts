import type { Fix, Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { absentNote, absentSpan, globalSetting, insertSetting, matchLabel, matchSettings, replaceValue, wordValue } from '../../host/sshd/model';

const LOCKOUT = 'make sure a named account can log in and use sudo first, or you lock yourself out';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-permit-root-login',
  title: 'root may log in over SSH',
  severity: 'error',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'root exists on every Linux box, so it is the first account an SSH brute-force tries; with PermitRootLogin yes a guessed password gives full control at once and no trace of who logged in. Named accounts with sudo leave an attacker two secrets to find and leave an audit trail.',
  check(ctx) {
    const { doc } = ctx;
    const toNo = (edit: Fix['edits'][number]): Fix => ({ title: `Set PermitRootLogin no (${LOCKOUT})`, edits: [edit], safety: 'offer' });
    const d = globalSetting(doc, 'permitrootlogin');
    if (d) {
      const v = wordValue(d);
      if (v === 'yes') {
        ctx.report({
          span: d.args[0],
          message: 'PermitRootLogin yes: anyone who reaches the SSH port can try passwords for root, the one account name every attacker knows, and a hit gives full control of the PBX. Set it to no (or at least prohibit-password, keys only).',
          fixes: [toNo(replaceValue(d, 'no'))],
        });
      } else if (v === 'prohibit-password' || v === 'without-password') {
        ctx.report({ span: d.args[0], severity: 'info', message: `PermitRootLogin ${d.args[0].text}: root can still log in with a key; a stolen or forgotten authorized key gives full control without a trace of who used it. Log in as a named user and use sudo.`, fixes: [toNo(replaceValue(d, 'no'))] });
      } else if (v === 'forced-commands-only') {
        ctx.report({ span: d.args[0], severity: 'info', message: 'PermitRootLogin forced-commands-only: root can log in with keys restricted to a command (backups, automation). Check that every root key in authorized_keys has a command= option.', fixes: [toNo(replaceValue(d, 'no'))] });
      }
    } else if (!ctx.fragment) {
      ctx.report({
        span: absentSpan(doc),
        severity: 'info',
        message: `PermitRootLogin is not set${absentNote(doc)}: OpenSSH's default prohibit-password lets root log in with a key. Log in as a named user and use sudo, and set PermitRootLogin no.`,
        fixes: [toNo(insertSetting(doc, 'PermitRootLogin', 'no'))],
      });
    }
    for (const { match, directive } of matchSettings(doc, 'permitrootlogin')) {
      if (wordValue(directive) !== 'yes') continue;
      ctx.report({
        span: directive.args[0],
        message: `PermitRootLogin yes ${matchLabel(match)}: those clients can try passwords for root, and a hit gives full control of the PBX.`,
        fixes: [toNo(replaceValue(directive, 'no'))],
      });
    }
  },
};
