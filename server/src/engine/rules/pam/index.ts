/** The pam rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as tallyRemoved } from './tally-removed';
import { rule as lockoutMissing } from './lockout-missing';
import { rule as authfailUnreachable } from './faillock-authfail-unreachable';
import { rule as missingMode } from './faillock-missing-mode';
import { rule as noReset } from './faillock-no-reset';
import { rule as jumpLandsOnDeny } from './jump-lands-on-deny';
import { rule as weakParameters } from './faillock-weak-parameters';
import { rule as volatileDir } from './faillock-volatile-dir';
import { rule as unixNullok } from './unix-nullok';
import { rule as syntaxBadLine } from './syntax-bad-line';

export const PAM_RULES: readonly AnyRule[] = [
  tallyRemoved,
  lockoutMissing,
  authfailUnreachable,
  missingMode,
  noReset,
  jumpLandsOnDeny,
  weakParameters,
  volatileDir,
  unixNullok,
  syntaxBadLine,
];
