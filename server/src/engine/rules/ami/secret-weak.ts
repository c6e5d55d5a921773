import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { amiUsers } from '../../asterisk/manager';
import { reportWeakSecrets } from '../helpers';

export const rule: Rule = {
  id: 'ami-secret-weak',
  title: 'Weak, default or guessable AMI secret',
  severity: 'error',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    'An AMI login can originate calls, run dialplan and, with the system or command classes, shell commands. Appliance defaults such as amp111 and short or dictionary secrets are the first thing an attacker tries on port 5038.',
  check(ctx) {
    const items = [];
    for (const user of amiUsers(ctx.doc)) {
      const e = lastValue(user, 'secret');
      if (e && e.value !== '') items.push({ entry: e, owner: user.name, names: [user.name], what: 'secret' });
    }
    reportWeakSecrets(ctx, items, 'AMI user', 'update every AMI client, e.g. FreePBX AMPMGRPASS, with it', 'An AMI login can originate calls and, with the system or command classes, run shell commands.');
  },
};
