import type { Fix, Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { absentNote, absentSpan, globalSetting, insertSetting, matchLabel, matchSettings, replaceValue, wordValue } from '../../host/sshd/model';

const TITLE = 'Set KbdInteractiveAuthentication no (if you log in with a password or one-time code through keyboard-interactive, install and test a key first, or you lock yourself out)';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-kbdinteractive-with-pam',
  title: 'Keyboard-interactive logins through PAM: a second password path',
  severity: 'info',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'With UsePAM yes, keyboard-interactive authentication asks PAM for the password: it is a second way to guess passwords that stays open even when PasswordAuthentication is no, and depending on the PAM stack it can bypass PermitRootLogin prohibit-password.',
  check(ctx) {
    const { doc } = ctx;
    const pam = globalSetting(doc, 'usepam');
    if (!pam || wordValue(pam) !== 'yes') return;
    const fix = (edit: Fix['edits'][number]): Fix[] => [{ title: TITLE, edits: [edit], safety: 'offer' }];
    const d = globalSetting(doc, 'kbdinteractiveauthentication');
    const what = 'with UsePAM yes, sshd asks PAM for the password over keyboard-interactive too, a second password path that PasswordAuthentication no does not close.';
    if (d) {
      if (wordValue(d) === 'yes') ctx.report({ span: d.args[0], message: `${d.keyword.text} yes: ${what}`, fixes: fix(replaceValue(d, 'no')) });
    } else if (!ctx.fragment) {
      ctx.report({ span: absentSpan(doc), message: `KbdInteractiveAuthentication is not set${absentNote(doc)}, so the default yes applies: ${what}`, fixes: fix(insertSetting(doc, 'KbdInteractiveAuthentication', 'no')) });
    }
    for (const { match, directive } of matchSettings(doc, 'kbdinteractiveauthentication')) {
      if (wordValue(directive) === 'yes') ctx.report({ span: directive.args[0], message: `${directive.keyword.text} yes ${matchLabel(match)}: ${what}`, fixes: fix(replaceValue(directive, 'no')) });
    }
  },
};
