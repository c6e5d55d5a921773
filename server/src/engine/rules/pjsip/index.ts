/** The pjsip rules, in report order. */
import type { AnyRule } from '../../rule';

export const PJSIP_RULES: readonly AnyRule[] = [];
