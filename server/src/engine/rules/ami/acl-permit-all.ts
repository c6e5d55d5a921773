import type { Rule } from '../../rule';
import { amiListener, amiUserOpen, amiUsers } from '../../asterisk/manager';
import { AclRule, isCatchAll } from '../../acl';

/**
 * The `permit=0.0.0.0/0` (or `::/0`, or `deny=!0.0.0.0/0`) that re-opens a user after its deny
 * lines: the last catch-all rule of that family after a deny, when it permits.
 */
export function permitAllCulprit(rules: readonly AclRule[], family: 4 | 6): AclRule | undefined {
  const firstDeny = rules.findIndex((r) => r.sense === 'deny');
  if (firstDeny < 0) return undefined;
  for (let i = rules.length - 1; i > firstDeny; i--) {
    const r = rules[i];
    if (r.family === family && isCatchAll(r)) return r.sense === 'permit' ? r : undefined;
  }
  return undefined;
}

export const rule: Rule = {
  id: 'ami-acl-permit-all',
  title: 'AMI user ACL ends by permitting every address',
  severity: 'error',
  fileKinds: ['manager'],
  description:
    'permit=0.0.0.0/0.0.0.0 (or ::/0) after the deny lines re-opens the user to the whole Internet: the last matching rule wins. Permit only the hosts that run AMI clients.',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    if (!ctx.fragment && (!l.enabled || !l.public)) return;
    for (const user of amiUsers(ctx.doc)) {
      const open = amiUserOpen(user, l);
      for (const family of [4, 6] as const) {
        if (!(family === 4 ? open.v4 : open.v6)) continue;
        const culprit = permitAllCulprit(open.acl.rules, family);
        if (!culprit) continue;
        ctx.report({
          span: culprit.entry.line.assign!.value,
          message: `AMI user '${user.name}': '${culprit.item}' comes after the deny lines and permits every IPv${family} address (last match wins), so the deny does nothing.`,
        });
      }
    }
  },
};
