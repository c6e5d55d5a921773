import type { Rule } from '../../rule';
import type { ApacheDocument, ApItem } from '../../host/apache/parser';
import { accessOf, directivesIn, enclosingVhost, locationAccess, pathSections, shown } from '../../host/apache/model';
import { fix, indentOf, insertLinesAfter, lowered } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-status-info-public',
  title: 'server-status or server-info is reachable by everyone',
  severity: 'warning',
  fileKinds: ['apache'],
  fix: 'offer',
  description:
    "mod_status and mod_info pages list client addresses, requested URLs (FreePBX session URLs included), virtual hosts and every loaded module with its configuration: reconnaissance an attacker should not get for free. Debian's shipped status.conf and info.conf allow only local requests.",
  check(ctx) {
    const doc = ctx.doc;
    const paths = pathSections(doc);
    for (const p of paths) {
      const s = p.section;
      const handler = directivesIn(s).find((d) => d.lname === 'sethandler' && /^server-(status|info)$/i.test(d.args[0]?.text ?? ''));
      if (!handler) continue;
      const own = accessOf(s);
      let open = own.access === 'open';
      let grant: ApItem | undefined = own.grant;
      if (own.access === 'none') {
        // Nothing of its own: a later or enclosing <Location> for the same URL may restrict it.
        const url = p.kind === 'location' && !p.regex ? p.arg : undefined;
        const loc = url ? locationAccess(doc, url, enclosingVhost(s.open), paths) : undefined;
        open = !loc || loc.result.access === 'open';
        grant = loc?.result.grant;
      }
      if (!open) continue;
      const page = handler.args[0].text.toLowerCase();
      const edits =
        own.access === 'open' && own.style === '2.4' && own.grant?.args.length === 2
          ? [{ start: own.grant.args[0].start, end: own.grant.args[1].end, newText: 'local' }]
          : own.access === 'none'
            ? [insertLinesAfter(doc, handler, [`${indentOf(doc, handler)}Require local`])]
            : undefined;
      ctx.report({
        span: handler.args[0],
        severity: lowered('warning', handler),
        message: `${page} is served to everyone here${grant ? ` ('${shown(doc.text.slice(grant.start, grant.end))}', line ${grant.line + 1})` : ' (no Require, so the grant of the enclosing directory applies)'}: it shows client addresses, requested URLs (FreePBX session URLs included)${page === 'server-info' ? ' and the full module configuration' : ''} to anyone who asks. Allow only local requests or your monitoring host.`,
        fixes: edits ? [fix('Allow only requests from this machine (Require local)', edits, 'offer')] : [],
      });
    }
  },
};
