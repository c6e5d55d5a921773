/** The fail2ban rules, in report order. */
import type { AnyRule } from '../../rule';

export const FAIL2BAN_RULES: readonly AnyRule[] = [];
