/** The iptables rules, in report order. */
import type { AnyRule } from '../../rule';

export const IPTABLES_RULES: readonly AnyRule[] = [];
