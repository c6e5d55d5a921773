import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { fix, lowered } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-serversignature-on',
  title: 'Error pages carry a server signature',
  severity: 'info',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    'ServerSignature On (or EMail) adds the Apache version and host name to every error page and directory listing: free reconnaissance for anyone who requests a missing page. The compiled-in default is Off; Debian ships On.',
  check(ctx) {
    for (const d of ctx.doc.directives) {
      if (d.lname !== 'serversignature' || !d.args[0]) continue;
      const v = d.args[0].text;
      if (!/^(on|email)$/i.test(v)) continue;
      ctx.report({
        span: d.args[0],
        severity: lowered('info', d),
        message: `ServerSignature ${v} prints the Apache version and host name${/^email$/i.test(v) ? ' and the ServerAdmin address' : ''} on every error page: anyone who requests a missing page learns them. Use Off.`,
        fixes: [fix('Set ServerSignature Off', [{ start: d.args[0].start, end: d.args[0].end, newText: 'Off' }], 'safe')],
      });
    }
  },
};
