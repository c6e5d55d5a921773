import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { enclosingVhost, listenAllInterfaces } from '../../host/apache/model';
import { conditionalNote, lowered } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-listen-all-interfaces',
  title: 'Apache listens on all network interfaces',
  severity: 'warning',
  fileKinds: ['apache'],
  description:
    'Listen with only a port (or 0.0.0.0, *, [::]) serves the FreePBX web interface on every interface, the Internet-facing one included. Binding to the LAN address keeps the GUI off the public side even when a firewall rule is missing.',
  check(ctx) {
    for (const d of ctx.doc.directives) {
      if (d.lname !== 'listen' || !d.args[0] || enclosingVhost(d)) continue;
      const a = d.args[0].text;
      if (!listenAllInterfaces(a)) continue;
      const port = /(\d+)$/.exec(a)?.[1] ?? a;
      ctx.report({
        span: d.args[0],
        severity: lowered('warning', d),
        message: `Listen ${a} accepts connections on every interface${conditionalNote(d)}: the web interface is reachable from any network the host is on, the Internet included unless a firewall stops it. Write the LAN address yourself, e.g. 'Listen 192.168.1.10:${port}' (pbxlint cannot know which address is yours).`,
      });
    }
  },
};
