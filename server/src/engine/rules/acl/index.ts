/** The acl rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as ipv4Only } from './ipv4-only';
import { rule as listWhitespace } from './list-whitespace';
import { rule as orderPermitBeforeDeny } from './order-permit-before-deny';
import { rule as permitOnly } from './permit-only';

export const ACL_RULES: readonly AnyRule[] = [
  ipv4Only,
  listWhitespace,
  orderPermitBeforeDeny,
  permitOnly,
];
