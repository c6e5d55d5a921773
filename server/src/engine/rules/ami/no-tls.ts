import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { amiListener } from '../../asterisk/manager';
import { astTrue } from '../../asterisk/values';
import { includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'ami-no-tls',
  title: 'AMI accepts logins in clear text on a non-loopback address',
  severity: 'warning',
  fileKinds: ['manager'],
  description:
    'The AMI Login action sends the username and secret in clear text (unless the client uses the MD5 challenge), and every event and response after it is readable too. On a network port without TLS anyone on the path can take the secret.',
  check(ctx) {
    if (ctx.fragment) return; // [general] lives in the including file
    const l = amiListener(ctx.doc, ctx.settings);
    if (!l.enabled || !l.public || !l.general) return;
    const bind = lastValue(l.general, 'bindaddr');
    const span = (bind ?? lastValue(l.general, 'enabled')!).line.assign!.value;
    const where = bind ? bind.value : `${l.bindaddr} (no bindaddr)`;
    const tls = lastValue(l.general, 'tlsenable');
    if (tls && astTrue(tls.value)) {
      ctx.report({
        span,
        severity: 'info',
        message: `AMI over TLS is enabled, but the clear-text port ${l.port} still listens on ${where}: a client pointed at it sends its secret unencrypted. Bind the plain port to 127.0.0.1 and let remote clients use TLS.`,
      });
      return;
    }
    const caveat = bind ? undefined : includeCaveat(l.general, 'warning');
    ctx.report({
      span,
      severity: caveat?.note ? caveat.severity : undefined,
      related: caveat?.related,
      message: `AMI listens on ${where}${caveat?.note ?? ''} without TLS (tlsenable is ${tls ? `'${tls.value}'` : 'not set'}): logins send the secret in clear text and all events and responses can be read on the wire. Enable tlsenable with tlscertfile/tlsprivatekey, and bind the plain port to 127.0.0.1.`,
    });
  },
};
