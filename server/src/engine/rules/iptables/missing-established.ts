import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import { chainDecl, chainRules, inputAnchor, inputState, isEstablishedAccept } from '../../host/iptables/model';
import { ESTABLISHED_RULE, loopbackEdits } from './util';

export const rule: Rule<IptDocument> = {
  id: 'iptables-missing-established',
  title: 'Replies to the PBX\'s own connections are dropped',
  severity: 'warning',
  fileKinds: ['iptables'],
  fix: 'safe',
  description:
    'A default-deny INPUT without an ACCEPT for RELATED,ESTABLISHED traffic drops the answers to everything the PBX starts itself: SIP trunk registrations, DNS, NTP, apt. Outbound calls fail or have one-way audio.',
  check(ctx) {
    const { doc } = ctx;
    const st = inputState(doc);
    if (!st.defaultDeny || !st.table) return;
    const table = st.table;
    // Directly in INPUT, or in a chain INPUT jumps to.
    const chains = new Set(['INPUT', ...st.rules.map((r) => r.target?.text).filter((t): t is string => !!t && !!chainDecl(table, t))]);
    for (const c of chains) if (chainRules(table, c).some(isEstablishedAccept)) return;
    ctx.report({
      span: inputAnchor(doc, st),
      message: 'INPUT drops by default and nothing accepts RELATED,ESTABLISHED traffic: replies to the PBX\'s own connections (SIP trunk registrations, DNS, NTP, apt) are dropped, so outbound calls fail or get one-way audio.',
      fixes: [{ title: `Insert "${ESTABLISHED_RULE}" after the loopback rule`, edits: loopbackEdits(doc, table, undefined, ESTABLISHED_RULE), safety: 'safe' }],
    });
  },
};
