/** The dialplan rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as extenInjection } from './exten-injection';
import { rule as calleridShell } from './callerid-shell';
import { rule as disaNoPassword } from './disa-no-password';
import { rule as voicemailmainSkipAuth } from './voicemailmain-skip-auth';
import { rule as wildcardPattern } from './wildcard-pattern';
import { rule as writeprotectOff } from './writeprotect-off';

export const DIALPLAN_RULES: readonly AnyRule[] = [extenInjection, calleridShell, disaNoPassword, voicemailmainSkipAuth, wildcardPattern, writeprotectOff];
