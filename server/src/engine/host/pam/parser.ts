/**
 * Lossless parser for PAM configuration: `/etc/pam.d/<service>` files, the legacy single
 * `/etc/pam.conf` (an extra leading service column) and pam_faillock's
 * `/etc/security/faillock.conf` (`key = value`), following Linux-PAM 1.5.2
 * (`libpam/pam_handlers.c` `_pam_assemble_line` / `_pam_parse_conf_file`, `pam_misc.c`
 * `_pam_StrTok` / `_pam_parse_control`, `modules/pam_faillock/pam_faillock.c`
 * `read_config_file`) as summarised in ../shared/research/host-syntax.md §3.
 *
 * What libpam does, and so what this parser does:
 * - A `#` anywhere ends the line (there is no escape for it).
 * - A line whose text (before any `#`) ends with `\` continues on the next line; blank and
 *   comment-only lines in between are skipped, the backslash becomes a space. A line that
 *   holds a `#` never continues.
 * - Words are separated by spaces and tabs. A word starting with `[` runs to the first `]`
 *   not written `\]` (spaces included): the bracket control `[success=1 default=ignore]` and
 *   bracketed arguments. Without a closing `]` it runs to the end of the line.
 * - `type control module [args…]`; `@include NAME` (a Debian patch); a leading `-` on the
 *   type only silences the log line when the module is missing.
 * - A bad line (unknown type, missing control or module, unparsable bracket control) is not
 *   skipped: libpam installs a rule that always fails, which locks people out.
 *
 * The parser never throws. Every character belongs to exactly one piece of
 * {@link pamPieces}; {@link printPam} gives the input back byte for byte. The same text is
 * interpreted three ways (`rules` as a pam.d file, `confRules` as pam.conf with a service
 * column, `faillock` as faillock.conf); {@link pamFormat} picks the one that applies to a path.
 */
import { safeQuote } from '../../secrets';
import type { Span } from '../../text';
import { physicalLine } from '../../text';

export type PamType = 'auth' | 'account' | 'password' | 'session';
export const PAM_TYPES: readonly PamType[] = ['auth', 'account', 'password', 'session'];

/** `ignore`, `ok`, …, or a positive jump count. */
export type PamAction = 'ignore' | 'ok' | 'done' | 'bad' | 'die' | 'reset' | number;

/** libpam's return-value names, in `_pam_token_returns` order (prefix matching depends on it). */
export const PAM_RETURN_NAMES: readonly string[] = [
  'success', 'open_err', 'symbol_err', 'service_err', 'system_err', 'buf_err', 'perm_denied', 'auth_err',
  'cred_insufficient', 'authinfo_unavail', 'user_unknown', 'maxtries', 'new_authtok_reqd', 'acct_expired',
  'session_err', 'cred_unavail', 'cred_expired', 'cred_err', 'no_module_data', 'conv_err', 'authtok_err',
  'authtok_recover_err', 'authtok_lock_busy', 'authtok_disable_aging', 'try_again', 'ignore', 'abort',
  'authtok_expired', 'module_unknown', 'bad_item', 'conv_again', 'incomplete', 'default',
];
const PAM_ACTION_NAMES = ['ignore', 'ok', 'done', 'bad', 'die', 'reset'] as const;

export interface PamWord extends Span {
  /** The word as libpam sees it: brackets removed and `\]` unescaped for bracket words. */
  text: string;
  bracket: boolean;
  /** False for a bracket word without its closing `]`. */
  closed: boolean;
}

export interface PamPhysLine {
  /** 0-based physical line (lines split on `\n`). */
  index: number;
  start: number;
  /** Just past the content, before `\r\n` or `\n`. */
  end: number;
  /** Just past the line terminator. */
  eolEnd: number;
  /** The text libpam reads from this line: [start, codeEnd), before any `#` and a continuation backslash. */
  codeEnd: number;
  comment?: Span;
  /** Offset of the backslash that joins the next line. */
  continuation?: number;
  /** Index into {@link PamDocument.logical}, or -1 for blank and comment-only lines. */
  logical: number;
  /** The line ends with `\r\n`. */
  cr: boolean;
}

export interface PamLogical {
  index: number;
  firstLine: number;
  lastLine: number;
  words: PamWord[];
  /** The joined text libpam tokenises (continuations replaced by a space). */
  code: string;
}

export type PamControl = 'required' | 'requisite' | 'sufficient' | 'optional' | 'include' | 'substack' | 'bracket';

export interface PamRule {
  logical: PamLogical;
  /** Physical line of the rule's first word. */
  line: number;
  span: Span;
  /** pam.conf only: the service column. */
  service?: PamWord;
  typeWord?: PamWord;
  /** Undefined for `@include` and for an unknown type. */
  type?: PamType;
  /** `-type`: a missing module is not logged (it still fails). */
  silent: boolean;
  controlWord?: PamWord;
  control?: PamControl;
  /** Bracket control: the actions written, by return-value name (`default` included). */
  actions?: Map<string, PamAction>;
  /** Module path, or the file of `@include` / `include` / `substack`. */
  module?: PamWord;
  /** The module's file name without directories (`pam_unix.so`), or the included file name. */
  moduleName?: string;
  args: PamWord[];
  /** `@include NAME` (Debian): every type of NAME is read in place. */
  atInclude: boolean;
  /** libpam installs this line as a rule that always fails. */
  bad: boolean;
}

export interface PamProblem {
  code: 'bad-type' | 'no-control' | 'bad-control' | 'no-module' | 'unclosed-bracket' | 'bom' | 'crlf' | 'line-too-long' | 'nul' | 'include-no-file' | 'faillock-unknown' | 'faillock-bad-value';
  severity: 'error' | 'warning';
  span: Span;
  line: number;
  message: string;
}

export interface FaillockEntry {
  line: number;
  key: PamWord;
  /** Absent for flags (`silent`, `even_deny_root`, …). */
  value?: PamWord;
}

export interface PamInterpretation {
  rules: PamRule[];
  problems: PamProblem[];
}

export interface PamDocument {
  text: string;
  bom?: Span;
  lines: PamPhysLine[];
  logical: PamLogical[];
  /** As a pam.d service file. */
  rules: PamRule[];
  problems: PamProblem[];
  /** As /etc/pam.conf (service column first), computed on first use. */
  readonly conf: PamInterpretation;
  /** As /etc/security/faillock.conf, computed on first use. */
  readonly faillock: { entries: FaillockEntry[]; problems: PamProblem[] };
}

/** libpam's line buffer (BUF_SIZE 1024): a longer logical line aborts the whole configuration. */
export const PAM_MAX_LINE = 1023;


/** The first offset of `ch` in [from, to), or -1 (never looks past `to`). */
export function findIn(text: string, ch: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text[i] === ch) return i;
  return -1;
}

export type PamFormat = 'pamd' | 'pamconf' | 'faillock';

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** Which reading of the text applies to a path. */
export function pamFormat(path: string): PamFormat {
  const base = baseName(path).toLowerCase();
  if (base === 'faillock.conf') return 'faillock';
  if (base === 'pam.conf' && !/(^|[\\/])pam\.d[\\/]/i.test(path)) return 'pamconf';
  return 'pamd';
}

/** The pam.d service a path names (`sshd` for /etc/pam.d/sshd), lower-cased. */
export function pamService(path: string): string {
  return baseName(path).toLowerCase();
}

export function parsePam(text: string): PamDocument {
  try {
    return parseInner(text);
  } catch {
    // Defensive only: the code below is written not to throw. A document with one opaque
    // line still round-trips.
    const line: PamPhysLine = { index: 0, start: 0, end: text.length, eolEnd: text.length, codeEnd: 0, comment: { start: 0, end: text.length }, logical: -1, cr: false };
    return finish(text, undefined, [line], [], { rules: [], problems: [] });
  }
}

function parseInner(text: string): PamDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
  const lines: PamPhysLine[] = [];
  let pos = 0;
  let index = 0;
  do {
    const { end, eolEnd, cr } = physicalLine(text, pos, true);
    // libpam reads with fgets/strlen: a NUL ends what it sees of the line.
    let nul = findIn(text, '\0', pos, end);
    if (nul < 0) nul = end;
    const hash = findIn(text, '#', pos, nul);
    const codeEnd0 = hash >= 0 ? hash : nul;
    const comment = hash >= 0 ? { start: hash, end } : undefined;
    let codeEnd = codeEnd0;
    let continuation: number | undefined;
    if (hash < 0) {
      // Continuation: the last character that is not blank is a backslash (libpam strips
      // spaces, tabs and the newline; the CR of a CRLF line is reported on its own).
      let k = codeEnd0 - 1;
      while (k >= pos && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
      if (k >= pos && text[k] === '\\') {
        continuation = k;
        codeEnd = k;
      }
    }
    lines.push({ index, start: pos, end, eolEnd, codeEnd, comment, continuation, logical: -1, cr });
    pos = eolEnd;
    index++;
  } while (pos < text.length);

  // Logical lines: continuations joined, blank and comment-only lines skipped (even in the
  // middle of a continuation, as libpam does).
  const logical: PamLogical[] = [];
  let cur: { members: number[]; code: string; map: number[] } | undefined;
  const flush = () => {
    if (!cur) return;
    const lg: PamLogical = { index: logical.length, firstLine: cur.members[0], lastLine: cur.members[cur.members.length - 1], words: tokenize(cur.code, cur.map), code: cur.code };
    for (const m of cur.members) lines[m].logical = lg.index;
    logical.push(lg);
    cur = undefined;
  };
  for (const l of lines) {
    const hasCode = l.continuation !== undefined || /[^ \t\r]/.test(text.slice(l.start, l.codeEnd));
    if (!hasCode) continue;
    if (!cur) cur = { members: [], code: '', map: [] };
    cur.members.push(l.index);
    for (let k = l.start; k < l.codeEnd; k++) {
      cur.code += text[k];
      cur.map.push(k);
    }
    if (l.continuation !== undefined) {
      cur.code += ' ';
      cur.map.push(l.continuation);
    } else {
      flush();
    }
  }
  flush();
  const pamd = interpret(text, lines, logical, bom, false);
  return finish(text, bom, lines, logical, pamd);
}

function finish(text: string, bom: Span | undefined, lines: PamPhysLine[], logical: PamLogical[], pamd: PamInterpretation): PamDocument {
  let conf: PamInterpretation | undefined;
  let faillock: { entries: FaillockEntry[]; problems: PamProblem[] } | undefined;
  return {
    text,
    bom,
    lines,
    logical,
    rules: pamd.rules,
    problems: pamd.problems,
    get conf() {
      return (conf ??= safe(() => interpret(text, lines, logical, bom, true), { rules: [], problems: [] }));
    },
    get faillock() {
      return (faillock ??= safe(() => interpretFaillock(text, lines, bom), { entries: [], problems: [] }));
    },
  };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** `_pam_StrTok` over a logical line: blanks are space, tab (and newline); `[` … `]` is one word. */
function tokenize(code: string, map: number[]): PamWord[] {
  const words: PamWord[] = [];
  const n = code.length;
  let i = 0;
  const isSep = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  while (i < n) {
    while (i < n && isSep(code[i])) i++;
    if (i >= n) break;
    const s = i;
    if (code[i] === '[') {
      let out = '';
      i++;
      let closed = false;
      while (i < n) {
        if (code[i] === '\\' && code[i + 1] === ']') {
          out += ']';
          i += 2;
          continue;
        }
        if (code[i] === ']') {
          closed = true;
          i++;
          break;
        }
        out += code[i];
        i++;
      }
      words.push({ start: map[s], end: map[i - 1] + 1, text: out, bracket: true, closed });
    } else {
      while (i < n && !isSep(code[i])) i++;
      words.push({ start: map[s], end: map[i - 1] + 1, text: code.slice(s, i), bracket: false, closed: true });
    }
  }
  return words;
}

const SIMPLE_CONTROLS: Record<string, PamControl> = {
  required: 'required',
  requisite: 'requisite',
  sufficient: 'sufficient',
  optional: 'optional',
  include: 'include',
  substack: 'substack',
};

/** `_pam_parse_control`: the actions of a bracket control, or the error libpam logs. */
export function parseControl(body: string): { actions: Map<string, PamAction>; error?: string } {
  const actions = new Map<string, PamAction>();
  let t = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  const fail = (error: string) => ({ actions: new Map<string, PamAction>([['default', 'bad']]), error });
  while (t < body.length) {
    while (t < body.length && isSpace(body[t])) t++;
    if (t >= body.length) break;
    const ret = PAM_RETURN_NAMES.find((name) => body.startsWith(name, t));
    if (!ret || t + ret.length >= body.length) return fail(`expecting a return value at '${body.slice(t, t + 20)}'`);
    t += ret.length;
    while (t < body.length && isSpace(body[t])) t++;
    if (body[t] !== '=') return fail(`expecting '=' after '${ret}'`);
    t++;
    while (t < body.length && isSpace(body[t])) t++;
    if (t >= body.length) return fail(`expecting an action after '${ret}='`);
    const act = PAM_ACTION_NAMES.find((a) => body.startsWith(a, t));
    let action: PamAction;
    if (act) {
      action = act;
      t += act.length;
    } else {
      const m = /^\d+/.exec(body.slice(t));
      if (!m) return fail(`expecting an action or a jump count after '${ret}='`);
      const jump = Number(m[0]);
      if (jump === 0) return fail(`a jump of 0 is not allowed after '${ret}=' (use ignore)`);
      action = jump;
      t += m[0].length;
    }
    actions.set(ret, action);
  }
  return { actions };
}

function interpret(text: string, lines: PamPhysLine[], logical: PamLogical[], bom: Span | undefined, serviceColumn: boolean): PamInterpretation {
  const rules: PamRule[] = [];
  const problems: PamProblem[] = [];
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const problem = (code: PamProblem['code'], severity: PamProblem['severity'], span: Span, message: string) =>
    problems.push({ code, severity, span, line: lineOf(span.start), message });

  if (bom) {
    problem('bom', 'error', bom, 'The file starts with a byte order mark: libpam reads it as part of the first word, so the first line becomes a rule that always fails (an unknown type); save the file as UTF-8 without BOM.');
  }
  // A line with a comment keeps its CR inside the comment, out of harm's way.
  const crLine = lines.find((l) => l.cr && l.logical >= 0 && !l.comment && l.continuation === undefined);
  if (crLine) {
    problem('crlf', 'error', { start: crLine.end, end: crLine.end + 1 }, "This file has Windows (CRLF) line endings: libpam does not treat the carriage return as a blank, so the last word of every line (a module name, an @include target or an argument) ends with it and is not found; convert the file to LF line endings.");
  }

  for (const lg of logical) {
    const w = lg.words;
    if (!w.length) continue;
    const byteLength = Buffer.byteLength(lg.code, 'utf8');
    if (byteLength > PAM_MAX_LINE) {
      problem('line-too-long', 'error', { start: w[0].start, end: w[w.length - 1].end }, `This rule is ${byteLength} bytes long; libpam's line buffer holds ${PAM_MAX_LINE}, and a longer line makes it abandon the whole configuration (every PAM call for this service fails).`);
    }
    for (const l of lines.slice(lg.firstLine, lg.lastLine + 1)) {
      const nul = findIn(text, '\0', l.start, l.end);
      if (nul >= 0) problem('nul', 'warning', { start: nul, end: nul + 1 }, 'A NUL byte: libpam stops reading the line here, so the rest of the line is ignored.');
    }
    const rule: PamRule = { logical: lg, line: lineOf(w[0].start), span: { start: w[0].start, end: w[w.length - 1].end }, silent: false, args: [], atInclude: false, bad: false };
    if (bom && w[0].start === 0) {
      // The byte order mark glued to the first word: already reported, and the line fails.
      rule.bad = true;
      rules.push(rule);
      continue;
    }
    let k = 0;
    if (w[0].text.toLowerCase() === '@include' && !w[0].bracket) {
      rule.atInclude = true;
      rule.module = w[1];
      rule.moduleName = w[1] ? baseName(w[1].text) : undefined;
      rule.args = w.slice(2);
      if (!w[1]) {
        rule.bad = true;
        problem('include-no-file', 'error', w[0], '@include without a file name: the include fails and libpam installs a rule that always fails.');
      }
      rules.push(rule);
      continue;
    }
    if (serviceColumn) {
      rule.service = w[k++];
      if (!w[k]) {
        rule.bad = true;
        problem('bad-type', 'error', rule.span, `Service '${rule.service.text}' without a module type: libpam installs a rule that always fails.`);
        rules.push(rule);
        continue;
      }
    }
    const typeWord = w[k++];
    rule.typeWord = typeWord;
    let typeText = typeWord.text;
    if (typeText.startsWith('-')) {
      rule.silent = true;
      typeText = typeText.slice(1);
    }
    const type = PAM_TYPES.find((t) => t === typeText.toLowerCase());
    if (!type || typeWord.bracket) {
      rule.bad = true;
      problem('bad-type', 'error', typeWord, `Unknown module type '${safeQuote(typeWord.text)}' (auth, account, password or session expected): libpam does not skip the line, it installs a rule that always fails (in the auth stack), so logins fail.`);
    } else {
      rule.type = type;
    }
    const controlWord = w[k++];
    rule.controlWord = controlWord;
    if (!controlWord) {
      rule.bad = true;
      problem('no-control', 'error', typeWord, 'A module type without a control flag or module: libpam installs a rule that always fails, so this stack always fails.');
      rules.push(rule);
      continue;
    }
    const simple = !controlWord.bracket ? SIMPLE_CONTROLS[controlWord.text.toLowerCase()] : undefined;
    if (simple) {
      rule.control = simple;
    } else {
      rule.control = 'bracket';
      if (controlWord.bracket && !controlWord.closed) {
        rule.bad = true;
        problem('unclosed-bracket', 'error', controlWord, "The control's '[' has no closing ']': libpam reads the rest of the line as the control, finds no module and installs a rule that always fails.");
      }
      const parsed = parseControl(controlWord.text);
      rule.actions = parsed.actions;
      if (parsed.error && !(controlWord.bracket && !controlWord.closed)) {
        rule.bad = true;
        problem(
          'bad-control',
          'error',
          controlWord,
          controlWord.bracket
            ? `libpam cannot parse this control (${parsed.error}) and treats every result of the module as a failure: this rule always fails.`
            : `Unknown control '${safeQuote(controlWord.text)}' (required, requisite, sufficient, optional, include, substack or [value=action …] expected): libpam treats every result as a failure, so this rule always fails.`,
        );
      }
    }
    const mod = w[k++];
    if (!mod) {
      if (!rule.bad) {
        rule.bad = true;
        problem('no-module', 'error', controlWord, rule.control === 'include' || rule.control === 'substack' ? `'${safeQuote(controlWord.text)}' without a file name: libpam installs a rule that always fails.` : 'No module path after the control: libpam installs a rule that always fails, so this stack always fails.');
      }
      rules.push(rule);
      continue;
    }
    rule.module = mod;
    rule.moduleName = baseName(mod.text);
    rule.args = w.slice(k);
    for (const a of rule.args) {
      if (a.bracket && !a.closed) {
        problem('unclosed-bracket', 'warning', a, "This argument's '[' has no closing ']': libpam passes the rest of the line to the module as one argument.");
      }
    }
    rules.push(rule);
  }
  return { rules, problems };
}

const FAILLOCK_KEYS = new Set(['dir', 'deny', 'fail_interval', 'unlock_time', 'root_unlock_time', 'admin_group', 'even_deny_root', 'audit', 'silent', 'no_log_info', 'local_users_only', 'nodelay']);
const FAILLOCK_FLAGS = new Set(['even_deny_root', 'audit', 'silent', 'no_log_info', 'local_users_only', 'nodelay']);

/** pam_faillock's `read_config_file`: `#` anywhere starts a comment, `key = value` or a bare flag. */
function interpretFaillock(text: string, lines: PamPhysLine[], bom: Span | undefined): { entries: FaillockEntry[]; problems: PamProblem[] } {
  const entries: FaillockEntry[] = [];
  const problems: PamProblem[] = [];
  for (const l of lines) {
    const from = l.index === 0 && bom ? 1 : l.start;
    const hash = findIn(text, '#', from, l.end);
    let end = hash >= 0 ? hash : l.end;
    while (end > from && /\s/.test(text[end - 1])) end--;
    let p = from;
    while (p < end && /\s/.test(text[p])) p++;
    if (p >= end) continue;
    const ks = p;
    while (p < end && !/\s/.test(text[p]) && text[p] !== '=') p++;
    const key: PamWord = { start: ks, end: p, text: text.slice(ks, p), bracket: false, closed: true };
    let eq = text[p] === '=';
    if (p < end) p++;
    while (p < end && (/\s/.test(text[p]) || (text[p] === '=' && !eq))) {
      if (text[p] === '=') eq = true;
      p++;
    }
    const value: PamWord | undefined = p < end ? { start: p, end, text: text.slice(p, end), bracket: false, closed: true } : undefined;
    entries.push({ line: l.index, key, value });
    const name = key.text;
    if (!FAILLOCK_KEYS.has(name)) {
      problems.push({ code: 'faillock-unknown', severity: 'warning', span: key, line: l.index, message: `pam_faillock does not know the option '${name}' (it logs "Unknown option" and ignores it).` });
    } else if (!FAILLOCK_FLAGS.has(name)) {
      const v = value?.text ?? '';
      const bad =
        name === 'dir'
          ? !v.startsWith('/')
          : name === 'admin_group'
            ? v === ''
            : !(/^\d+/.test(v) || ((name === 'unlock_time' || name === 'root_unlock_time') && v === 'never'));
      if (bad) {
        problems.push({
          code: 'faillock-bad-value',
          severity: 'warning',
          span: value ?? key,
          line: l.index,
          message: name === 'dir' ? `pam_faillock ignores a dir that is not an absolute path and keeps the default /var/run/faillock.` : `pam_faillock cannot read this value for ${name} and keeps the default.`,
        });
      }
    }
  }
  return { entries, problems };
}

/** The value of a faillock option written as a module argument (`deny=3`), or undefined. */
export function argValue(arg: PamWord, name: string): string | undefined {
  return arg.text.startsWith(`${name}=`) ? arg.text.slice(name.length + 1) : undefined;
}

export type PamPieceKind = 'bom' | 'space' | 'word' | 'comment' | 'continuation' | 'eol' | 'ignored';

export interface PamPiece extends Span {
  kind: PamPieceKind;
}

/**
 * Every character of the text in exactly one piece, in order: the proof of losslessness
 * (printPam joins them back) and what a highlighter would colour.
 */
export function pamPieces(doc: PamDocument): PamPiece[] {
  const { text } = doc;
  const owner = new Int32Array(text.length); // 0 unassigned, >0 word id, <0 kind
  const KIND: PamPieceKind[] = ['space', 'space', 'bom', 'comment', 'continuation', 'eol', 'ignored'];
  const mark = (s: number, e: number, v: number) => {
    for (let i = s; i < e; i++) owner[i] = v;
  };
  for (const l of doc.lines) {
    const nul = findIn(text, '\0', l.start, l.end);
    if (nul >= 0) {
      const cEnd = l.comment ? l.comment.start : l.end;
      if (nul < cEnd) mark(nul, cEnd, -6);
    }
    if (l.comment) mark(l.comment.start, l.comment.end, -3);
    if (l.continuation !== undefined) owner[l.continuation] = -4;
    mark(l.end, l.eolEnd, -5);
  }
  let id = 1;
  for (const lg of doc.logical) for (const w of lg.words) mark(w.start, w.end, id++);
  if (doc.bom) owner[0] = -2;
  const pieces: PamPiece[] = [];
  let i = 0;
  while (i < text.length) {
    const v = owner[i];
    let j = i + 1;
    while (j < text.length && owner[j] === v) j++;
    const kind: PamPieceKind = v > 0 ? 'word' : KIND[-v] ?? 'space';
    pieces.push({ start: i, end: j, kind });
    i = j;
  }
  return pieces;
}

export function printPam(doc: PamDocument): string {
  return pamPieces(doc)
    .map((p) => doc.text.slice(p.start, p.end))
    .join('');
}
