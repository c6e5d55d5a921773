/** The iptables rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as inputPolicyAccept } from './input-policy-accept';
import { rule as missingLoopbackAccept } from './missing-loopback-accept';
import { rule as missingEstablished } from './missing-established';
import { rule as sipOpenToWorld } from './sip-open-to-world';
import { rule as sensitivePortOpenToWorld } from './sensitive-port-open-to-world';
import { rule as fail2banChainsPersisted } from './fail2ban-chains-persisted';
import { rule as missingCommit } from './missing-commit';
import { rule as invalidLine } from './invalid-line';

export const IPTABLES_RULES: readonly AnyRule[] = [
  inputPolicyAccept,
  missingLoopbackAccept,
  missingEstablished,
  sipOpenToWorld,
  sensitivePortOpenToWorld,
  fail2banChainsPersisted,
  missingCommit,
  invalidLine,
];
