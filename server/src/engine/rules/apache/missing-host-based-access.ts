import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { enclosingVhost, isConditional, listenAllInterfaces } from '../../host/apache/model';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-missing-host-based-access',
  title: 'No host-based access control anywhere while listening on all interfaces',
  severity: 'info',
  fileKinds: ['apache'],
  description:
    'A configuration that listens on every interface and never restricts a path by client address (Require ip/host/local, or Allow from <addresses>) relies on passwords alone: the PBX admin pages answer the whole Internet.',
  check(ctx) {
    const doc = ctx.doc;
    const listen = doc.directives.find((d) => d.lname === 'listen' && d.args[0] && !enclosingVhost(d) && !isConditional(d) && listenAllInterfaces(d.args[0].text));
    if (!listen) return;
    // Only a file that also holds access containers says something about the site's access control.
    if (!doc.sections.some((s) => ['directory', 'directorymatch', 'location', 'locationmatch', 'virtualhost', 'files', 'filesmatch'].includes(s.tag))) return;
    const hostBased = doc.directives.some((d) => {
      const a = d.args.map((x) => x.text.toLowerCase());
      if (d.lname === 'require') {
        const r = a[0] === 'not' ? a[1] : a[0];
        return r === 'ip' || r === 'host' || r === 'local' || r === 'forward-dns';
      }
      return d.lname === 'allow' && a[0] === 'from' && a.slice(1).some((x) => x !== 'all');
    });
    if (hostBased) return;
    ctx.report({
      span: listen.args[0],
      message: `Apache listens on all interfaces (Listen ${listen.args[0].text}) and nothing in this file restricts any path by client address (no Require ip, Require host, Require local or Allow from <addresses>): the admin pages are protected by passwords alone. Restrict /admin and other admin paths to your LAN (see apache-admin-path-public).`,
    });
  },
};
