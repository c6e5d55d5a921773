import type { Rule } from '../../rule';
import { ruleText } from '../../acl';
import { AclList, ByLine, aclLists, listAcl, permitOnly, permitOnlyFix, whoText } from './util';

export const rule: Rule = {
  id: 'acl-permit-only',
  title: 'ACL of permit lines only restricts nothing',
  severity: 'warning',
  fileKinds: ['sip', 'iax', 'pjsip', 'ari'],
  fix: 'safe',
  description:
    'Asterisk starts every ACL at "allow" and the last matching rule wins, so permit= lines without a deny= that covers every address admit the whole Internet: the device, user or service is reachable from anywhere, protected only by its password.',
  check(ctx) {
    // manager.conf is left to ami-user-no-acl, which also knows whether AMI is reachable.
    const groups = new ByLine<{ list: AclList; fix: ReturnType<typeof permitOnlyFix>; hasDeny: boolean; item: string }>();
    for (const list of aclLists(ctx)) {
      const acl = listAcl(list);
      const hit = permitOnly(acl);
      if (!hit) continue;
      const fix = permitOnlyFix(ctx.doc, acl, hit.firstPermit, list.keys.deny);
      groups.add(hit.firstPermit.entry, `${list.keys.permit}:${hit.firstPermit.item}`, list.section.name, { list, fix, hasDeny: hit.hasDeny, item: ruleText(hit.firstPermit) });
    }
    for (const { entry, data, names } of groups.groups()) {
      const { list } = data;
      const who = whoText(list, names, entry);
      const why = data.hasDeny
        ? `no deny rule covers every address, so '${data.item}' and any other permit restrict nothing`
        : `'${data.item}' restricts nothing: there is no ${list.keys.deny}= line and an ACL starts at allow`;
      ctx.report({
        span: entry.line.assign!.value,
        message: `${who}: ${why} (the last matching rule wins). Any IPv4 address passes this ACL, which guards ${list.guards}.`,
        fixes: [
          {
            title: `Insert ${data.fix.inserted.join(' and ')} before the first permit (only the permitted addresses then pass)`,
            safety: 'safe',
            edits: [data.fix.edit],
          },
        ],
      });
    }
  },
};
