/** The dialplan rules, in report order. */
import type { AnyRule } from '../../rule';

export const DIALPLAN_RULES: readonly AnyRule[] = [];
