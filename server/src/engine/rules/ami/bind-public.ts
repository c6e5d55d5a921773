import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { amiListener, amiUserOpen, amiUsers } from '../../asterisk/manager';
import { setInGeneral } from '../../asterisk/edits';
import { hostOf, isLoopbackHost } from '../../acl';
import { astTrue } from '../../asterisk/values';
import { includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'ami-bind-public',
  title: 'AMI listens on a non-loopback address',
  severity: 'error',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    "The Asterisk Manager Interface is a remote-control port. Asterisk's own sample says never to enable it on a public address: bind it to 127.0.0.1 and reach it over SSH or a VPN. Without bindaddr it listens on every interface (0.0.0.0 up to Asterisk 10, [::] since 11).",
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    if (!l.enabled || !l.general) return;
    const openUsers = amiUsers(ctx.doc).filter((u) => {
      const o = amiUserOpen(u, l);
      return o.v4 || o.v6;
    });
    const severity = openUsers.length ? 'error' : 'warning';
    const tail = openUsers.length
      ? ` and ${openUsers.length === 1 ? `user '${openUsers[0].name}' accepts` : `${openUsers.length} users accept`} logins from any address`
      : ', protected only by the users\u2019 ACLs';
    const fix = { title: 'Bind AMI to 127.0.0.1 (remote AMI clients must then connect over SSH or a VPN)', safety: 'offer' as const, edits: [setInGeneral(ctx.doc, 'bindaddr', '127.0.0.1')] };
    if (l.public) {
      const b = lastValue(l.general, 'bindaddr');
      if (b) {
        ctx.report({ span: b.line.assign!.value, severity, message: `AMI is enabled and listens on ${b.value}${tail}: anyone who reaches port ${l.port} can try to log in and take control of the PBX.`, fixes: [fix] });
      } else {
        const caveat = includeCaveat(l.general, severity);
        ctx.report({
          span: lastValue(l.general, 'enabled')!.line.assign!.value,
          severity: caveat.note ? caveat.severity : severity,
          message: `AMI is enabled without bindaddr, so it listens on all interfaces (${l.bindaddr})${caveat.note}${tail}: anyone who reaches port ${l.port} can try to log in.`,
          fixes: [fix],
          related: caveat.related,
        });
      }
    }
    const tls = lastValue(l.general, 'tlsenable');
    const tlsBind = lastValue(l.general, 'tlsbindaddr');
    if (tls && astTrue(tls.value) && tlsBind && !isLoopbackHost(hostOf(tlsBind.value))) {
      ctx.report({
        span: tlsBind.line.assign!.value,
        severity: 'warning',
        message: `AMI over TLS listens on ${tlsBind.value}: TLS protects the secret on the wire but anyone who reaches the port can still try to log in; restrict it with user ACLs and a firewall.`,
      });
    }
  },
};
