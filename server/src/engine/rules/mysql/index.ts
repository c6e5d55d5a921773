/** The mysql rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as bindAll } from './bind-all-interfaces';
import { rule as bindPublic } from './bind-public-address';
import { rule as skipNetworking } from './skip-networking-advice';
import { rule as skipGrant } from './skip-grant-tables';
import { rule as localInfile } from './local-infile-enabled';
import { rule as symlinks } from './symbolic-links-enabled';
import { rule as secureFilePriv } from './secure-file-priv-empty';
import { rule as password } from './password-in-config';
import { rule as oldPasswords } from './old-passwords';
import { rule as udfs } from './allow-suspicious-udfs';
import { rule as beforeGroup } from './option-before-group';
import { rule as ignoredExt } from './includedir-ignored-extension';
import { rule as semicolon } from './inline-semicolon';
import { rule as groupSpace } from './group-name-whitespace';
import { rule as invalidBool } from './invalid-boolean';
import { rule as prefixName } from './prefix-option-name';
import { rule as invalidLine } from './invalid-line';

export const MYSQL_RULES: readonly AnyRule[] = [
  bindAll,
  bindPublic,
  skipNetworking,
  skipGrant,
  localInfile,
  symlinks,
  secureFilePriv,
  password,
  oldPasswords,
  udfs,
  beforeGroup,
  ignoredExt,
  semicolon,
  groupSpace,
  invalidBool,
  prefixName,
  invalidLine,
];
