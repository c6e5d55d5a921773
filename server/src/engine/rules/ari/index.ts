/** The ari rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as passwordWeak } from './password-weak';
import { rule as passwordPlain } from './password-plain';
import { rule as allowedOriginsWildcard } from './allowed-origins-wildcard';
import { rule as userNoAcl } from './user-no-acl';

export const ARI_RULES: readonly AnyRule[] = [passwordWeak, passwordPlain, allowedOriginsWildcard, userNoAcl];
