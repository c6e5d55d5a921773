/** The config rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as boolUnrecognised } from './bool-unrecognised';
import { rule as duplicateGeneral } from './duplicate-general';
import { rule as fatalParseError } from './fatal-parse-error';
import { rule as invalidLine } from './invalid-line';
import { rule as sectionNameWhitespace } from './section-name-whitespace';
import { rule as strayCommentEnd } from './stray-comment-end';
import { rule as templateMarkerIgnored } from './template-marker-ignored';
import { rule as unterminatedComment } from './unterminated-comment';

export const CONFIG_RULES: readonly AnyRule[] = [
  boolUnrecognised,
  duplicateGeneral,
  fatalParseError,
  invalidLine,
  sectionNameWhitespace,
  strayCommentEnd,
  templateMarkerIgnored,
  unterminatedComment,
];
