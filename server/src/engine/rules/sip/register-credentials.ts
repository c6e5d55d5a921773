import type { Rule, Fix } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { registrationPeer, registrations, sipPeers } from '../../asterisk/sip';
import { deleteLine, setInSection } from '../../asterisk/edits';
import { qualifyOn } from './qualify-trunk';

export const rule: Rule = {
  id: 'sip-register-credentials',
  title: 'Password registration to a provider where IP authentication should be used',
  severity: 'info',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'A register => line authenticates you to the provider with a username and secret: the secret sits in this file, crosses the network in every digest exchange, and whoever obtains it can register as you and call on your account. Most providers offer IP authentication for a PBX with a fixed address: nothing to steal, and the provider peer is kept alive with qualify=yes.',
  check(ctx) {
    for (const reg of registrations(ctx.doc)) {
      // Over TLS the digest exchange is not visible on the wire (the secret is still checked by sip-secret-weak).
      if (!reg.secret || reg.transport === 'tls') continue;
      const peer = registrationPeer(sipPeers(ctx.doc), reg);
      const fixes: Fix[] = [];
      if (peer) {
        const q = lastValue(peer.section, 'qualify');
        const edits = [deleteLine(reg.entry.line)];
        if (!q || !qualifyOn(q.value)) edits.push(setInSection(ctx.doc, peer.section, 'qualify', 'yes'));
        fixes.push({
          title: `Use IP authentication: delete this registration and set qualify=yes on peer '${peer.section.name}' (first ask the provider to authenticate your IP)`,
          safety: 'offer',
          edits,
        });
      }
      ctx.report({
        span: reg.entry.line.assign!.value,
        message: `Registration to ${reg.host} authenticates with a password${peer ? '' : ' (no peer for this provider found in this file)'}: it can be stolen from this file or sniffed and used to call on your account. Prefer IP authentication with the provider and qualify=yes on its peer.`,
        fixes,
      });
    }
  },
};
