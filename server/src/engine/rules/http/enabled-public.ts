import type { Rule } from '../../rule';
import { replaceValue } from '../../asterisk/edits';
import { hostOf } from '../../acl';
import { httpServer, plainEndpoint } from './util';

/** `127.0.0.1`, keeping a port written in the value (`0.0.0.0:8088` -> `127.0.0.1:8088`). */
function loopbackValue(value: string): string {
  const v = value.trim();
  const host = hostOf(v);
  const rest = v.startsWith('[') ? v.slice(v.indexOf(']') + 1) : v.slice(host.length);
  return /^:\d+$/.test(rest) ? `127.0.0.1${rest}` : '127.0.0.1';
}

export const rule: Rule = {
  id: 'http-enabled-public',
  title: "Asterisk's HTTP server listens on a non-loopback address",
  severity: 'warning',
  fileKinds: ['http'],
  fix: 'offer',
  description:
    "Asterisk's built-in HTTP server carries ARI, AMI over HTTP (/manager, /rawman, /mxml with webenabled) and WebSockets, all logged in with passwords. Bound to a public or LAN address it exposes those logins to brute force; bind it to 127.0.0.1 behind a TLS reverse proxy.",
  check(ctx) {
    const s = httpServer(ctx);
    if (!s.plainPublic) return;
    const b = s.bindaddr!;
    const tlsNote = s.tlsOn ? ' TLS is on as well, but this plain listener still accepts the same logins in clear text.' : '';
    ctx.report({
      span: b.line.assign!.value,
      message:
        `The HTTP server is enabled and listens on ${plainEndpoint(s)}: every network that reaches it can try ARI and AMI-over-HTTP logins (and WebSocket upgrades) against it.${tlsNote}` +
        ' A warning because http.conf alone does not show whether manager.conf (webenabled) or ari.conf expose weak logins on it; if they do, treat it as an error.',
      fixes: [
        {
          title: `Bind the HTTP server to ${loopbackValue(b.value)} (remote clients then need a reverse proxy or tunnel; a TLS listener without tlsbindaddr moves with it)`,
          safety: 'offer',
          edits: [replaceValue(b, loopbackValue(b.value))],
        },
      ],
    });
  },
};
