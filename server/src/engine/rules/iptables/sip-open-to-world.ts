import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import { familyWord, inputState } from '../../host/iptables/model';
import { openServices, serviceList, SIP_SERVICES } from './util';

export const rule: Rule<IptDocument> = {
  id: 'iptables-sip-open-to-world',
  title: 'SIP (5060/5061) is open to the whole Internet',
  severity: 'warning',
  fileKinds: ['iptables'],
  description:
    'SIP scanners (friendly-scanner, sipvicious) sweep the Internet for 5060/5061 and start guessing extension passwords and placing fraudulent calls within minutes. Allow-list the trunk provider and your known networks instead of 0.0.0.0/0.',
  check(ctx) {
    const { doc } = ctx;
    const st = inputState(doc);
    for (const g of openServices(doc, SIP_SERVICES)) {
      const which = serviceList(g.services);
      ctx.report({
        span: g.span,
        severity: st.defaultDeny ? 'warning' : 'error',
        message: g.via
          ? `This rule accepts ${which} from ${familyWord(doc)} (no -s source restriction, nothing drops it earlier): SIP scanners guess extension passwords and try toll fraud within minutes. Add -s for your trunk provider and known networks; if remote phones need it open, keep fail2ban's [asterisk] jail enabled and drop scanner user agents (-m string).`
          : `Nothing drops ${which} and the INPUT policy accepts it: SIP is reachable from ${familyWord(doc)}, where scanners guess extension passwords and try toll fraud within minutes. Accept SIP only from your trunk provider and known networks.`,
      });
    }
  },
};
