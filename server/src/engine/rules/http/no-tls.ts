import type { Rule } from '../../rule';
import { includeCaveat } from '../helpers';
import { httpServer, plainEndpoint } from './util';

export const rule: Rule = {
  id: 'http-no-tls',
  title: 'Public HTTP server without TLS',
  severity: 'warning',
  fileKinds: ['http'],
  description:
    'ARI and AMI over HTTP authenticate with HTTP Basic credentials (or ?api_key=user:password in the URL). Served in plain HTTP on a reachable address, every login crosses the network readable by anyone on the path.',
  check(ctx) {
    const s = httpServer(ctx);
    if (!s.plainPublic || s.tlsOn) return;
    const where = `Plain HTTP is served on ${plainEndpoint(s)} and TLS is not enabled`;
    const impact = ': ARI and AMI-over-HTTP passwords travel in clear text (HTTP Basic or ?api_key=), readable by anyone on the path. Enable tlsenable with a certificate and bind the plain listener to 127.0.0.1.';
    if (s.tlsenable) {
      ctx.report({ span: s.tlsenable.line.assign!.value, message: `${where} (tlsenable=${s.tlsenable.value})${impact}` });
      return;
    }
    if (ctx.fragment) return;
    const caveat = includeCaveat(s.general, 'warning');
    ctx.report({
      span: s.bindaddr!.line.assign!.value,
      severity: caveat.note ? caveat.severity : undefined,
      message: `${where}${caveat.note}${impact}`,
      related: caveat.related,
    });
  },
};
