/** The pam rules, in report order. */
import type { AnyRule } from '../../rule';

export const PAM_RULES: readonly AnyRule[] = [];
