import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { fix, indentOf, insertLinesBefore, lowered } from './util';
import { absentAnchor } from './server-defaults';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-trace-enabled',
  title: 'The HTTP TRACE method is enabled',
  severity: 'info',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    "TRACE echoes the request back, cookies and authorization headers included; combined with a cross-site scripting bug it lets a script read HttpOnly session cookies (cross-site tracing). Apache's compiled-in default is On; Debian's security.conf turns it Off.",
  check(ctx) {
    const doc = ctx.doc;
    const all = doc.directives.filter((d) => d.lname === 'traceenable');
    if (all.length) {
      for (const d of all) {
        const v = d.args[0]?.text ?? '';
        if (!/^(on|extended)$/i.test(v)) continue;
        ctx.report({
          span: d.args[0],
          severity: lowered('info', d),
          message: `TraceEnable ${v}: TRACE echoes requests back with their cookies and authorization headers, which a cross-site scripting bug can use to steal session cookies. Use Off.`,
          fixes: [fix('Set TraceEnable Off', [{ start: d.args[0].start, end: d.args[0].end, newText: 'Off' }], 'safe')],
        });
      }
      return;
    }
    const a = absentAnchor(doc, ctx.path);
    if (!a) return;
    ctx.report({
      span: a.at.name,
      message: `TraceEnable is not set: Apache's compiled-in default is On, so TRACE echoes requests (cookies included) back to the client${a.caveat}. Set TraceEnable Off.`,
      fixes: [fix('Add TraceEnable Off', [insertLinesBefore(doc, a.at, [`${indentOf(doc, a.at)}TraceEnable Off`])], 'safe')],
    });
  },
};
