import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { shownWord } from '../../host/apache/model';
import { fix } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-traceenable-invalid-value',
  title: 'TraceEnable has a value httpd rejects',
  severity: 'error',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    "TraceEnable accepts only on, off or extended. 'TraceEnable no' or 'yes' is a syntax error: httpd refuses to start, so the hardening edit takes the PBX web interface down at the next restart.",
  check(ctx) {
    for (const d of ctx.doc.directives) {
      if (d.lname !== 'traceenable') continue;
      const v = d.args[0];
      if (!v) {
        ctx.report({ span: d.name, message: 'TraceEnable without a value: httpd refuses to start ("TraceEnable takes one argument"). Write TraceEnable Off.', fixes: [fix('Write TraceEnable Off', [{ start: d.name.end, end: d.name.end, newText: ' Off' }], 'safe')] });
        continue;
      }
      if (/^(on|off|extended)$/i.test(v.text) || v.text.startsWith('#')) continue;
      ctx.report({
        span: v,
        message: `TraceEnable accepts only on, off or extended: '${shownWord(v.text)}' is a syntax error and httpd refuses to start. Write Off.`,
        fixes: [fix('Write Off', [{ start: v.start, end: v.end, newText: 'Off' }], 'safe')],
      });
    }
  },
};
