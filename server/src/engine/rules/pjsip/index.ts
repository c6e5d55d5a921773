/** The pjsip rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as allowTransfer } from './allow-transfer';
import { rule as allowUnauthenticatedOptions } from './allow-unauthenticated-options';
import { rule as anonymousEndpoint } from './anonymous-endpoint';
import { rule as authDigestWeak } from './auth-digest-weak';
import { rule as authPasswordWeak } from './auth-password-weak';
import { rule as authSharedInOut } from './auth-shared-in-out';
import { rule as duplicateObject } from './duplicate-object';
import { rule as endpointAclMissing } from './endpoint-acl-missing';
import { rule as endpointNoAuth } from './endpoint-no-auth';
import { rule as registrationCredentials } from './registration-credentials';
import { rule as transportBindAny } from './transport-bind-any';
import { rule as transportTlsWeak } from './transport-tls-weak';
import { rule as typeInvalid } from './type-invalid';
import { rule as versionDisclosure } from './version-disclosure';

export const PJSIP_RULES: readonly AnyRule[] = [
  allowTransfer,
  allowUnauthenticatedOptions,
  anonymousEndpoint,
  authDigestWeak,
  authPasswordWeak,
  authSharedInOut,
  duplicateObject,
  endpointAclMissing,
  endpointNoAuth,
  registrationCredentials,
  transportBindAny,
  transportTlsWeak,
  typeInvalid,
  versionDisclosure,
];
