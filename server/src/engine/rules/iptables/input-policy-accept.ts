import type { Fix, Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import type { TextEdit } from '../../text';
import { chainDecl, inputAnchor, inputState, isEstablishedAccept, isLoopbackAccept, probe } from '../../host/iptables/model';
import { ESTABLISHED_RULE, LOOPBACK_RULE, loopbackEdits } from './util';

export const rule: Rule<IptDocument> = {
  id: 'iptables-input-policy-accept',
  title: 'INPUT accepts everything that no rule drops',
  severity: 'error',
  fileKinds: ['iptables'],
  fix: 'offer',
  description:
    'With `:INPUT ACCEPT` and no final catch-all DROP/REJECT, every port not explicitly blocked is open to the Internet: MySQL, AMI, ARI, TFTP, anything that starts listening later. A PBX firewall should drop by default and allow-list what it needs.',
  check(ctx) {
    const { doc } = ctx;
    const st = inputState(doc);
    if (st.defaultDeny) return;
    const span = inputAnchor(doc, st);
    if (!st.table) {
      ctx.report({ span, message: 'This file has no *filter table: restoring it sets no INPUT filtering at all, so every port on the PBX stays reachable from anywhere (MySQL, AMI, ARI, TFTP, …).' });
      return;
    }
    const decl = chainDecl(st.table, 'INPUT');
    const fixes: Fix[] = [];
    // Switching to DROP is only offered when SSH is still let in, so the fix cannot lock you out.
    const ssh = probe(doc, 'tcp', 22);
    if (decl?.policy && st.policySpan && ssh.open && ssh.via) {
      const edits: TextEdit[] = [{ start: decl.policy.start, end: decl.counters ? decl.counters.end : decl.policy.end, newText: decl.counters ? 'DROP [0:0]' : 'DROP' }];
      const hasLo = st.rules.some(isLoopbackAccept);
      const hasEst = st.rules.some(isEstablishedAccept);
      if (!hasLo || !hasEst) edits.push(...loopbackEdits(doc, st.table, !hasLo ? LOOPBACK_RULE : undefined, !hasEst ? ESTABLISHED_RULE : undefined));
      fixes.push({ title: 'Drop by default (:INPUT DROP), keeping loopback, replies and the SSH rule; check every service you need is allowed before loading', edits, safety: 'offer' });
    }
    ctx.report({
      span,
      message: `INPUT policy ${st.policy} and no final catch-all DROP/REJECT: every port not explicitly blocked is reachable from ${doc.family === 'ipv6' ? 'any IPv6 address' : 'the whole Internet'}: MySQL (3306), AMI (5038), HTTP/ARI (8088/8089), TFTP (69) and anything that starts listening later. Drop by default and allow-list the sources that need each service.${fixes.length ? '' : ssh.open ? '' : ' (No quick fix: no rule in this file lets SSH in, so switching to DROP could lock you out.)'}`,
      fixes,
    });
  },
};
