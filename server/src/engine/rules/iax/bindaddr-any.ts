import type { Rule } from '../../rule';
import { allValues, findSection, lastValue } from '../../asterisk/parser';
import { hostOf, isWildcardHost } from '../../acl';
import { generalAnchor, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'iax-bindaddr-any',
  title: 'IAX2 listens on every interface',
  severity: 'info',
  fileKinds: ['iax'],
  description:
    'chan_iax2 binds to 0.0.0.0:4569 unless bindaddr says otherwise, so every IAX2 user and peer can be reached, and brute-forced, from any network that can reach the host. That is normal for remote IAX2 endpoints, but then secrets, ACLs and a firewall are the only protection.',
  check(ctx) {
    const general = findSection(ctx.doc, 'general');
    const binds = general ? allValues(general, 'bindaddr') : ctx.fragment ? ctx.doc.preamble.filter((e) => e.lkey === 'bindaddr') : [];
    const tail =
      'every IAX2 user and peer is reachable from any network that can reach this host. If IAX2 only serves a LAN or one trunk, bind it to that address or firewall its UDP port; otherwise make sure every account has a strong secret and an ACL.';
    if (binds.length) {
      for (const e of binds) {
        if (!isWildcardHost(hostOf(e.value))) continue;
        const what = e.value === '' ? 'bindaddr is empty, so chan_iax2 ignores it and binds to 0.0.0.0' : `IAX2 binds to ${e.value}, all interfaces`;
        ctx.report({ span: e.value === '' ? e.line.assign!.key : e.line.assign!.value, message: `${what}: ${tail}` });
      }
      return;
    }
    if (ctx.fragment) return;
    const port = (general && lastValue(general, 'bindport')?.value) || '4569';
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    ctx.report({
      span: anchor.span,
      message: `bindaddr is not set, so IAX2 listens on 0.0.0.0:${port} (all IPv4 interfaces)${caveat.note}: ${tail}`,
      related: caveat.related,
    });
  },
};
