import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { exposed, openAdminPaths } from './admin-paths';
import { fix, lowered } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-admin-path-public',
  title: 'An admin path (FreePBX /admin, /recordings, phpMyAdmin, …) is reachable by everyone',
  severity: 'error',
  fileKinds: ['apache'],
  fix: 'offer',
  description:
    'The FreePBX administration panel has had repeated pre-authentication remote code execution bugs (CVE-2025-57819 was exploited only on panels exposed to the Internet), the legacy /recordings ARI had an unauthenticated RCE (CVE-2014-7235), and phpMyAdmin hands out the database once a password leaks. These paths belong to trusted hosts only.',
  check(ctx) {
    const doc = ctx.doc;
    const { explicit, implicit } = openAdminPaths(doc);
    for (const f of [...explicit, ...implicit.filter((i) => i.verdict.grant && exposed(doc, i.item.vhost))]) {
      ctx.report({
        span: f.span,
        severity: lowered(f.severity, f.item.anchor),
        message: f.message,
        related: f.related,
        fixes: f.edits ? [fix(`Restrict ${f.item.url ?? f.item.path} to this machine (Require local); add Require ip <your LAN> for remote admins`, f.edits, 'offer')] : [],
      });
    }
  },
};
