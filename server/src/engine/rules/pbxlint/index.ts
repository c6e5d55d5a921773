/** The pbxlint rules: about pbxlint's own comments, for every file kind. */
import type { AnyRule } from '../../rule';
import { SUPPRESSION_RULES } from './suppressions';

export const PBXLINT_RULES: readonly AnyRule[] = SUPPRESSION_RULES;
