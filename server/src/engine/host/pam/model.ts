/**
 * What the PAM rules need on top of the parser: the reading that applies to a path, module
 * tests, the auth/account stacks of a service file with `@include`s standing for the distro
 * defaults (host-rules.md §C: Debian `common-auth` ends with `[success=1 default=ignore]
 * pam_unix.so` / `requisite pam_deny.so` / `required pam_permit.so` and has no pam_faillock;
 * RHEL `password-auth` as authselect writes it without `with-faillock`), and the one edit
 * that turns a Debian `/etc/pam.d/sshd` into the sshd-only pam_faillock stack verified in
 * host-syntax.md §3.3 (corpus: synthetic/pam/sshd.faillock-explicit-stack).
 */
import type { RuleContext } from '../../rule';
import type { Span, TextEdit } from '../../text';
import { argValue, PamAction, PamDocument, PamFormat, pamFormat, PamProblem, PamRule, pamService, PamType, PamWord } from './parser';

export interface PamView {
  format: PamFormat;
  rules: PamRule[];
  problems: PamProblem[];
  /** The pam.d service (file name), lower-cased; undefined for pam.conf and faillock.conf. */
  service?: string;
}

export function pamView(ctx: RuleContext<PamDocument>): PamView {
  const format = pamFormat(ctx.path);
  if (format === 'faillock') return { format, rules: [], problems: ctx.doc.faillock.problems };
  if (format === 'pamconf') return { format, rules: ctx.doc.conf.rules, problems: ctx.doc.conf.problems };
  return { format, rules: ctx.doc.rules, problems: ctx.doc.problems, service: pamService(ctx.path) };
}

export const isTally = (r: PamRule) => !!r.moduleName && !r.atInclude && r.control !== 'include' && r.control !== 'substack' && /^pam_tally2?\.so$/.test(r.moduleName);
export const isFaillock = (r: PamRule) => !!r.moduleName && !r.atInclude && r.control !== 'include' && r.control !== 'substack' && r.moduleName === 'pam_faillock.so';
export const isModule = (r: PamRule, name: string) => !!r.moduleName && !r.atInclude && r.control !== 'include' && r.control !== 'substack' && r.moduleName === name;

/** `@include NAME`, or `TYPE include|substack NAME`. */
export function isInclude(r: PamRule): boolean {
  return r.atInclude || r.control === 'include' || r.control === 'substack';
}

/** Does this rule (or include) take part in the stack of `type`? */
export function inStack(r: PamRule, type: PamType): boolean {
  return r.atInclude ? !!r.module : r.type === type;
}

/** pam_faillock's mode: the last of preauth/authfail/authsucc among the arguments (libpam's args_parse). */
export function faillockMode(r: PamRule): 'preauth' | 'authfail' | 'authsucc' | undefined {
  let mode: 'preauth' | 'authfail' | 'authsucc' | undefined;
  for (const a of r.args) if (a.text === 'preauth' || a.text === 'authfail' || a.text === 'authsucc') mode = a.text;
  return mode;
}

export function modeWord(r: PamRule): PamWord | undefined {
  let w: PamWord | undefined;
  for (const a of r.args) if (a.text === 'preauth' || a.text === 'authfail' || a.text === 'authsucc') w = a;
  return w;
}

/** Modules that check the password in an auth stack. */
const PASSWORD_MODULES = new Set(['pam_unix.so', 'pam_sss.so', 'pam_ldap.so', 'pam_krb5.so', 'pam_winbind.so', 'pam_userdb.so', 'pam_pwdb.so', 'pam_radius_auth.so', 'pam_lsass.so']);
export const isPasswordModule = (r: PamRule) => !!r.moduleName && !isInclude(r) && PASSWORD_MODULES.has(r.moduleName);

/** Included stacks whose default auth part checks the password. */
export const DEBIAN_AUTH = 'common-auth';
const RHEL_AUTH = new Set(['password-auth', 'system-auth']);

/** An include that brings in a password check (Debian common-auth, RHEL password-auth/system-auth). */
export function includesAuthStack(r: PamRule): boolean {
  if (!isInclude(r) || !r.moduleName) return false;
  if (!r.atInclude && r.type !== 'auth') return false;
  return r.moduleName === DEBIAN_AUTH || RHEL_AUTH.has(r.moduleName);
}

/**
 * Does the included auth stack end failed passwords itself, so that nothing after the include
 * runs on the failure path? Debian's common-auth does (`requisite pam_deny.so`); an RHEL
 * `substack` never lets `done` end the parent stack, so what follows it runs after a correct
 * password too (pam.conf(5)).
 */
export function includeEndsFailures(r: PamRule): 'debian' | 'substack' | undefined {
  if (!includesAuthStack(r)) return undefined;
  if (r.moduleName === DEBIAN_AUTH) return 'debian';
  return r.control === 'substack' ? 'substack' : undefined;
}

/** The action for a result name: the explicit one, else `default` (bracket controls default to bad). */
export function actionFor(r: PamRule, result: string): PamAction | undefined {
  switch (r.control) {
    case 'required':
      return result === 'success' || result === 'new_authtok_reqd' ? 'ok' : result === 'ignore' ? 'ignore' : 'bad';
    case 'requisite':
      return result === 'success' || result === 'new_authtok_reqd' ? 'ok' : result === 'ignore' ? 'ignore' : 'die';
    case 'sufficient':
      return result === 'success' || result === 'new_authtok_reqd' ? 'done' : 'ignore';
    case 'optional':
      return result === 'success' || result === 'new_authtok_reqd' ? 'ok' : 'ignore';
    case 'bracket':
      return r.actions?.get(result) ?? r.actions?.get('default') ?? 'bad';
    default:
      return undefined;
  }
}

/** Which entry of a bracket control decides the success action (`success`, else `default`). */
export function successKey(r: PamRule): 'success' | 'default' | undefined {
  if (r.control !== 'bracket' || !r.actions) return undefined;
  if (r.actions.has('success')) return 'success';
  if (r.actions.has('default')) return 'default';
  return undefined;
}

/**
 * The rule a jump of `n` from `stack[i]` lands on (`stack`: the rules of one type, see
 * {@link inStack}), or
 * undefined when the count cannot be made from this file (an include on the way, whose
 * length we do not know) or runs past the end. A `substack` counts as one module
 * (pam.conf(5)).
 */
export function jumpTarget(stack: PamRule[], i: number, n: number): PamRule | undefined {
  let left = n + 1;
  for (let k = i + 1; k < stack.length; k++) {
    const r = stack[k];
    if (r.atInclude || r.control === 'include') return undefined;
    if (--left === 0) return r;
  }
  return undefined;
}

/** The line terminator used by a physical line (the file's first one when it has none). */
export function eolOf(doc: PamDocument, line: number): string {
  const l = doc.lines[line];
  const own = doc.text.slice(l.end, l.eolEnd);
  if (own) return own;
  const any = doc.lines.find((x) => x.eolEnd > x.end);
  return any ? doc.text.slice(any.end, any.eolEnd) : '\n';
}

/** Deletes the physical lines of a rule, terminators included. */
export function deleteRule(doc: PamDocument, r: PamRule): TextEdit {
  const first = doc.lines[r.logical.firstLine];
  const last = doc.lines[r.logical.lastLine];
  return { start: first.start, end: last.eolEnd, newText: '' };
}

/** Sorts edits and joins the ones that touch, so a fix is one contiguous change where it can be. */
export function mergeEdits(text: string, edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start <= prev.end) {
      const end = Math.max(prev.end, e.end);
      prev.newText = prev.newText + text.slice(prev.end, Math.max(prev.end, e.start)) + e.newText;
      prev.end = end;
    } else {
      out.push({ ...e });
    }
  }
  return out;
}

/** The sshd-only auth stack of host-syntax.md §3.3 (b), as lines. */
export const FAILLOCK_AUTH_STACK: readonly string[] = [
  'auth requisite pam_faillock.so preauth',
  'auth [success=2 default=ignore] pam_unix.so',
  'auth [default=die] pam_faillock.so authfail',
  'auth requisite pam_deny.so',
  'auth required pam_permit.so',
];
export const FAILLOCK_ACCOUNT_LINE = 'account required pam_faillock.so';

/** Where the account line goes: before the account include (Debian or RHEL), else before the first account rule. */
export function accountAnchor(rules: PamRule[]): PamRule | undefined {
  return (
    rules.find((r) => r.atInclude && r.moduleName === 'common-account') ??
    rules.find((r) => !r.atInclude && r.type === 'account' && isInclude(r)) ??
    rules.find((r) => !r.atInclude && r.type === 'account')
  );
}

/** Inserts `account required pam_faillock.so` on its own line before the account anchor. */
export function insertAccountLine(doc: PamDocument, rules: PamRule[]): TextEdit | undefined {
  const anchor = accountAnchor(rules);
  if (!anchor) return undefined;
  const l = doc.lines[anchor.logical.firstLine];
  const indent = /^[ \t]*/.exec(doc.text.slice(l.start, anchor.span.start))![0];
  return { start: anchor.span.start, end: anchor.span.start, newText: `${FAILLOCK_ACCOUNT_LINE}${eolOf(doc, l.index)}${indent}` };
}

/** The faillock.conf lines that keep what the replaced lines said (`deny=3 unlock_time=120`). */
export function carriedOptions(rules: PamRule[]): string[] {
  const keep = ['deny', 'unlock_time', 'fail_interval', 'root_unlock_time'];
  const flags = ['even_deny_root', 'audit', 'silent'];
  const out = new Map<string, string>();
  for (const r of rules) {
    for (const a of r.args) {
      for (const k of keep) {
        const v = argValue(a, k);
        if (v !== undefined && /^\d+$/.test(v) && !out.has(k)) out.set(k, `${k} = ${v}`);
      }
      if (flags.includes(a.text) && !out.has(a.text)) out.set(a.text, a.text);
    }
  }
  return [...out.values()];
}

export interface Migration {
  edits: TextEdit[];
  /** Lines to put in /etc/security/faillock.conf (values carried over from the replaced lines). */
  conf: string[];
}

/**
 * Debian/Ubuntu `/etc/pam.d/sshd`: replace `@include common-auth` (and any pam_tally /
 * pam_faillock auth lines) with the verified five-line stack, and make the account phase
 * call `pam_faillock.so` (replacing an `account … pam_tally*.so` line, or inserting the line
 * before `@include common-account`). Undefined when the file is not laid out that way (RHEL:
 * authselect does it; common-auth: pam-auth-update profiles do it).
 */
export function debianFaillockMigration(doc: PamDocument, rules: PamRule[]): Migration | undefined {
  const incAuth = rules.find((r) => r.atInclude && r.moduleName === DEBIAN_AUTH);
  if (!incAuth) return undefined;
  const edits: TextEdit[] = [];
  const replaced: PamRule[] = [];
  for (const r of rules) {
    if (r === incAuth) continue;
    if ((r.type === 'auth' && isFaillock(r)) || (isTally(r) && r.type !== 'account')) {
      edits.push(deleteRule(doc, r));
      replaced.push(r);
    }
  }
  const eol = eolOf(doc, incAuth.logical.firstLine);
  const indent = /^[ \t]*/.exec(doc.text.slice(doc.lines[incAuth.logical.firstLine].start, incAuth.span.start))![0];
  edits.push({ start: incAuth.span.start, end: incAuth.span.end, newText: FAILLOCK_AUTH_STACK.join(eol + indent) });
  const accTally = rules.filter((r) => r.type === 'account' && isTally(r));
  const accFaillock = rules.some((r) => r.type === 'account' && isFaillock(r));
  replaced.push(...accTally);
  if (accTally.length) {
    accTally.forEach((r, i) => {
      if (i === 0 && !accFaillock) edits.push({ start: r.span.start, end: r.span.end, newText: FAILLOCK_ACCOUNT_LINE });
      else edits.push(deleteRule(doc, r));
    });
  } else if (!accFaillock) {
    const ins = insertAccountLine(doc, rules);
    if (ins) edits.push(ins);
  }
  return { edits: mergeEdits(doc.text, edits), conf: carriedOptions(replaced) };
}

/** The sentence about faillock.conf that goes with the migration. */
export function confAdvice(conf: string[]): string {
  if (!conf.length) return 'pam_faillock then uses /etc/security/faillock.conf (defaults: deny = 3, unlock_time = 600, fail_interval = 900).';
  return `Then put ${conf.map((c) => `\`${c}\``).join(' and ')} in /etc/security/faillock.conf (the values of the replaced line${conf.length > 1 ? 's' : ''}; module lines would override that file).`;
}

export const LOCKOUT_WARNING = 'can lock you out: keep a root session open and test a new SSH login before closing it';

/** The fix offered by the lockout rules. */
export function migrationFix(doc: PamDocument, rules: PamRule[], what: string): { title: string; edits: TextEdit[]; safety: 'offer' }[] {
  const m = debianFaillockMigration(doc, rules);
  if (!m) return [];
  const conf = m.conf.length ? ` and set ${m.conf.join(', ')} in /etc/security/faillock.conf` : '';
  return [{ title: `${what} with the verified pam_faillock stack${conf} (${LOCKOUT_WARNING})`, edits: m.edits, safety: 'offer' }];
}

export const RHEL_ADVICE = 'On RHEL/Rocky/Alma 8-9 do not edit this file: run `authselect enable-feature with-faillock` and set the values in /etc/security/faillock.conf.';
export const DEBIAN_SYSTEM_ADVICE = 'System-wide on Debian/Ubuntu (what CIS Debian 12 asks for): pam-auth-update profiles for pam_faillock (preauth, authfail, account), leaving this file untouched.';

/** The first word's span of a rule, for anchors. */
export function ruleAnchor(r: PamRule): Span {
  return r.module ?? r.controlWord ?? r.typeWord ?? r.span;
}
