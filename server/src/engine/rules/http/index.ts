/** The http rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as enabledPublic } from './enabled-public';
import { rule as noTls } from './no-tls';
import { rule as enableStatus } from './enable-status';
import { rule as servernameVersion } from './servername-version';

export const HTTP_RULES: readonly AnyRule[] = [enabledPublic, noTls, enableStatus, servernameVersion];
