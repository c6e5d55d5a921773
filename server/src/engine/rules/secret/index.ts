/** The secret rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as truncatedBySemicolon } from './truncated-by-semicolon';
import { rule as quoted } from './quoted';

export const SECRET_RULES: readonly AnyRule[] = [
  truncatedBySemicolon,
  quoted,
];
