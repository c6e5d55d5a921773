/** The ftp rules, in report order. */
import type { AnyRule } from '../../rule';

export const FTP_RULES: readonly AnyRule[] = [];
