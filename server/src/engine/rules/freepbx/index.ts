/** The freepbx rules, in report order. */
import type { AnyRule } from '../../rule';

export const FREEPBX_RULES: readonly AnyRule[] = [];
