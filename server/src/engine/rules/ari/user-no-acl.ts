import type { Rule } from '../../rule';
import { allValues } from '../../asterisk/parser';
import { ARI_ACL_RELEASES, ariAclSupported, ariEnabled, ariUsers } from './util';

export const rule: Rule = {
  id: 'ari-user-no-acl',
  title: 'ARI user without an address restriction',
  severity: 'info',
  fileKinds: ['ari'],
  description:
    'Releases with per-user ARI ACLs (20.21, 22.11, 23.5 and later) can limit each ARI login to the hosts that run its application; without permit/deny/acl the login is accepted from any address that reaches the HTTP server, so a stolen or guessed password works from anywhere.',
  check(ctx) {
    if (!ariEnabled(ctx)) return;
    const supported = ariAclSupported(ctx);
    for (const u of ariUsers(ctx.doc)) {
      const acl = ['permit', 'deny', 'acl'].flatMap((k) => allValues(u.section, k)).sort((a, b) => a.line.start - b.line.start);
      if (!supported) {
        if (!acl.length) continue;
        const first = acl[0];
        ctx.report({
          span: first.line.assign!.key,
          severity: 'warning',
          message:
            `Asterisk ${ctx.settings.asteriskVersion} has no per-user ARI ACL (it arrived in ${ARI_ACL_RELEASES}): it rejects '${first.key}' as an unknown option and does not load user '${u.section.name}' (or, on releases with the older configuration framework, all of ari.conf), so this restriction does not exist. ` +
            'Restrict ARI with a firewall or a reverse proxy instead, or set pbxlint.asteriskVersion if you run a release that has it.',
        });
        continue;
      }
      if (acl.length) continue;
      ctx.report({
        span: u.section.header.header!.name,
        message: `ARI user '${u.section.name}' has no permit/deny/acl: Asterisk ${ctx.settings.asteriskVersion} accepts its login from any address that reaches the HTTP server. Add deny=0.0.0.0/0 and permit=<the application's host> if http.conf serves beyond loopback.`,
      });
    }
  },
};
