import type { Rule } from '../../rule';
import { amiAcl, amiListener, amiUsers } from '../../asterisk/manager';
import { insertLinesAfter, insertLinesBefore, formatSetting } from '../../asterisk/edits';

export const rule: Rule = {
  id: 'ami-user-no-acl',
  title: 'AMI user accepts logins from any address',
  severity: 'error',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    'An AMI user without deny=/permit= lines, or with permit= lines only, can log in from anywhere: Asterisk starts every ACL at "allow" and the last matching rule wins, so a list of permits restricts nothing. Deny everything first, then permit the hosts that need AMI.',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    // A fragment (manager_custom.conf) cannot see [general]: assume the listener is reachable.
    if (!ctx.fragment && (!l.enabled || !l.public)) return;
    for (const user of amiUsers(ctx.doc)) {
      const acl = amiAcl(user);
      const hasDeny = acl.rules.some((r) => r.sense === 'deny') || acl.invalid.length > 0;
      if (hasDeny) continue;
      const lines = ['deny=0.0.0.0/0.0.0.0', 'deny=::/0', 'permit=127.0.0.1/255.255.255.255'].map((s) => {
        const [k, v] = s.split('=');
        return formatSetting(ctx.doc, user, k, v);
      });
      const firstPermit = acl.rules.find((r) => r.entry.writtenIn === user)?.entry.line;
      const edit = firstPermit ? insertLinesBefore(ctx.doc, firstPermit, lines.slice(0, 2)) : insertLinesAfter(ctx.doc, user.header, lines);
      ctx.report({
        span: user.header.header!.name,
        message: acl.rules.length
          ? `AMI user '${user.name}' has only permit= lines, which restrict nothing (ACLs start at allow): it accepts logins from any address.`
          : `AMI user '${user.name}' has no deny=/permit= lines: it accepts logins from any address.`,
        fixes: [
          {
            title: firstPermit ? 'Insert deny=0.0.0.0/0.0.0.0 and deny=::/0 before the permits' : 'Allow only localhost: deny=0.0.0.0/0.0.0.0, deny=::/0, permit=127.0.0.1 (add your admin hosts)',
            safety: 'offer',
            edits: [edit],
          },
        ],
      });
    }
  },
};
