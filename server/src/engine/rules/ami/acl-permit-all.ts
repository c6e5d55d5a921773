import type { Rule } from '../../rule';
import { amiAcl, amiListener, amiUsers } from '../../asterisk/manager';
import { evaluateAcl, PROBE_V4, PROBE_V6 } from '../../acl';

export const rule: Rule = {
  id: 'ami-acl-permit-all',
  title: 'AMI user ACL ends by permitting every address',
  severity: 'error',
  fileKinds: ['manager'],
  description:
    'permit=0.0.0.0/0.0.0.0 (or ::/0) after the deny lines re-opens the user to the whole Internet: the last matching rule wins. Permit only the hosts that run AMI clients.',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    if ((!l.enabled || !l.public) && !ctx.fragment) return;
    for (const user of amiUsers(ctx.doc)) {
      const acl = amiAcl(user);
      if (!acl.rules.some((r) => r.sense === 'deny')) continue; // ami-user-no-acl reports those
      for (const [probe, label] of [[PROBE_V4, 'IPv4'], [PROBE_V6, 'IPv6']] as const) {
        if (evaluateAcl(acl.rules, probe) !== 'permit') continue;
        const culprit = [...acl.rules].reverse().find((r) => r.sense === 'permit' && r.prefix === 0 && r.family === (label === 'IPv4' ? 4 : 6));
        if (!culprit) continue;
        ctx.report({
          span: culprit.entry.line.assign!.value,
          message: `AMI user '${user.name}': '${culprit.item}' comes after the deny lines and permits every ${label} address (last match wins), so the deny does nothing.`,
        });
      }
    }
  },
};
