import type { Rule } from '../../rule';
import { replaceValue } from '../../asterisk/edits';
import { astTrue } from '../../asterisk/values';
import { generalValue } from '../helpers';

export const rule: Rule = {
  id: 'ami-webenabled',
  title: 'AMI is also served over the HTTP server',
  severity: 'warning',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    "webenabled=yes publishes AMI at /manager, /rawman and /mxml on Asterisk's HTTP server (http.conf), whose address and TLS are configured there, not by manager.conf's bindaddr: a manager bound to 127.0.0.1 can still be reachable, in plain HTTP, wherever the HTTP server listens.",
  check(ctx) {
    const web = generalValue(ctx, 'webenabled');
    if (!web || !astTrue(web.value)) return;
    const enabled = generalValue(ctx, 'enabled');
    if (enabled ? !astTrue(enabled.value) : !ctx.fragment) return; // AMI off: nothing is served
    ctx.report({
      span: web.line.assign!.value,
      message:
        'webenabled=yes serves AMI logins and actions over HTTP (/manager, /rawman, /mxml and the digest-auth /amanager variants) on the address http.conf binds, regardless of bindaddr here, and in plain text unless http.conf enables TLS. pbxlint cannot see http.conf from this file: if its server listens beyond 127.0.0.1, AMI is reachable there. Turn it off unless a web client needs it.',
      fixes: [{ title: 'Set webenabled=no (web clients of AMI stop working)', safety: 'offer', edits: [replaceValue(web, 'no')] }],
    });
  },
};
