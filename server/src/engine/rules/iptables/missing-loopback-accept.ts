import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import { inputAnchor, inputState, isLoopbackAccept, mayDropLoopback, ruleSpan } from '../../host/iptables/model';
import { LOOPBACK_RULE, loopbackEdits } from './util';

export const rule: Rule<IptDocument> = {
  id: 'iptables-missing-loopback-accept',
  title: 'Loopback traffic is dropped (the firewall bans the PBX from itself)',
  severity: 'error',
  fileKinds: ['iptables'],
  fix: 'safe',
  description:
    'A default-deny INPUT without `-i lo -j ACCEPT` first drops the box\'s own traffic: FreePBX cannot reach MySQL on 127.0.0.1, the GUI and fwconsole lose AMI/ARI, local DNS resolvers stop. Allow-listing the public address does not cover the lo interface.',
  check(ctx) {
    const { doc } = ctx;
    const st = inputState(doc);
    if (!st.defaultDeny || !st.table) return;
    let firstDrop;
    for (const r of st.rules) {
      if (isLoopbackAccept(r)) return;
      if (mayDropLoopback(r)) {
        firstDrop = r;
        break;
      }
    }
    const laterLo = firstDrop ? st.rules.slice(st.rules.indexOf(firstDrop)).find(isLoopbackAccept) : undefined;
    const fixes = [{ title: `Insert "${LOOPBACK_RULE}" as the first INPUT rule`, edits: loopbackEdits(doc, st.table, LOOPBACK_RULE), safety: 'safe' as const }];
    if (firstDrop && (laterLo || !st.policySpan || st.policy !== 'DROP')) {
      ctx.report({
        span: ruleSpan(doc, firstDrop),
        message: laterLo
          ? `This ${firstDrop.target!.text} comes before the loopback accept on line ${laterLo.line + 1} and also hits traffic on lo: the PBX is cut off from itself (FreePBX ↔ MySQL on 127.0.0.1, AMI/ARI for the GUI and fwconsole, local DNS).`
          : `This ${firstDrop.target!.text} also hits loopback traffic and no \`-i lo -j ACCEPT\` comes before it: the PBX is cut off from itself (FreePBX ↔ MySQL on 127.0.0.1, AMI/ARI for the GUI and fwconsole, local DNS).`,
        fixes,
      });
      return;
    }
    ctx.report({
      span: inputAnchor(doc, st),
      message: 'INPUT drops by default and no `-i lo -j ACCEPT` lets loopback through: the PBX is cut off from itself (FreePBX ↔ MySQL on 127.0.0.1, AMI/ARI for the GUI and fwconsole, local DNS). Allow-listing your public address does not cover lo.',
      fixes,
    });
  },
};
