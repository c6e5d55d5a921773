/** The apache rules, in report order. */
import type { AnyRule } from '../../rule';

export const APACHE_RULES: readonly AnyRule[] = [];
