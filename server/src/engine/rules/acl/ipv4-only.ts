import type { Rule } from '../../rule';
import { ruleText } from '../../acl';
import { AclList, ByLine, aclLists, ipv6Gap, ipv6GapFix, listAcl, whoText } from './util';

export const rule: Rule = {
  id: 'acl-ipv4-only',
  title: 'ACL denies IPv4 but lets every IPv6 address through',
  severity: 'warning',
  fileKinds: ['sip', 'iax', 'pjsip'],
  fix: 'safe',
  description:
    'IPv4 rules such as deny=0.0.0.0/0.0.0.0 never match a native IPv6 client, and an ACL starts at "allow": when the service listens on IPv6, an attacker with an IPv6 address walks past the deny-all.',
  check(ctx) {
    // manager.conf is left to ami-acl-ipv4-only; ari.conf's listener lives in http.conf.
    const groups = new ByLine<{ list: AclList; edit: ReturnType<typeof ipv6GapFix>; culprit: string }>();
    for (const list of aclLists(ctx)) {
      if (list.ipv6 !== true) continue;
      const acl = listAcl(list);
      const gap = ipv6Gap(acl);
      if (!gap) continue;
      groups.add(gap.culprit.entry, `${list.keys.deny}:${gap.culprit.item}`, list.section.name, { list, edit: ipv6GapFix(ctx.doc, gap.anchor, list.keys.deny), culprit: ruleText(gap.culprit) });
    }
    for (const { entry, data, names } of groups.groups()) {
      const { list } = data;
      const who = whoText(list, names, entry);
      ctx.report({
        span: entry.line.assign!.value,
        severity: list.publicIpv6 ? 'error' : 'warning',
        message: `${who}: '${data.culprit}' shuts out IPv4 only. The service listens on ${list.publicIpv6 ? 'a public IPv6 address' : 'IPv6'} and no rule matches an IPv6 client, so any IPv6 address passes this ACL, which guards ${list.guards}.`,
        fixes: [
          {
            title: `Add ${list.keys.deny}=::/0 (IPv4 clients are unaffected; IPv6 hosts that need access must then be permitted explicitly)`,
            safety: 'safe',
            edits: [data.edit],
          },
        ],
      });
    }
  },
};
