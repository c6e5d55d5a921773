import type { Fix, Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { absentNote, absentSpan, globalSetting, insertSetting, intValue, matchLabel, matchSettings, replaceValue } from '../../host/sshd/model';

const LIMIT = 4;
const TITLE = `Set MaxAuthTries ${LIMIT} (clients offering more keys than that get "Too many authentication failures"; use IdentitiesOnly)`;

export const rule: Rule<SshdDocument> = {
  id: 'sshd-max-auth-tries',
  title: 'Too many authentication attempts per SSH connection',
  severity: 'info',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'MaxAuthTries is how many passwords (or keys) one connection may try before sshd drops it; the more it allows, the more guesses a brute-force gets per connection, and per-connection tools like fail2ban see fewer connections. CIS asks for 4 or fewer.',
  check(ctx) {
    const { doc } = ctx;
    const fix = (edit: Fix['edits'][number]): Fix[] => [{ title: TITLE, edits: [edit], safety: 'offer' }];
    const d = globalSetting(doc, 'maxauthtries');
    if (d) {
      const n = intValue(d);
      if (n !== undefined && n > LIMIT) ctx.report({ span: d.args[0], message: `MaxAuthTries ${n}: each SSH connection may try ${n} passwords before sshd drops it; CIS Debian 12 asks for ${LIMIT} or fewer (match pam_faillock's deny).`, fixes: fix(replaceValue(d, String(LIMIT))) });
    } else if (!ctx.fragment) {
      ctx.report({ span: absentSpan(doc), message: `MaxAuthTries is not set${absentNote(doc)}, so each SSH connection may try 6 passwords (the default); CIS Debian 12 asks for ${LIMIT} or fewer.`, fixes: fix(insertSetting(doc, 'MaxAuthTries', String(LIMIT))) });
    }
    for (const { match, directive } of matchSettings(doc, 'maxauthtries')) {
      const n = intValue(directive);
      if (n !== undefined && n > LIMIT) ctx.report({ span: directive.args[0], message: `MaxAuthTries ${n} ${matchLabel(match)}: each connection may try ${n} passwords; CIS Debian 12 asks for ${LIMIT} or fewer.`, fixes: fix(replaceValue(directive, String(LIMIT))) });
    }
  },
};
