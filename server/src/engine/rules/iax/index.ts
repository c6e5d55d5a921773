/** The iax rules, in report order. */
import type { AnyRule } from '../../rule';

export const IAX_RULES: readonly AnyRule[] = [];
