/** The ari rules, in report order. */
import type { AnyRule } from '../../rule';

export const ARI_RULES: readonly AnyRule[] = [];
