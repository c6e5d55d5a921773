/** The ami rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as aclPermitAll } from './acl-permit-all';
import { rule as bindPublic } from './bind-public';
import { rule as secretWeak } from './secret-weak';
import { rule as userNoAcl } from './user-no-acl';

export const AMI_RULES: readonly AnyRule[] = [
  aclPermitAll,
  bindPublic,
  secretWeak,
  userNoAcl,
];
