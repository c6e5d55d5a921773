/** The mysql rules, in report order. */
import type { AnyRule } from '../../rule';

export const MYSQL_RULES: readonly AnyRule[] = [];
