/** The ami rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as aclIpv4Only } from './acl-ipv4-only';
import { rule as aclPermitAll } from './acl-permit-all';
import { rule as bindPublic } from './bind-public';
import { rule as dangerousWrite } from './dangerous-write';
import { rule as displayconnectsOff } from './displayconnects-off';
import { rule as noTls } from './no-tls';
import { rule as permissionListMalformed } from './permission-list-malformed';
import { rule as secretWeak } from './secret-weak';
import { rule as userNoAcl } from './user-no-acl';
import { rule as userNoSecret } from './user-no-secret';
import { rule as webenabled } from './webenabled';

export const AMI_RULES: readonly AnyRule[] = [
  aclIpv4Only,
  aclPermitAll,
  bindPublic,
  dangerousWrite,
  displayconnectsOff,
  noTls,
  permissionListMalformed,
  secretWeak,
  userNoAcl,
  userNoSecret,
  webenabled,
];
