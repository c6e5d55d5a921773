/** The fail2ban rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as asteriskJailDisabled } from './asterisk-jail-disabled';
import { rule as asteriskLogpath } from './asterisk-logpath';
import { rule as bantimeShort } from './bantime-short';
import { rule as maxretryHigh } from './maxretry-high';
import { rule as ignoreipTooBroad } from './ignoreip-too-broad';
import { rule as ignoreipOwnNetworks } from './ignoreip-own-networks';
import { rule as ignoreselfFalse } from './ignoreself-false';
import { rule as asteriskPortsOnly } from './asterisk-ports-only';
import { rule as inlineHashComment } from './inline-hash-comment';
import { rule as duplicateKey } from './duplicate-key';
import { rule as sectionCase } from './section-case';
import { rule as invalidLine } from './invalid-line';

export const FAIL2BAN_RULES: readonly AnyRule[] = [
  asteriskJailDisabled,
  asteriskLogpath,
  bantimeShort,
  maxretryHigh,
  ignoreipTooBroad,
  ignoreipOwnNetworks,
  ignoreselfFalse,
  asteriskPortsOnly,
  inlineHashComment,
  duplicateKey,
  sectionCase,
  invalidLine,
];
