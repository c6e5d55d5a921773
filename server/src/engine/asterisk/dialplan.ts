/**
 * pbx_config's view of extensions.conf: contexts, `exten =>` / `same =>` lines split the way
 * `pbx_load_config` (pbx/pbx_config.c) splits them, `include =>`, `ignorepat =>`, `switch =>`,
 * with an exact span in the file for every part. On top of it: extension patterns
 * (`ext_cmp_pattern_pos`, main/pbx.c), application arguments (`__ast_app_separate_args`,
 * main/app.c), `${...}` references, and which of them a caller controls.
 *
 * Nothing here throws on any input. Positions are physical offsets in the file: when a value
 * contains a removed block comment or a `\;` escape, a part carries the offset of every
 * character (`pos`) and is not {@link editable}; when a `+=` line extended the value, parts
 * only point at the value line (`exact: false`).
 */
import type { Span } from '../text';
import { ConfDocument, Entry, Section, effective } from './parser';

// ---------------------------------------------------------------------------------------------
// Parts: a piece of a value with its place in the file.

export interface DpPart extends Span {
  /** The logical text (what Asterisk reads: comments removed, `\;` unescaped). */
  text: string;
  /** Physical offset of each character, when they are not one contiguous slice of the file. */
  pos?: number[];
  /** False when the offsets only point at the line (the value was extended by a `+=` line). */
  exact: boolean;
}

/** The part's characters [a, b) as a part of their own. */
export function subPart(p: DpPart, a: number, b: number): DpPart {
  const n = p.text.length;
  a = Math.max(0, Math.min(a, n));
  b = Math.max(a, Math.min(b, n));
  const text = p.text.slice(a, b);
  if (!p.exact) return { start: p.start, end: p.end, text, exact: false };
  if (!p.pos) return { start: p.start + a, end: p.start + b, text, exact: true };
  if (a === b) {
    const at = a > 0 ? p.pos[a - 1] + 1 : p.start;
    return { start: at, end: at, text, exact: true };
  }
  const pos = p.pos.slice(a, b);
  let contiguous = true;
  for (let i = 1; i < pos.length; i++) if (pos[i] !== pos[i - 1] + 1) contiguous = false;
  const part: DpPart = { start: pos[0], end: pos[pos.length - 1] + 1, text, exact: true };
  if (!contiguous) part.pos = pos;
  return part;
}

/** True when the file holds exactly the part's text at its span, so an edit may replace it. */
export function editable(p: DpPart): boolean {
  return p.exact && !p.pos && p.end - p.start === p.text.length;
}

function trimPart(p: DpPart): DpPart {
  let a = 0;
  let b = p.text.length;
  while (a < b && isBlank(p.text.charCodeAt(a))) a++;
  while (b > a && isBlank(p.text.charCodeAt(b - 1))) b--;
  return subPart(p, a, b);
}

function isBlank(c: number): boolean {
  return c > 0 && c <= 32;
}

/** The entry's value as a part. */
export function valuePart(entry: Entry): DpPart {
  const line = entry.line;
  const v = line.assign!.value;
  if (entry.value !== v.text) return { start: v.start, end: v.end, text: entry.value, exact: false };
  if (!line.codeMap || v.text === '') return { start: v.start, end: v.end, text: v.text, exact: true };
  const k = line.codeMap.indexOf(v.start);
  if (k < 0 || k + v.text.length > line.codeMap.length) return { start: v.start, end: v.end, text: v.text, exact: false };
  return subPart({ start: v.start, end: v.end, text: v.text, exact: true, pos: line.codeMap.slice(k, k + v.text.length) }, 0, v.text.length);
}

// ---------------------------------------------------------------------------------------------
// The model.

export type PriorityKind = 'number' | 'next' | 'same' | 'hint' | 'label';

export interface DpPriority {
  /** The priority field as written (stripped), label and offset included. */
  part: DpPart;
  /** `1`, `n`, `next`, `s`, `same`, `hint` or a label name: the text before `(` and `+`. */
  base: DpPart;
  kind: PriorityKind;
  /** The `(label)` this line defines. */
  label?: DpPart;
  /** The `+N` offset. */
  offset?: DpPart;
  /** The numeric priority Asterisk gives the line (-1 for a hint); undefined when it drops the line. */
  num?: number;
}

export interface DpApp {
  /** The application name (leading blanks skipped), or the whole field when it has no `(`. */
  name: DpPart;
  /** Everything inside the first `(` up to the last `)` (to the end when there is no `)`). */
  data?: DpPart;
  /** The top-level comma-separated arguments of {@link data} (computed on first use). */
  readonly args: DpPart[];
  /** False when a `(` has no closing `)` (Asterisk warns and takes the rest of the line). */
  closed: boolean;
}

export interface DpLine {
  keyword: 'exten' | 'same';
  entry: Entry;
  /** The section the line belongs to (the context's section, not the template it came from). */
  section: Section;
  context: DpContext;
  /** The extension as written on the `exten` line (for `same`: the `exten` line's), callerid match included. */
  extField: DpPart;
  /** The extension or pattern without the `/callerid` match. */
  ext: DpPart;
  cid?: DpPart;
  /** For a `same` line: the `exten` line whose extension it continues. */
  origin?: DpLine;
  priority: DpPriority;
  /** The application and its data (for a hint: the device string). */
  app: DpApp;
  /** The field after the priority, as written. */
  appField: DpPart;
  hint: boolean;
  /** Why Asterisk drops this line (a warning at load), if it does. */
  dropped?: string;
  pattern?: Pattern;
}

export interface DpInclude {
  entry: Entry;
  section: Section;
  /** The included context's name (the text before the first `,` or `|`). */
  name: DpPart;
  timespec?: DpPart;
}

export interface DpSimple {
  entry: Entry;
  section: Section;
  value: DpPart;
}

export interface DpContext {
  /** Case-sensitive, as pbx.c compares context names. */
  name: string;
  /** Every non-template section with that exact name (repeated `[ctx]` sections merge). */
  sections: Section[];
  lines: DpLine[];
  includes: DpInclude[];
  ignorepats: DpSimple[];
  switches: DpSimple[];
  /** Keys pbx_config does not know (it logs "Unknown directive" and ignores them). */
  unknown: Entry[];
}

export interface Dialplan {
  doc: ConfDocument;
  /** In file order of first appearance. */
  contexts: DpContext[];
  byName: Map<string, DpContext>;
  general: Section[];
  globals: Section[];
}

const CACHE = new WeakMap<ConfDocument, Dialplan>();

/** The dialplan of a parsed extensions.conf (cached per document). Never throws. */
export function dialplanOf(doc: ConfDocument): Dialplan {
  let dp = CACHE.get(doc);
  if (!dp) {
    dp = buildDialplan(doc);
    CACHE.set(doc, dp);
  }
  return dp;
}

function buildDialplan(doc: ConfDocument): Dialplan {
  const dp: Dialplan = { doc, contexts: [], byName: new Map(), general: [], globals: [] };
  for (const section of doc.sections) {
    // Templates are not categories pbx_config browses; `(+)` sections add to their target.
    if (section.template || section.append) continue;
    const lname = section.name.toLowerCase();
    if (lname === 'general') {
      dp.general.push(section);
      continue;
    }
    if (lname === 'globals') {
      dp.globals.push(section);
      continue;
    }
    let ctx = dp.byName.get(section.name);
    if (!ctx) {
      ctx = { name: section.name, sections: [], lines: [], includes: [], ignorepats: [], switches: [], unknown: [] };
      dp.byName.set(section.name, ctx);
      dp.contexts.push(ctx);
    }
    ctx.sections.push(section);
    loadSection(ctx, section);
  }
  return dp;
}

/** One category of pbx_load_config: continuation state resets at every section. */
function loadSection(ctx: DpContext, section: Section): void {
  let lastExt: { field: DpPart; line?: DpLine } | undefined;
  let lastpri = -2;
  for (const entry of effective(section)) {
    const key = entry.lkey;
    const value = valuePart(entry);
    if (key.startsWith('same')) {
      if (!lastExt) continue; // "No previous pattern in the first entry of context": ignored
      const line = parseLine(ctx, section, entry, 'same', lastExt.field, value, lastpri);
      line.origin = lastExt.line;
      if (line.priority.num !== undefined) lastpri = line.priority.num;
      ctx.lines.push(line);
    } else if (key === 'exten') {
      const { ext, rest } = splitExten(value);
      const line = parseLine(ctx, section, entry, 'exten', ext, rest, lastpri);
      lastExt = { field: ext, line };
      if (line.priority.num !== undefined) lastpri = line.priority.num;
      ctx.lines.push(line);
    } else if (key === 'include') {
      const v = trimPart(value);
      let cut = v.text.length;
      for (let i = 0; i < v.text.length; i++) {
        if (v.text[i] === ',' || v.text[i] === '|') {
          cut = i;
          break;
        }
      }
      const inc: DpInclude = { entry, section, name: trimPart(subPart(v, 0, cut)) };
      if (cut < v.text.length) inc.timespec = subPart(v, cut + 1, v.text.length);
      ctx.includes.push(inc);
    } else if (key === 'ignorepat') {
      ctx.ignorepats.push({ entry, section, value });
    } else if (key === 'switch' || key === 'lswitch' || key === 'eswitch') {
      ctx.switches.push({ entry, section, value });
    } else {
      ctx.unknown.push(entry);
    }
  }
}

/** `pbx_strsep(&s, ",")`: the extension ends at the first `,` outside `[...]`; `\` skips a character. */
function splitExten(value: DpPart): { ext: DpPart; rest: DpPart | undefined } {
  const t = value.text;
  let square = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '[') square++;
    else if (c === ']') {
      if (square) square--;
    } else if (c === '\\') i++;
    else if (c === ',' && !square) return { ext: subPart(value, 0, i), rest: subPart(value, i + 1, t.length) };
  }
  return { ext: value, rest: undefined };
}

function parseLine(
  ctx: DpContext,
  section: Section,
  entry: Entry,
  keyword: 'exten' | 'same',
  extField: DpPart,
  rest: DpPart | undefined,
  lastpri: number,
): DpLine {
  const slash = extField.text.indexOf('/');
  const ext = slash < 0 ? extField : subPart(extField, 0, slash);
  const cid = slash < 0 ? undefined : subPart(extField, slash + 1, extField.text.length);
  // Priority: up to the next ',' (plain strsep), stripped.
  let priField = subPart(extField, extField.text.length, extField.text.length);
  let appField = priField;
  if (rest) {
    const comma = rest.text.indexOf(',');
    priField = comma < 0 ? rest : subPart(rest, 0, comma);
    appField = comma < 0 ? subPart(rest, rest.text.length, rest.text.length) : subPart(rest, comma + 1, rest.text.length);
  }
  const pri = trimPart(priField);
  let dropped: string | undefined = rest ? undefined : 'no priority';
  let baseEnd = pri.text.length;
  let label: DpPart | undefined;
  const open = pri.text.indexOf('(');
  if (open >= 0) {
    baseEnd = open;
    const close = pri.text.indexOf(')', open + 1);
    if (close < 0) dropped = "the label has no closing ')'";
    else label = subPart(pri, open + 1, close);
  }
  let offset: DpPart | undefined;
  const plus = pri.text.slice(0, baseEnd).indexOf('+');
  if (plus >= 0) {
    offset = subPart(pri, plus + 1, baseEnd);
    baseEnd = plus;
  }
  const base = subPart(pri, 0, baseEnd);
  const b = base.text;
  let kind: PriorityKind;
  let num: number | undefined;
  if (b === 'hint') {
    kind = 'hint';
    num = -1;
  } else if (b === 'next' || b === 'n') {
    kind = 'next';
    if (lastpri > -2) num = lastpri + 1;
    else dropped ??= "'next' priority on the first entry of the context";
  } else if (b === 'same' || b === 's') {
    kind = 'same';
    if (lastpri > -2) num = lastpri;
    else dropped ??= "'same' priority on the first entry of the context";
  } else {
    const m = /^[\x01-\x20]*([+-]?\d+)/.exec(b);
    if (m) {
      kind = 'number';
      num = parseInt(m[1], 10);
      if (!(num >= 1)) {
        dropped ??= `invalid priority '${b}'`;
        num = undefined;
      }
    } else {
      kind = 'label';
      const target = ctx.lines.find((l) => l.ext.text === ext.text && l.priority.label?.text === b && l.priority.num !== undefined && !l.dropped);
      if (target) num = target.priority.num;
      else dropped ??= `unknown priority label '${b}'`;
    }
  }
  if (dropped) num = undefined;
  if (num !== undefined && offset) num += atoi(offset.text);
  if (num === 0) {
    // `n` after a hint: Asterisk computes priority 0 and silently adds nothing.
    dropped = 'priority 0 (next after a hint)';
    num = undefined;
  }
  const app = parseApp(appField);
  const line: DpLine = {
    keyword,
    entry,
    section,
    context: ctx,
    extField,
    ext,
    priority: { part: pri, base, kind, num },
    app,
    appField,
    hint: kind === 'hint',
  };
  if (cid) line.cid = cid;
  if (label) line.priority.label = label;
  if (offset) line.priority.offset = offset;
  if (dropped) line.dropped = dropped;
  const pattern = parsePattern(ext.text);
  if (pattern) line.pattern = pattern;
  return line;
}

function atoi(s: string): number {
  const m = /^[\x01-\x20]*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1], 10) : 0;
}

/** Splits `App(args)` as pbx_config does: the first `(`, the last `)`. */
export function parseApp(field: DpPart): DpApp {
  const t = field.text;
  const open = t.indexOf('(');
  let lead = 0;
  while (lead < t.length && isBlank(t.charCodeAt(lead))) lead++;
  if (open < 0) return makeApp(subPart(field, lead, t.length), undefined, true);
  const before = t.slice(0, open);
  if (before.includes('${') || before.includes('$[')) return makeApp(subPart(field, lead, t.length), undefined, true);
  const close = t.lastIndexOf(')');
  const closed = close > open;
  const data = subPart(field, open + 1, closed ? close : t.length);
  let nameEnd = open;
  while (nameEnd > lead && isBlank(t.charCodeAt(nameEnd - 1))) nameEnd--;
  return makeApp(subPart(field, lead, nameEnd), data, closed);
}

/** The arguments are split on first use: most lines are never asked for them. */
function makeApp(name: DpPart, data: DpPart | undefined, closed: boolean): DpApp {
  let args: DpPart[] | undefined;
  const app = {
    name,
    closed,
    get args(): DpPart[] {
      return (args ??= data ? splitArgs(data) : []);
    },
  } as DpApp;
  if (data) app.data = data;
  return app;
}

/** The application name, lower-cased, for comparisons (pbx_findapp is case-insensitive). */
export function appName(line: DpLine): string {
  return line.hint ? '' : line.app.name.text.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Arguments.

/**
 * Top-level comma-separated arguments, as `__ast_app_separate_args` splits them: commas inside
 * `(...)`, `[...]` (so `$[...]`) and double quotes do not split, `\` protects the next
 * character, and a `${...}` reference is kept whole. An empty text has no arguments.
 */
export function splitArgs(p: DpPart, delim = ','): DpPart[] {
  return argOffsets(p.text, delim).map(([a, b]) => subPart(p, a, b));
}

/** The [start, end) offsets of the top-level arguments of a text (see {@link splitArgs}). */
export function argOffsets(t: string, delim = ','): [number, number][] {
  if (t === '') return [];
  const out: [number, number][] = [];
  let paren = 0;
  let bracket = 0;
  let quote = false;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '$' && t[i + 1] === '{') {
      i = matchBrace(t, i + 1) - 1;
    } else if (c === '(') paren++;
    else if (c === ')') {
      if (paren) paren--;
    } else if (c === '[') bracket++;
    else if (c === ']') {
      if (bracket) bracket--;
    } else if (c === '"') quote = !quote;
    else if (c === '\\') i++;
    else if (c === delim && !paren && !bracket && !quote) {
      out.push([from, i]);
      from = i + 1;
    }
  }
  out.push([from, t.length]);
  return out;
}

/** Index just past the `}` that closes the `{` at `open` (counting every brace, as pbx_variables.c does); the text's end when unbalanced. */
function matchBrace(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i] === '{') depth++;
    else if (t[i] === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return t.length;
}

/** Index just past the `]` that closes the `[` at `open`; the text's end when unbalanced. */
function matchBracket(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i] === '[') depth++;
    else if (t[i] === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return t.length;
}

// ---------------------------------------------------------------------------------------------
// Patterns.

export type PatElem =
  /** A position matching one character out of a set (a literal is a set of one). */
  | { kind: 'set'; chars: Set<number>; literal: boolean }
  /** `.`: one or more of anything. */
  | { kind: 'one-or-more' }
  /** `!`: zero or more of anything (and match as early as possible). */
  | { kind: 'zero-or-more' };

export interface Pattern {
  /** Without the leading `_`. */
  source: string;
  elems: PatElem[];
  /** A `[` without its `]` (Asterisk warns, "Wrong usage of [] in the extension"). */
  broken: boolean;
}

/**
 * Parses `_...` as ext_cmp_pattern_pos does; undefined for a literal extension (no `_`).
 * The result is shared between calls with the same text: do not modify it.
 */
export function parsePattern(ext: string): Pattern | undefined {
  if (!ext.startsWith('_')) return undefined;
  const cached = PATTERNS.get(ext);
  if (cached) return cached;
  const src = ext.slice(1);
  const elems: PatElem[] = [];
  let broken = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '-') continue;
    if (c === 'X' || c === 'x') elems.push(SET_X);
    else if (c === 'Z' || c === 'z') elems.push(SET_Z);
    else if (c === 'N' || c === 'n') elems.push(SET_N);
    else if (c === '.') elems.push(ONE_OR_MORE);
    else if (c === '!') elems.push(ZERO_OR_MORE);
    else if (c === '[') {
      const end = src.indexOf(']', i + 1);
      if (end < 0) {
        broken = true;
        break;
      }
      const chars = new Set<number>();
      for (let k = i + 1; k < end; k++) {
        const c1 = src.charCodeAt(k);
        let c2 = c1;
        if (k + 2 < end && src[k + 1] === '-') {
          c2 = src.charCodeAt(k + 2);
          k += 2;
        }
        for (let x = c1; x <= c2; x++) chars.add(x);
      }
      elems.push({ kind: 'set', chars, literal: false });
      i = end;
    } else elems.push({ kind: 'set', chars: new Set([src.charCodeAt(i)]), literal: true });
  }
  const p: Pattern = { source: src, elems, broken };
  if (PATTERNS.size > 10000) PATTERNS.clear();
  PATTERNS.set(ext, p);
  return p;
}

function charRange(a: number, b: number): Set<number> {
  const s = new Set<number>();
  for (let c = a; c <= b; c++) s.add(c);
  return s;
}

// Shared, never modified: patterns are parsed once per distinct text.
const SET_X: PatElem = { kind: 'set', chars: charRange(48, 57), literal: false };
const SET_Z: PatElem = { kind: 'set', chars: charRange(49, 57), literal: false };
const SET_N: PatElem = { kind: 'set', chars: charRange(50, 57), literal: false };
const ONE_OR_MORE: PatElem = { kind: 'one-or-more' };
const ZERO_OR_MORE: PatElem = { kind: 'zero-or-more' };
const PATTERNS = new Map<string, Pattern>();

/** True when the pattern has `.` or `!`: a caller chooses the length and every character there. */
export function hasWildcard(p: Pattern | undefined): boolean {
  return !!p && p.elems.some((e) => e.kind !== 'set');
}

/** The characters the fixed (non-wildcard) positions of the pattern allow. */
export function fixedAlphabet(p: Pattern): Set<number> {
  const out = new Set<number>();
  for (const e of p.elems) if (e.kind === 'set') for (const c of e.chars) out.add(c);
  return out;
}

/**
 * The characters a caller can put in `${EXTEN}` for this extension: undefined means any
 * character (a `.` or `!` position); a literal extension gives only its own characters.
 */
export function extenAlphabet(line: DpLine): Set<number> | undefined {
  if (!line.pattern) {
    const s = new Set<number>();
    for (let i = 0; i < line.ext.text.length; i++) s.add(line.ext.text.charCodeAt(i));
    return s;
  }
  if (hasWildcard(line.pattern) || line.pattern.broken) return undefined;
  return fixedAlphabet(line.pattern);
}

/** A RegExp for the dialled strings the extension matches (for resolving Gosub targets). */
export function extenRegExp(ext: string): RegExp {
  const p = parsePattern(ext);
  if (!p) return new RegExp(`^${escapeRe(ext)}$`);
  let re = '';
  for (const e of p.elems) {
    if (e.kind === 'one-or-more') re += '[\\s\\S]+';
    else if (e.kind === 'zero-or-more') re += '[\\s\\S]*';
    else re += e.chars.size === 1 ? escapeRe(String.fromCharCode([...e.chars][0])) : `[${[...e.chars].map((c) => escapeClass(String.fromCharCode(c))).join('')}]`;
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}

function escapeClass(s: string): string {
  return /[\]\\^-]/.test(s) ? `\\${s}` : s;
}

// ---------------------------------------------------------------------------------------------
// `${...}` references.

export interface VarNode {
  /** Offsets in the scanned text: the whole `${...}`. */
  start: number;
  end: number;
  /** The name: a variable (`EXTEN`) or a function (`CALLERID`), as written. */
  name: string;
  func: boolean;
  /** For a function: its top-level arguments, as offsets in the scanned text. */
  args: { start: number; end: number; text: string }[];
  /** For a variable: the `:offset[:length]` part, if any. */
  substring?: string;
  parent?: VarNode;
  /** True when the reference has no closing `}`. */
  unclosed: boolean;
}

/** Every `${...}` in the text, outer ones before the ones nested in them. */
export function scanVars(text: string): VarNode[] {
  const out: VarNode[] = [];
  scanInto(text, 0, text.length, undefined, out, 0);
  return out;
}

function scanInto(t: string, from: number, to: number, parent: VarNode | undefined, out: VarNode[], depth: number): void {
  if (depth > 64) return;
  for (let i = from; i < to - 1; i++) {
    if (t[i] !== '$' || t[i + 1] !== '{') continue;
    const end = Math.min(matchBrace(t, i + 1), to);
    const unclosed = t[end - 1] !== '}' || end - 1 <= i + 1;
    const innerStart = i + 2;
    const innerEnd = unclosed ? end : end - 1;
    // A function when a '(' comes before any ':' or nested reference.
    let k = innerStart;
    while (k < innerEnd && t[k] !== '(' && t[k] !== ':' && t[k] !== '$' && t[k] !== '}') k++;
    const node: VarNode = { start: i, end, name: t.slice(innerStart, k).trim(), func: t[k] === '(', args: [], unclosed };
    if (parent) node.parent = parent;
    if (node.func) {
      const close = matchParen(t, k, innerEnd);
      const argsEnd = close < 0 ? innerEnd : close;
      let a = k + 1;
      let paren = 0;
      let bracket = 0;
      for (let j = k + 1; j <= argsEnd; j++) {
        const c = t[j];
        if (j === argsEnd || (c === ',' && !paren && !bracket)) {
          node.args.push({ start: a, end: j, text: t.slice(a, j) });
          a = j + 1;
          continue;
        }
        if (c === '$' && t[j + 1] === '{') j = Math.min(matchBrace(t, j + 1), argsEnd) - 1;
        else if (c === '(') paren++;
        else if (c === ')') paren = Math.max(0, paren - 1);
        else if (c === '[') bracket++;
        else if (c === ']') bracket = Math.max(0, bracket - 1);
      }
    } else if (t[k] === ':') {
      node.substring = t.slice(k, innerEnd);
    }
    out.push(node);
    scanInto(t, innerStart, innerEnd, node, out, depth + 1);
    i = end - 1;
  }
}

/** Index of the `)` that closes the `(` at `open`, skipping nested references; -1 when none. */
function matchParen(t: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = t[i];
    if (c === '$' && t[i + 1] === '{') {
      i = Math.min(matchBrace(t, i + 1), limit) - 1;
      continue;
    }
    if (c === '$' && t[i + 1] === '[') {
      i = Math.min(matchBracket(t, i + 1), limit) - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export type CallerSource =
  /** `${EXTEN}`: the dialled string (caller-chosen under a `.`/`!` pattern). */
  | 'exten'
  /** Caller ID name/number and the legacy CALLERIDNUM/CALLERIDNAME variables. */
  | 'callerid'
  /** Connected line / redirecting party (set from the far end's headers). */
  | 'party'
  /** Raw SIP headers, user agent, request-URI parts. */
  | 'header'
  /** CDR fields copied from the caller (src, clid, dst). */
  | 'cdr';

/** A reference to a value the caller controls, in a scanned text. */
export interface CallerRef {
  start: number;
  end: number;
  /** The reference as written, e.g. `${EXTEN:1}` or `${CALLERID(num)}`. */
  text: string;
  source: CallerSource;
  /** True for a name-like field (letters expected), false for a number-like one. */
  nameLike: boolean;
  /**
   * The character sets of the FILTER() calls that wrap it, innermost first; `undefined` for
   * a charset that contains a variable (pbxlint cannot know it and trusts it).
   */
  filters: (Set<number> | undefined)[];
  /** True when an enclosing function turns the value into something else (LEN, REGEX, MD5, …). */
  consumed: boolean;
  /** Names (upper-cased) of every enclosing function, innermost first. */
  within: string[];
  /** The enclosing SHELL() call's argument, if any (offsets in the scanned text). */
  shell?: { start: number; end: number };
}

/**
 * Functions whose result does not carry the caller's characters through: the length, a
 * test, a hash or an encoding that only produces safe characters.
 */
const CONSUMING = new Set(['LEN', 'ISNULL', 'EXISTS', 'REGEX', 'MD5', 'SHA1', 'SHA256', 'URIENCODE', 'BASE64_ENCODE', 'CHECKSIPDOMAIN']);

/** CALLERID()/CONNECTEDLINE()/REDIRECTING() fields that Asterisk fills with numbers or fixed words. */
const PARTY_INERT = /(^|-)(valid|pres|plan|charset|ton|type|odd|reason|count|source)$|^ani2$/;

/**
 * Finds the caller-controlled references in a text: `${EXTEN}`, `${EXTEN:…}`,
 * `${CALLERID(…)}` (every text field), `${CALLERIDNUM}`, `${CALLERIDNAME}`, `${DNID}`,
 * `${RDNIS}`, `${CONNECTEDLINE(…)}`, `${REDIRECTING(…)}`, `${SIP_HEADER(…)}`,
 * `${PJSIP_HEADER(read,…)}`, `${CHANNEL(useragent|uri|from)}`, `${SIPDOMAIN}`, `${SIPURI}`,
 * `${CDR(src|clid|dst)}`, each with the FILTER()s around it and whether a consuming
 * function (LEN, REGEX, …) wraps it. Only what is written in the text is seen: a value
 * copied into another variable first is not followed (see {@link followArgs} for Gosub).
 */
export function findCallerRefs(text: string): CallerRef[] {
  const out: CallerRef[] = [];
  for (const node of scanVars(text)) {
    const c = classify(node);
    if (!c) continue;
    const ref: CallerRef = { start: node.start, end: node.end, text: text.slice(node.start, node.end), source: c.source, nameLike: c.nameLike, filters: [], consumed: false, within: [] };
    let child: VarNode = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (!p.func) continue;
      const fname = p.name.toUpperCase();
      ref.within.push(fname);
      const argIndex = p.args.findIndex((a) => child.start >= a.start && child.end <= a.end);
      if (fname === 'FILTER') {
        if (argIndex === 0) ref.consumed = true;
        else if (argIndex > 0) ref.filters.push(filterCharset(p.args[0].text));
      } else if (CONSUMING.has(fname)) {
        ref.consumed = true;
      } else if (fname === 'SHELL' && !ref.shell) {
        const a = p.args[0];
        const last = p.args[p.args.length - 1];
        if (a) ref.shell = { start: a.start, end: last.end };
      }
    }
    out.push(ref);
  }
  return out;
}

function classify(node: VarNode): { source: CallerSource; nameLike: boolean } | undefined {
  const name = node.name;
  if (!node.func) {
    // Built-in variables are looked up case-sensitively (pbx_variables.c).
    if (name === 'EXTEN') return { source: 'exten', nameLike: false };
    if (name === 'CALLERIDNUM' || name === 'CALLERANI' || name === 'DNID' || name === 'RDNIS') return { source: 'callerid', nameLike: false };
    if (name === 'CALLERIDNAME' || name === 'CALLERID') return { source: 'callerid', nameLike: true };
    if (name === 'SIPDOMAIN' || name === 'SIPURI') return { source: 'header', nameLike: true };
    return undefined;
  }
  const f = name.toUpperCase();
  const arg0 = (node.args[0]?.text ?? '').trim().toLowerCase();
  if (f === 'CALLERID' || f === 'CONNECTEDLINE' || f === 'REDIRECTING') {
    if (arg0.includes('${')) return { source: f === 'CALLERID' ? 'callerid' : 'party', nameLike: true };
    if (PARTY_INERT.test(arg0)) return undefined;
    const nameLike = arg0.startsWith('name') || arg0 === 'all' || arg0.endsWith('-name') || arg0 === 'tag' || arg0.includes('subaddr');
    return { source: f === 'CALLERID' ? 'callerid' : 'party', nameLike };
  }
  if (f === 'SIP_HEADER') return { source: 'header', nameLike: true };
  if (f === 'PJSIP_HEADER') return arg0 === 'read' ? { source: 'header', nameLike: true } : undefined;
  if (f === 'CHANNEL') return arg0 === 'useragent' || arg0 === 'uri' || arg0 === 'from' ? { source: 'header', nameLike: true } : undefined;
  if (f === 'CDR') {
    if (arg0 === 'src' || arg0 === 'dst') return { source: 'cdr', nameLike: false };
    if (arg0 === 'clid') return { source: 'cdr', nameLike: true };
  }
  return undefined;
}

/**
 * The characters FILTER(<allowed>,…) lets through, decoded as func_strings.c does: `a-b`
 * ranges (a reversed range wraps around through 255), `\` escapes (`\n`, `\r`, `\t`, `\xHH`,
 * `\0oo`, otherwise the next character). Undefined when the set contains a variable.
 */
export function filterCharset(allowed: string): Set<number> | undefined {
  if (allowed.includes('${') || allowed.includes('$[')) return undefined;
  const out = new Set<number>();
  let i = 0;
  const next = (): number | undefined => {
    if (i >= allowed.length) return undefined;
    const c = allowed[i];
    if (c !== '\\') {
      i++;
      return allowed.charCodeAt(i - 1) & 0xff;
    }
    const d = allowed[i + 1];
    if (d === undefined) {
      i++;
      return 92;
    }
    if (d === 'n' || d === 'r' || d === 't') {
      i += 2;
      return d === 'n' ? 10 : d === 'r' ? 13 : 9;
    }
    if (d === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(allowed.slice(i + 2));
      i += 2 + (m ? m[0].length : 0);
      return m ? parseInt(m[0], 16) : 0;
    }
    if (d === '0') {
      const m = /^[0-7]{1,3}/.exec(allowed.slice(i + 2));
      i += 2 + (m ? m[0].length : 0);
      return m ? parseInt(m[0], 8) & 0xff : 0;
    }
    i += 2;
    return allowed.charCodeAt(i - 1) & 0xff;
  };
  while (i < allowed.length) {
    const c1 = next();
    if (c1 === undefined) break;
    if (allowed[i] === '-' && i + 1 <= allowed.length) {
      i++;
      const c2 = next() ?? c1;
      let c = c1;
      // Reversed ranges wrap through 255 and 0, as the C loop on an unsigned char does.
      for (let guard = 0; guard < 256; guard++) {
        out.add(c);
        if (c === c2) break;
        c = (c + 1) & 0xff;
      }
    } else out.add(c1);
  }
  return out;
}

/** The characters of `chars` that `set` lets through, for messages. */
export function leaks(set: Set<number> | undefined, chars: string): string {
  if (!set) return '';
  let out = '';
  for (const ch of chars) if (set.has(ch.charCodeAt(0))) out += ch;
  return out;
}

/**
 * A FILTER charset for the fix, from the characters a pattern's fixed positions allow:
 * `0-9` for digits, `a-z`/`A-Z` for letters, plus `*`, `#`, `+` when the pattern has them.
 * Characters in `forbid` are never included. With no usable fixed position: `0-9`.
 */
export function charsetFor(alphabet: Set<number> | undefined, forbid: string): string {
  if (!alphabet) return '0-9';
  let digits = false;
  let lower = false;
  let upper = false;
  let extra = '';
  for (const c of [...alphabet].sort((a, b) => a - b)) {
    const ch = String.fromCharCode(c);
    if (c >= 48 && c <= 57) digits = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if ('*#+'.includes(ch) && !forbid.includes(ch) && !extra.includes(ch)) extra += ch;
  }
  const cs = `${digits || (!lower && !upper) ? '0-9' : ''}${lower ? 'a-z' : ''}${upper ? 'A-Z' : ''}${extra}`;
  return cs || '0-9';
}

// ---------------------------------------------------------------------------------------------
// Following Gosub()/Macro() arguments one level.

export interface SubCall {
  /** The called context (Macro: `macro-<name>`). */
  context: DpContext;
  /** The lines of the called extension from the start priority on. */
  lines: DpLine[];
  /** ARG1..ARGn as written in the caller's line. */
  args: DpPart[];
}

/**
 * Resolves `Gosub([[context,]exten,]priority(args))` and `Macro(name,args)` with literal
 * targets to the lines that run with `${ARGn}` set. Context and extension names containing
 * variables are not resolved (except `${EXTEN}` on a literal extension).
 */
export function resolveSubCall(dp: Dialplan, line: DpLine): SubCall | undefined {
  const app = appName(line);
  const data = line.app.data;
  if (!data) return undefined;
  if (app === 'macro') {
    const [name, ...args] = line.app.args;
    if (!name || name.text.includes('$')) return undefined;
    const context = dp.byName.get(`macro-${name.text.trim()}`);
    if (!context) return undefined;
    return { context, lines: runFrom(findExtension(dp, context, 's'), 1), args };
  }
  if (app !== 'gosub') return undefined;
  const t = data.text;
  const open = t.indexOf('(');
  const target = open < 0 ? data : subPart(data, 0, open);
  const close = t.lastIndexOf(')');
  const args = open < 0 ? [] : splitArgs(subPart(data, open + 1, close > open ? close : t.length));
  const parts = target.text.split(',').map((s) => s.trim());
  if (parts.length > 3 || parts.some((s) => s === '')) return undefined;
  const pri = parts[parts.length - 1];
  let exten = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const ctxName = parts.length === 3 ? parts[0] : line.context.name;
  if (ctxName.includes('$') || pri.includes('$')) return undefined;
  if (exten === undefined || exten === '${EXTEN}') {
    if (line.pattern) return undefined;
    exten = line.ext.text;
  }
  if (exten.includes('$')) return undefined;
  const context = dp.byName.get(ctxName);
  if (!context) return undefined;
  const found = findExtension(dp, context, exten);
  if (!found.length) return undefined;
  let start: number | undefined;
  if (/^\d+$/.test(pri)) start = parseInt(pri, 10);
  else start = found.find((l) => l.priority.label?.text === pri && l.priority.num !== undefined)?.priority.num;
  if (start === undefined) return undefined;
  return { context: found[0].context, lines: runFrom(found, start), args };
}

interface ExtIndex {
  literal: Map<string, DpLine[]>;
  /** Patterns in order of first appearance, with their lines and a lazily built RegExp. */
  patterns: { ext: string; lines: DpLine[]; re?: RegExp | null }[];
}

const EXT_INDEX = new WeakMap<DpContext, ExtIndex>();

function extIndex(ctx: DpContext): ExtIndex {
  let idx = EXT_INDEX.get(ctx);
  if (idx) return idx;
  idx = { literal: new Map(), patterns: [] };
  const byPattern = new Map<string, DpLine[]>();
  for (const l of ctx.lines) {
    if (l.dropped || l.hint) continue;
    if (!l.pattern) {
      const list = idx.literal.get(l.ext.text);
      if (list) list.push(l);
      else idx.literal.set(l.ext.text, [l]);
      continue;
    }
    let list = byPattern.get(l.ext.text);
    if (!list) {
      list = [];
      byPattern.set(l.ext.text, list);
      idx.patterns.push({ ext: l.ext.text, lines: list });
    }
    list.push(l);
  }
  EXT_INDEX.set(ctx, idx);
  return idx;
}

/** The lines of the extension `exten` as the context (then its includes, in order) would match it. */
function findExtension(dp: Dialplan, context: DpContext, exten: string): DpLine[] {
  const seen = new Set<DpContext>();
  const queue: DpContext[] = [context];
  while (queue.length && seen.size < 1000) {
    const ctx = queue.shift()!;
    if (seen.has(ctx)) continue;
    seen.add(ctx);
    const idx = extIndex(ctx);
    const exact = idx.literal.get(exten);
    if (exact) return exact;
    for (const p of idx.patterns) {
      if (p.re === undefined) {
        try {
          p.re = extenRegExp(p.ext);
        } catch {
          p.re = null; // an odd pattern we cannot turn into a RegExp: skip it
        }
      }
      if (p.re && p.re.test(exten)) return p.lines;
    }
    for (const inc of ctx.includes) {
      const next = dp.byName.get(inc.name.text);
      if (next) queue.push(next);
    }
  }
  return [];
}

function runFrom(lines: DpLine[], start: number): DpLine[] {
  return lines.filter((l) => l.priority.num !== undefined && l.priority.num >= start);
}

/** The `${ARGn}` references (n is 1-based) in a text, with their offsets. */
export function argRefs(text: string): { n: number; node: VarNode }[] {
  const out: { n: number; node: VarNode }[] = [];
  for (const node of scanVars(text)) {
    const m = /^ARG([1-9]\d*)$/.exec(node.name);
    if (!node.func && m) out.push({ n: parseInt(m[1], 10), node });
  }
  return out;
}

/** True when an enclosing FILTER/consuming function guards the node (same logic as for caller refs). */
export function nodeGuard(node: VarNode): { filters: (Set<number> | undefined)[]; consumed: boolean } {
  const res = { filters: [] as (Set<number> | undefined)[], consumed: false };
  let child: VarNode = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (!p.func) continue;
    const f = p.name.toUpperCase();
    const idx = p.args.findIndex((a) => child.start >= a.start && child.end <= a.end);
    if (f === 'FILTER') {
      if (idx === 0) res.consumed = true;
      else if (idx > 0) res.filters.push(filterCharset(p.args[0].text));
    } else if (CONSUMING.has(f)) res.consumed = true;
  }
  return res;
}

/** True when the reference cannot carry any of the `unsafe` characters through. */
export function guarded(g: { filters: (Set<number> | undefined)[]; consumed: boolean }, unsafe: string): boolean {
  if (g.consumed) return true;
  return g.filters.some((s) => s === undefined || leaks(s, unsafe) === '');
}
