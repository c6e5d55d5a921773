/** The apache rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as listenAll } from './listen-all-interfaces';
import { rule as adminPath } from './admin-path-public';
import { rule as freepbxAdmin } from './freepbx-admin-exposed';
import { rule as statusInfo } from './status-info-public';
import { rule as serverTokens } from './servertokens-verbose';
import { rule as serverSignature } from './serversignature-on';
import { rule as trace } from './trace-enabled';
import { rule as indexes } from './options-indexes';
import { rule as hostBased } from './missing-host-based-access';
import { rule as inlineComment } from './inline-comment';
import { rule as backslash } from './backslash-trailing-space';
import { rule as traceInvalid } from './traceenable-invalid-value';
import { rule as invalidLine } from './invalid-line';

export const APACHE_RULES: readonly AnyRule[] = [
  listenAll,
  adminPath,
  freepbxAdmin,
  statusInfo,
  serverTokens,
  serverSignature,
  trace,
  indexes,
  hostBased,
  inlineComment,
  backslash,
  traceInvalid,
  invalidLine,
];
