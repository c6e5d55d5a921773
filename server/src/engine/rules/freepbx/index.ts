/** The freepbx rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as defaultPassword } from './default-password';

export const FREEPBX_RULES: readonly AnyRule[] = [defaultPassword];
