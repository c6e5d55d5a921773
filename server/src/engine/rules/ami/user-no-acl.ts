import type { Rule } from '../../rule';
import { amiListener, amiUserOpen, amiUsers } from '../../asterisk/manager';
import { insertLinesAfter, insertLinesBefore, formatSetting } from '../../asterisk/edits';
import { permitAllCulprit } from './acl-permit-all';

export const rule: Rule = {
  id: 'ami-user-no-acl',
  title: 'AMI user accepts logins from any address',
  severity: 'error',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    'An AMI user without deny=/permit= lines, with permit= lines only, or with denies that do not cover everyone can log in from anywhere: Asterisk starts every ACL at "allow" and the last matching rule wins, so a list of permits restricts nothing. Deny everything first, then permit the hosts that need AMI.',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    // A fragment (manager_custom.conf) cannot see [general]: assume the listener is reachable.
    if (!ctx.fragment && (!l.enabled || !l.public)) return;
    for (const user of amiUsers(ctx.doc)) {
      const open = amiUserOpen(user, l);
      if (!open.v4) continue; // IPv6-only gaps are a separate rule
      if (permitAllCulprit(open.acl.rules, 4)) continue; // ami-acl-permit-all explains that one
      const { rules } = open.acl;
      const hasDeny = rules.some((r) => r.sense === 'deny');
      const fmt = (k: string, v: string) => formatSetting(ctx.doc, user, k, v);
      const firstPermit = rules.find((r) => r.sense === 'permit' && r.entry.writtenIn === user)?.entry.line;
      const edit = firstPermit
        ? insertLinesBefore(ctx.doc, firstPermit, [fmt('deny', '0.0.0.0/0.0.0.0'), fmt('deny', '::/0')])
        : insertLinesAfter(ctx.doc, user.header, [fmt('deny', '0.0.0.0/0.0.0.0'), fmt('deny', '::/0'), fmt('permit', '127.0.0.1/255.255.255.255')]);
      const why = !rules.length
        ? 'has no deny=/permit= lines'
        : !hasDeny
          ? 'has only permit= lines, which restrict nothing (ACLs start at allow)'
          : 'has deny= lines that do not cover every address';
      ctx.report({
        span: user.header.header!.name,
        message: `AMI user '${user.name}' ${why}: it accepts logins from any address.`,
        fixes: [
          {
            title: firstPermit
              ? 'Insert deny=0.0.0.0/0.0.0.0 and deny=::/0 before the permits'
              : 'Allow only localhost: deny=0.0.0.0/0.0.0.0, deny=::/0, permit=127.0.0.1 (add your admin hosts)',
            safety: 'offer',
            edits: [edit],
          },
        ],
      });
    }
  },
};
