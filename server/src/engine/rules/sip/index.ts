/** The sip rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as allowguest } from './allowguest';
import { rule as allowtransfer } from './allowtransfer';
import { rule as alwaysauthreject } from './alwaysauthreject';
import { rule as insecureInvite } from './insecure-invite';
import { rule as insecureVery } from './insecure-very';
import { rule as peerNoSecret } from './peer-no-secret';
import { rule as registerCredentials } from './register-credentials';
import { rule as secretWeak } from './secret-weak';

export const SIP_RULES: readonly AnyRule[] = [
  allowguest,
  allowtransfer,
  alwaysauthreject,
  insecureInvite,
  insecureVery,
  peerNoSecret,
  registerCredentials,
  secretWeak,
];
