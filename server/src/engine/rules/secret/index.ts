/** The secret rules, in report order. */
import type { AnyRule } from '../../rule';

export const SECRET_RULES: readonly AnyRule[] = [];
