/** The acl rules, in report order. */
import type { AnyRule } from '../../rule';

export const ACL_RULES: readonly AnyRule[] = [];
