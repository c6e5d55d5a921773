/** The http rules, in report order. */
import type { AnyRule } from '../../rule';

export const HTTP_RULES: readonly AnyRule[] = [];
