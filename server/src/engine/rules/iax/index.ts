/** The iax rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as authPlaintext } from './auth-plaintext';
import { rule as bindaddrAny } from './bindaddr-any';
import { rule as calltokenDisabled } from './calltoken-disabled';
import { rule as delayreject } from './delayreject';
import { rule as encryptionOff } from './encryption-off';
import { rule as secretWeak } from './secret-weak';
import { rule as userNoSecret } from './user-no-secret';

export const IAX_RULES: readonly AnyRule[] = [
  authPlaintext,
  bindaddrAny,
  calltokenDisabled,
  delayreject,
  encryptionOff,
  secretWeak,
  userNoSecret,
];
