/** The sshd rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as permitRootLogin } from './permit-root-login';
import { rule as passwordAuthentication } from './password-authentication';
import { rule as kbdInteractiveWithPam } from './kbdinteractive-with-pam';
import { rule as permitEmptyPasswords } from './permit-empty-passwords';
import { rule as maxAuthTries } from './max-auth-tries';
import { rule as portConflict } from './port-conflict';
import { rule as defaultPort } from './default-port';
import { rule as usePamDisabled } from './usepam-disabled';
import { rule as includeShadowing } from './include-shadowing';
import { rule as invalidValue } from './invalid-value';
import { rule as unknownKeyword } from './unknown-keyword';

export const SSHD_RULES: readonly AnyRule[] = [
  permitRootLogin,
  passwordAuthentication,
  kbdInteractiveWithPam,
  permitEmptyPasswords,
  maxAuthTries,
  portConflict,
  defaultPort,
  usePamDisabled,
  includeShadowing,
  invalidValue,
  unknownKeyword,
];
