/** The core rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as execincludes } from './execincludes';
import { rule as liveDangerously } from './live-dangerously';

export const CORE_RULES: readonly AnyRule[] = [execincludes, liveDangerously];
