/** The sshd rules, in report order. */
import type { AnyRule } from '../../rule';

export const SSHD_RULES: readonly AnyRule[] = [];
