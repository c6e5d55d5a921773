import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { amiUsers } from '../../asterisk/manager';
import { replaceValue } from '../../asterisk/edits';
import { generateSecret } from '../../secrets';
import { nameList } from '../helpers';
import { ByLine, inheritedNote } from '../acl/util';

export const rule: Rule = {
  id: 'ami-user-no-secret',
  title: 'AMI user without a secret',
  severity: 'info',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    'A manager.conf user with no secret= line can never log in: dead configuration that tends to be "fixed" later with a quick, weak password. An EMPTY secret= is worse: Asterisk then accepts a Login whose Secret is empty or missing.',
  check(ctx) {
    const empty = new ByLine<null>();
    for (const user of amiUsers(ctx.doc)) {
      const secret = lastValue(user, 'secret');
      if (secret) {
        if (secret.value === '') empty.add(secret, 'secret', user.name, null);
        continue;
      }
      if (ctx.fragment) continue; // a (+) section elsewhere may add it
      ctx.report({
        span: user.header.header!.name,
        message: `AMI user '${user.name}' has no secret=: no login can succeed, so this is dead configuration. Remove the section, or give it a generated secret when a client needs it (not a quick, guessable one).`,
      });
    }
    for (const { entry, names } of empty.groups()) {
      ctx.report({
        span: entry.line.assign!.value,
        severity: 'error',
        message: `AMI user${names.length > 1 ? 's' : ''} ${nameList(names)}${inheritedNote(entry, names)}: secret= is empty, and Asterisk compares the Login's Secret with it as is, so an empty or missing Secret logs in (only the user's ACL stands in the way).`,
        fixes: [
          {
            title: 'Set a generated 24-character secret (then configure the AMI client with it)',
            safety: 'offer',
            edits: [replaceValue(entry, generateSecret(24))],
          },
        ],
      });
    }
  },
};
