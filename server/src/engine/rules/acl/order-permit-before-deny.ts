import type { Rule } from '../../rule';
import { AclRule, coversRule, ruleText } from '../../acl';
import { AclList, ByLine, aclLists, listAcl, whoText } from './util';

export const rule: Rule = {
  id: 'acl-order-permit-before-deny',
  title: 'permit= line is cancelled by a later deny=',
  severity: 'info',
  fileKinds: ['sip', 'iax', 'pjsip', 'ari', 'manager'],
  description:
    'The last matching ACL rule wins, so a permit= followed by a deny= that covers it never takes effect: the host the author meant to admit is refused, which tends to get "fixed" by loosening the ACL rather than reordering it.',
  check(ctx) {
    const groups = new ByLine<{ list: AclList; dead: { permit: AclRule; deny: AclRule }[] }>();
    for (const list of aclLists(ctx)) {
      const acl = listAcl(list);
      if (acl.invalid.length) continue; // acl-list-whitespace, or the module rejects the list anyway
      const dead = new Map<string, { permit: AclRule; deny: AclRule }[]>();
      acl.rules.forEach((p, i) => {
        if (p.sense !== 'permit') return;
        const d = acl.rules.slice(i + 1).find((r) => r.sense === 'deny' && coversRule(r, p));
        if (!d) return;
        const k = String(p.entry.line.index);
        dead.set(k, [...(dead.get(k) ?? []), { permit: p, deny: d }]);
      });
      for (const items of dead.values()) groups.add(items[0].permit.entry, list.keys.permit, list.section.name, { list, dead: items });
    }
    for (const { entry, data, names } of groups.groups()) {
      const { list, dead } = data;
      const what = dead.length === 1 ? `'${ruleText(dead[0].permit)}' never takes effect` : `${dead.map((d) => `'${d.permit.item}'`).join(', ')} never take effect`;
      const deny = dead[0].deny;
      ctx.report({
        span: entry.line.assign!.value,
        message: `${whoText(list, names, entry)}: ${what}, because '${ruleText(deny)}' on line ${deny.entry.line.index + 1} comes after and matches every address permitted here (the last matching rule wins). Put the deny lines first.`,
      });
    }
  },
};
