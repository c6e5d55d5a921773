/** The core rules, in report order. */
import type { AnyRule } from '../../rule';

export const CORE_RULES: readonly AnyRule[] = [];
