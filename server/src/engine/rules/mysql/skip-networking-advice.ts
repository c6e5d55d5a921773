import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options, serverEffective } from '../../host/mycnf/model';
import { optionSpan, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-skip-networking-advice',
  title: 'bind-address is ignored because skip-networking is on',
  severity: 'info',
  fileKinds: ['mycnf'],
  description:
    'With skip-networking on, the server opens no TCP port at all and bind-address does nothing. Keeping both invites a later edit to remove skip-networking in the belief that bind-address still restricts the listener to the address it names.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const net = serverEffective(doc, 'skip-networking', opts);
    const bind = serverEffective(doc, 'bind-address', opts);
    if (net?.state !== 'on' || !bind || bind.reset) return;
    ctx.report({
      span: optionSpan(bind.opt),
      message: `bind-address in ${where(bind.opt)} has no effect: skip-networking (${where(net.opt)}) turns TCP off and clients connect through the socket only. Remove one of the two so the file says what the server does.`,
    });
  },
};
