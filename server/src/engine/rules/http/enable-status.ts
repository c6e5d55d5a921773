import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { generalAnchor, includeCaveat } from '../helpers';
import { generalEntries, httpServer, lastOf, statusDefault } from './util';

const PAGE =
  "/httpstatus shows the server name and version, the URI prefix and the bind addresses, and echoes the request's query variables and cookies (unescaped before the GHSA-v6hp-wh3r-cwxh fix: a reflected XSS on the origin that ARI and AMI-over-HTTP clients use)";

export const rule: Rule = {
  id: 'http-enable-status',
  title: 'HTTP status page served on a public listener',
  severity: 'warning',
  fileKinds: ['http'],
  fix: 'safe',
  description:
    "Asterisk's /httpstatus page hands anyone who reaches the HTTP server its version, prefix and bind addresses, and echoes query variables and cookies; older releases echoed them unescaped (GHSA-v6hp-wh3r-cwxh), a reflected XSS on the ARI/AMI origin. It defaulted to on until 20.18.2, 21.12.1, 22.8.2 and 23.2.2.",
  check(ctx) {
    const s = httpServer(ctx);
    if (!s.public) return;
    const entries = generalEntries(ctx.doc, ctx.fragment);
    const status = lastOf(entries, ['enable_status']);
    if (status) {
      if (astTrue(status.value)) {
        ctx.report({
          span: status.line.assign!.value,
          message: `enable_status is on and the HTTP server is reachable from other hosts: ${PAGE}.`,
          fixes: [{ title: 'Set enable_status=no', safety: 'safe', edits: [replaceValue(status, 'no')] }],
        });
      }
    } else if (!ctx.fragment) {
      const dflt = statusDefault(ctx);
      if (dflt !== 'no') {
        const anchor = generalAnchor(ctx.doc);
        const caveat = includeCaveat(anchor.section, 'warning');
        const why =
          dflt === 'always'
            ? `Asterisk ${ctx.settings.asteriskVersion} serves /httpstatus (releases before 13.31, 16.8 and 17.2 always do and ignore enable_status: upgrade, or block /httpstatus in a proxy)`
            : `/httpstatus is on (the default for Asterisk ${ctx.settings.asteriskVersion}; it changed to off in 20.18.2, 21.12.1, 22.8.2 and 23.2.2)`;
        ctx.report({
          span: anchor.span,
          severity: caveat.note ? caveat.severity : undefined,
          message: `enable_status is not set${caveat.note}, so ${why}, on a listener reachable from other hosts: ${PAGE}.`,
          fixes: [{ title: 'Add enable_status=no', safety: 'safe', edits: [setInGeneral(ctx.doc, 'enable_status', 'no')] }],
          related: caveat.related,
        });
      }
    }
    const stat = lastOf(entries, ['enable_static', 'enablestatic']);
    if (stat && astTrue(stat.value)) {
      ctx.report({
        span: stat.line.assign!.value,
        severity: 'info',
        message: `${stat.key} is on: the files under static-http (documentation, old web GUIs) are served to every host that reaches the HTTP server. Turn it off unless something needs them.`,
        fixes: [{ title: `Set ${stat.key}=no (anything that loads /static stops working)`, safety: 'offer', edits: [replaceValue(stat, 'no')] }],
      });
    }
  },
};
