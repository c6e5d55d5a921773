/** The sip rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as chanSipDeprecated } from './chan-sip-deprecated';
import { rule as allowguest } from './allowguest';
import { rule as allowtransfer } from './allowtransfer';
import { rule as alwaysauthreject } from './alwaysauthreject';
import { rule as autocreatepeer } from './autocreatepeer';
import { rule as bindaddrAny } from './bindaddr-any';
import { rule as dynamicNoAcl } from './dynamic-no-acl';
import { rule as insecureInvite } from './insecure-invite';
import { rule as insecureVery } from './insecure-very';
import { rule as md5secretWeak } from './md5secret-weak';
import { rule as natMismatch } from './nat-mismatch';
import { rule as pedanticOff } from './pedantic-off';
import { rule as peerNoSecret } from './peer-no-secret';
import { rule as qualifyTrunk } from './qualify-trunk';
import { rule as registerCredentials } from './register-credentials';
import { rule as secretWeak } from './secret-weak';
import { rule as srvlookup } from './srvlookup';
import { rule as typeFriendTrunk } from './type-friend-trunk';
import { rule as versionDisclosure } from './version-disclosure';

export const SIP_RULES: readonly AnyRule[] = [
  chanSipDeprecated,
  allowguest,
  allowtransfer,
  alwaysauthreject,
  autocreatepeer,
  bindaddrAny,
  dynamicNoAcl,
  insecureInvite,
  insecureVery,
  md5secretWeak,
  natMismatch,
  pedanticOff,
  peerNoSecret,
  qualifyTrunk,
  registerCredentials,
  secretWeak,
  srvlookup,
  typeFriendTrunk,
  versionDisclosure,
];
