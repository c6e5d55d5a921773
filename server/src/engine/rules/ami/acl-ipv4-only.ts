import type { Rule } from '../../rule';
import { amiListener, amiUserOpen, amiUsers } from '../../asterisk/manager';
import { hostOf, isPublicIpv6Host, ruleText } from '../../acl';
import { includeCaveat, nameList } from '../helpers';
import { permitAllCulprit } from './acl-permit-all';
import { ByLine, inheritedNote, ipv6Gap, ipv6GapFix } from '../acl/util';

export const rule: Rule = {
  id: 'ami-acl-ipv4-only',
  title: 'AMI user ACL denies IPv4 but not IPv6',
  severity: 'warning',
  fileKinds: ['manager'],
  fix: 'safe',
  description:
    'Since Asterisk 11 AMI listens on [::] by default, and IPv4 rules such as deny=0.0.0.0/0.0.0.0 never match a native IPv6 client: a user denied to every IPv4 address still logs in from any IPv6 address (verified from ::1).',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    if (!l.ipv6) return;
    if (!ctx.fragment && (!l.enabled || !l.public)) return;
    const publicV6 = isPublicIpv6Host(hostOf(l.bindaddr));
    const groups = new ByLine<{ edit: ReturnType<typeof ipv6GapFix>; culprit: string }>();
    for (const user of amiUsers(ctx.doc)) {
      const open = amiUserOpen(user, l);
      if (open.v4 || !open.v6) continue; // open to IPv4 too: ami-user-no-acl
      if (permitAllCulprit(open.acl.rules, 6)) continue; // permit=::/0 after the denies: ami-acl-permit-all
      const gap = ipv6Gap(open.acl);
      if (!gap) continue;
      groups.add(gap.culprit.entry, gap.culprit.item, user.name, { edit: ipv6GapFix(ctx.doc, gap.anchor, 'deny'), culprit: ruleText(gap.culprit) });
    }
    const caveat = ctx.fragment && !l.general
      ? { note: ' (assumed: this included file cannot see the bindaddr of the file that includes it)', severity: 'info' as const, related: [] }
      : l.explicit
        ? undefined
        : includeCaveat(l.general, 'warning');
    const where = l.explicit ? `bindaddr=${l.bindaddr}` : `the default bindaddr [::] (Asterisk 11 and later)${caveat?.note ?? ''}`;
    for (const { entry, data, names } of groups.groups()) {
      ctx.report({
        span: entry.line.assign!.value,
        severity: caveat?.note ? caveat.severity : publicV6 ? 'error' : 'warning',
        related: caveat?.related,
        message: `AMI user${names.length > 1 ? 's' : ''} ${nameList(names)}${inheritedNote(entry, names)}: '${data.culprit}' shuts out IPv4 only. AMI listens on ${where}, which accepts IPv6, and no rule matches an IPv6 client, so anyone with an IPv6 address can try to log in.`,
        fixes: [
          {
            title: 'Add deny=::/0 after the IPv4 deny (IPv4 clients are unaffected; IPv6 hosts that need AMI must then be permitted explicitly)',
            safety: 'safe',
            edits: [data.edit],
          },
        ],
      });
    }
  },
};
