import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { findSection } from '../../asterisk/parser';
import { astFalse, astTrue } from '../../asterisk/values';
import { hostOf, isWildcardHost } from '../../acl';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

const TAIL = 'every SIP account can be reached, and its password tried, from any network that can reach this host. That is normal for a PBX with remote phones; then a firewall, deny=/permit= on every peer and strong secrets are what protect it.';

function lastOf(ctx: Parameters<Rule['check']>[0], keys: string[]): Entry | undefined {
  const general = findSection(ctx.doc, 'general');
  const list = general ? general.added : ctx.fragment ? ctx.doc.preamble : [];
  for (let i = list.length - 1; i >= 0; i--) if (keys.includes(list[i].lkey)) return list[i];
  return undefined;
}

export const rule: Rule = {
  id: 'sip-bindaddr-any',
  title: 'chan_sip listens on every interface',
  severity: 'info',
  fileKinds: ['sip'],
  description:
    'Unless bindaddr (udpbindaddr) names an address, chan_sip listens on 0.0.0.0:5060, and TCP/TLS bind to the same address when enabled. Every account is then reachable from every network the host is on, so ACLs, secrets and the firewall carry the whole load.',
  check(ctx) {
    // bindaddr and udpbindaddr set the same address; the last line wins.
    const udp = lastOf(ctx, ['bindaddr', 'udpbindaddr']);
    const tcpOn = generalValue(ctx, 'tcpenable');
    const tlsOn = generalValue(ctx, 'tlsenable');
    // tcpenable is read as "not a no-word", tlsenable with ast_true.
    const streams = [tcpOn && !astFalse(tcpOn.value) ? 'TCP' : '', tlsOn && astTrue(tlsOn.value) ? 'TLS' : ''].filter(Boolean);
    const also = streams.length ? ` (and ${streams.join(' and ')}, which bind${streams.length === 1 ? 's' : ''} there unless ${streams.map((s) => `${s.toLowerCase()}bindaddr`).join('/')} says otherwise)` : '';
    const describe = (v: string) => {
      const h = hostOf(v);
      return h.includes(':') || h === '' ? 'all IPv4 and IPv6 interfaces (IPv4-only deny= rules do not stop IPv6 clients)' : 'all IPv4 interfaces';
    };
    if (udp) {
      if (udp.value === '') {
        ctx.report({ span: udp.line.assign!.key, message: `${udp.key} is empty: chan_sip rejects it ("Invalid address") and listens on 0.0.0.0:5060, all IPv4 interfaces${also}: ${TAIL}` });
      } else if (isWildcardHost(hostOf(udp.value))) {
        ctx.report({ span: udp.line.assign!.value, message: `chan_sip listens on ${udp.value}, ${describe(udp.value)}${also}: ${TAIL}` });
      }
    } else if (!ctx.fragment) {
      const anchor = generalAnchor(ctx.doc);
      const caveat = includeCaveat(anchor.section, 'info');
      const port = generalValue(ctx, 'bindport')?.value || '5060';
      ctx.report({
        span: anchor.span,
        message: `bindaddr is not set, so chan_sip listens on 0.0.0.0:${port}, all IPv4 interfaces${also}${caveat.note}: ${TAIL}`,
        related: caveat.related,
      });
    }
    for (const [key, proto, on] of [['tcpbindaddr', 'TCP', streams.includes('TCP')], ['tlsbindaddr', 'TLS', streams.includes('TLS')]] as const) {
      const e = generalValue(ctx, key);
      if (!e || !on || e.value === '' || !isWildcardHost(hostOf(e.value))) continue;
      ctx.report({ span: e.line.assign!.value, message: `The SIP ${proto} listener binds to ${e.value}, ${describe(e.value)}: ${TAIL}` });
    }
  },
};
