import type { Rule } from '../../rule';
import { last, pjsipModel } from '../../asterisk/pjsip';
import { hostOf, isWildcardHost } from '../../acl';
import { globalAclRestricts, valueSpan } from './util';

export const rule: Rule = {
  id: 'pjsip-transport-bind-any',
  title: 'SIP transport listens on every interface',
  severity: 'info',
  fileKinds: ['pjsip'],
  description:
    'A transport bound to 0.0.0.0 or [::] answers on every address of the machine, including public ones: every SIP scanner on the Internet can reach it. That is normal for remote phones, but then a firewall and type=acl / identify sections must decide who may talk to it.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return;
    const acl = globalAclRestricts(model);
    for (const t of model.byType('transport')) {
      const protocol = (last(t.section, 'protocol')?.value || 'udp').toLowerCase();
      // ws/wss are served by the HTTP server (http.conf), flow transports do not listen.
      if (protocol !== 'udp' && protocol !== 'tcp' && protocol !== 'tls') continue;
      const bind = last(t.section, 'bind');
      if (!bind || !bind.value.trim()) continue; // no bind: the transport does not start
      const host = hostOf(bind.value);
      if (!isWildcardHost(host) || host === '*' || host === '') continue;
      const family = host.includes(':') ? 'IPv6' : 'IPv4';
      ctx.report({
        span: valueSpan(bind),
        message: `Transport '${t.id}' (${protocol}) listens on every ${family} address: SIP scanners on the Internet reach it. ${
          acl ? 'A type=acl section in this file limits who may talk to it; keep a firewall in front as well.' : 'If phones are not remote, bind to an internal address; otherwise firewall it and add a type=acl section.'
        }`,
      });
    }
  },
};
