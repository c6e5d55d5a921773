import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import { familyWord } from '../../host/iptables/model';
import { openServices, SENSITIVE_SERVICES, serviceList } from './util';

export const rule: Rule<IptDocument> = {
  id: 'iptables-sensitive-port-open-to-world',
  title: 'An admin or database port of the PBX is open to the whole Internet',
  severity: 'error',
  fileKinds: ['iptables'],
  description:
    'MySQL (3306), AMI (5038), TFTP (69) and FTP (21) give attackers the PBX\'s database, full call control and phone provisioning files (with SIP passwords); SSH, HTTP/ARI, IAX2 and the web GUI are brute-forced around the clock. Only allow-listed sources should reach them.',
  check(ctx) {
    const { doc } = ctx;
    for (const g of openServices(doc, SENSITIVE_SERVICES)) {
      const high = g.services.some((s) => s.high);
      const which = serviceList(g.services);
      ctx.report({
        span: g.span,
        severity: high ? 'error' : 'warning',
        message: g.via
          ? `This rule accepts ${which} from ${familyWord(doc)} (no -s source restriction, nothing drops it earlier). Add -s with your admin network${high ? '; MySQL, AMI, TFTP and FTP should never face the Internet' : ''}.`
          : `Nothing drops ${which} and the INPUT policy accepts it: reachable from ${familyWord(doc)}. Accept these only from your admin network${high ? '; MySQL, AMI, TFTP and FTP should never face the Internet' : ''}.`,
      });
    }
  },
};
