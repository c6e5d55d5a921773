import type { Rule } from '../../rule';
import { replaceValue } from '../../asterisk/edits';
import { assessSecret, describeReasons, generateSecret, secretPolicy } from '../../secrets';
import { nameList } from '../helpers';
import { ariEnabled, ariUsers, byPasswordLine } from './util';

export const rule: Rule = {
  id: 'ari-password-weak',
  title: 'Weak, default or guessable ARI password',
  severity: 'warning',
  fileKinds: ['ari'],
  fix: 'offer',
  description:
    'An ARI user can originate calls, bridge, record and hang up any channel. A short, numeric, dictionary or name-derived plain-text password falls to the first brute-force run against the HTTP server.',
  check(ctx) {
    if (!ariEnabled(ctx)) return;
    const users = ariUsers(ctx.doc).filter((u) => u.kind === 'plain' && u.password && u.password.value !== '');
    for (const [entry, group] of byPasswordLine(users)) {
      const names = group.map((u) => u.section.name);
      const verdict = assessSecret(entry.value, { names, ...secretPolicy(ctx.settings) });
      if (!verdict) continue;
      const writtenIn = ctx.doc.sections[entry.line.section];
      const where = writtenIn && !names.includes(writtenIn.name) ? ` (set in template '${writtenIn.name}')` : '';
      ctx.report({
        span: entry.line.assign!.value,
        // ari.conf alone cannot show whether http.conf serves ARI beyond loopback (that would make it an error).
        severity: 'warning',
        message:
          `Weak ARI password for user${names.length > 1 ? 's' : ''} ${nameList(names)}${where}: ${describeReasons(verdict.reasons)}. ` +
          'An ARI login controls calls and channels. Reported as a warning because ari.conf alone does not show whether http.conf serves ARI beyond loopback; if it does, treat it as an error.',
        fixes: [
          {
            title: 'Replace with a generated 24-character password (then update every ARI application that logs in as this user)',
            safety: 'offer',
            edits: [replaceValue(entry, generateSecret(24))],
          },
        ],
      });
    }
  },
};
