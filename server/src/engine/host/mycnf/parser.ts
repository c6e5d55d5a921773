/**
 * Lossless parser of MySQL/MariaDB option files (`my.cnf`, `*.cnf`), following MariaDB
 * 10.11's `mysys/my_default.c` (`search_default_file_with_ext`) line by line:
 *
 * - leading whitespace is skipped; a line whose first character is `#` or `;` is a comment;
 * - `!include PATH` / `!includedir PATH` (case-sensitive keyword, whitespace after it; the path is
 *   the rest of the line with trailing whitespace cut, and a `#` is NOT a comment there); any other
 *   `!word` is silently ignored;
 * - `[name]`: the name is everything up to the first `]`, with trailing whitespace removed but
 *   leading whitespace kept (`[ mysqld ]` is the unknown group " mysqld"); text after `]` is
 *   ignored; a `[` without `]` is fatal;
 * - an option before any group is fatal ("Found option without preceding group");
 * - option lines: the first `#` outside quotes ends the line (quotes toggle anywhere on the line,
 *   a backslash escapes inside quotes); `;` is literal; the name runs to the first `=`, the value
 *   is trimmed, one pair of matching quotes is removed, then `\n \t \r \b \s \" \' \\` escapes.
 *
 * The parser never throws. Every character belongs to exactly one token of its line
 * (`printMyCnf` gives the input back byte for byte).
 */
import type { Span, Tok } from '../../text';
import { physicalLine } from '../../text';
import type { CommentSpan, Syntax, SyntaxView } from '../../syntax';

export type MyTokenType =
  | 'bom'
  | 'ws'
  | 'comment'
  | 'open'
  | 'group'
  | 'close'
  | 'after'
  | 'bang'
  | 'keyword'
  | 'path'
  | 'name'
  | 'eq'
  | 'value'
  | 'text'
  | 'eol';

export interface MyToken extends Span {
  type: MyTokenType;
}

export type MyLineKind = 'blank' | 'comment' | 'group' | 'directive' | 'option' | 'invalid';

export interface MyHeader {
  open: Span;
  /** The group name as the server sees it (up to `]`, trailing whitespace removed). */
  name: Tok;
  close?: Span;
}

export interface MyDirective {
  bang: Span;
  /** `include`, `includedir`, or the unknown word after `!`. */
  keyword: Tok;
  kind: 'include' | 'includedir' | 'ignored';
  /** The path exactly as the server uses it (no comment stripping). */
  path?: Tok;
}

export interface MyOptionSyntax {
  /** The option name as written (trailing whitespace removed). */
  name: Tok;
  eq?: Span;
  /**
   * The value: span of the raw text between the trimmed ends (quotes included); `text` is the
   * value the server uses (quotes removed, escapes applied). Absent for a bare `name`.
   */
  value?: Tok;
  quoted: boolean;
}

export interface MyLine {
  index: number;
  start: number;
  /** End of the content (before `\n`; a `\r` before it belongs to the content as whitespace). */
  end: number;
  /** End including the line break. */
  eolEnd: number;
  kind: MyLineKind;
  tokens: MyToken[];
  header?: MyHeader;
  directive?: MyDirective;
  option?: MyOptionSyntax;
  /** A `#`/`;` comment: the whole line, or a `#` comment after an option. */
  comment?: Span;
  /** The group this line belongs to (undefined before the first header). */
  group?: MyGroup;
}

export interface MyGroup {
  /** Name as the server compares it (case-insensitively). */
  name: string;
  lname: string;
  header: MyLine;
  lines: MyLine[];
}

export type MyProblemCode =
  | 'bom'
  | 'option-before-group'
  | 'unterminated-header'
  | 'group-whitespace'
  | 'name-whitespace'
  | 'empty-name'
  | 'directive-no-path'
  | 'directive-comment'
  | 'directive-ignored'
  | 'nul';

export interface MyProblem {
  code: MyProblemCode;
  line: number;
  span: Span;
  message: string;
  /** The program reading the file aborts. */
  fatal: boolean;
}

export interface MyCnfDocument {
  text: string;
  lines: MyLine[];
  groups: MyGroup[];
  problems: MyProblem[];
  /** `!include` / `!includedir` lines, in order. */
  includes: MyLine[];
  bom: boolean;
  /** The file's line break, for inserted lines. */
  eol: string;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}

/** Position of the first `#` outside quotes (MariaDB's `remove_end_comment`), or `end`. */
export function endCommentAt(text: string, start: number, end: number): number {
  let quote = '';
  let escape = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if ((c === "'" || c === '"') && !escape) {
      if (!quote) quote = c;
      else if (quote === c) quote = '';
    }
    if (!quote && c === '#') return i;
    escape = !!quote && c === '\\' && !escape;
  }
  return end;
}

/** Applies the value escapes the server applies (after the surrounding quotes are removed). */
export function unescapeValue(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i !== raw.length - 1) {
      const n = raw[++i];
      switch (n) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 's':
          out += ' ';
          break;
        case '"':
        case "'":
        case '\\':
          out += n;
          break;
        default:
          out += '\\' + n;
      }
    } else out += c;
  }
  return out;
}

class LineBuilder {
  tokens: MyToken[] = [];
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}
  /** Adds a token up to `end`; whatever lies between the last token and `start` becomes `gap`. */
  add(type: MyTokenType, start: number, end: number, gap: MyTokenType = 'ws'): void {
    if (start < this.pos) return; // never overlap what is already covered
    if (start > this.pos) {
      this.push(gap, this.pos, start);
      this.pos = start;
    }
    if (end > start) {
      this.push(type, start, end);
      this.pos = end;
    }
  }
  private push(type: MyTokenType, start: number, end: number): void {
    // Whitespace runs that hold something else are text (a stray character between tokens).
    if (type === 'ws' && !/^[ \t\r\v\f]*$/.test(this.text.slice(start, end))) type = 'text';
    this.tokens.push({ type, start, end });
  }
  finish(end: number): MyToken[] {
    if (end > this.pos) this.push('ws', this.pos, end);
    this.pos = end;
    return this.tokens;
  }
}

export function parseMyCnf(text: string): MyCnfDocument {
  const doc: MyCnfDocument = { text, lines: [], groups: [], problems: [], includes: [], bom: false, eol: '\n' };
  const firstNl = text.indexOf('\n');
  if (firstNl > 0 && text[firstNl - 1] === '\r') doc.eol = '\r\n';
  let pos = 0;
  let index = 0;
  let group: MyGroup | undefined;
  while (pos < text.length || (pos === text.length && index === 0)) {
    const { end, eolEnd } = physicalLine(text, pos, false);
    const line = parseLine(doc, text, index, pos, end, eolEnd, group);
    if (line.kind === 'group') {
      group = { name: line.header!.name.text, lname: line.header!.name.text.toLowerCase(), header: line, lines: [] };
      doc.groups.push(group);
    }
    line.group = group;
    if (group) group.lines.push(line);
    doc.lines.push(line);
    index++;
    pos = eolEnd;
    if (eolEnd === end) break; // no \n: that was the last line
  }
  return doc;
}

function parseLine(doc: MyCnfDocument, text: string, index: number, start: number, end: number, eolEnd: number, group: MyGroup | undefined): MyLine {
  const b = new LineBuilder(text, start);
  const line: MyLine = { index, start, end, eolEnd, kind: 'blank', tokens: [] };
  let i = start;
  if (index === 0 && text.charCodeAt(0) === 0xfeff) {
    doc.bom = true;
    b.add('bom', 0, 1);
    doc.problems.push({
      code: 'bom',
      line: 0,
      span: { start: 0, end: 1 },
      message: 'the file starts with a UTF-8 byte-order mark: MySQL/MariaDB read it as an option outside any group and abort',
      fatal: true,
    });
    i = 1;
  }
  const nul = text.indexOf('\0', i);
  if (nul >= 0 && nul < end) {
    doc.problems.push({ code: 'nul', line: index, span: { start: nul, end: nul + 1 }, message: 'a NUL byte: the server stops reading this line there', fatal: false });
  }
  i = skipSpace(text, i, end);
  const c = text[i];
  if (i >= end) {
    // blank
  } else if (c === '#' || c === ';') {
    line.kind = 'comment';
    line.comment = { start: i, end };
    b.add('comment', i, end);
  } else if (c === '!') {
    parseDirective(doc, text, line, b, i, end);
  } else if (c === '[') {
    parseHeader(doc, text, line, b, i, end);
  } else {
    parseOption(doc, text, line, b, i, end, group);
  }
  if (eolEnd > end) {
    b.add('eol', end, eolEnd);
  }
  line.tokens = b.finish(eolEnd);
  return line;
}

function parseDirective(doc: MyCnfDocument, text: string, line: MyLine, b: LineBuilder, i: number, end: number): void {
  line.kind = 'directive';
  const bang = { start: i, end: i + 1 };
  b.add('bang', i, i + 1);
  const k = skipSpace(text, i + 1, end);
  let kwEnd = k;
  while (kwEnd < end && !isSpace(text[kwEnd])) kwEnd++;
  const word = text.slice(k, kwEnd);
  // The keyword must be followed by whitespace (or the end of the line, which fgets ends with \n).
  let kind: MyDirective['kind'] = 'ignored';
  let keywordEnd = kwEnd;
  if (text.startsWith('includedir', k) && (k + 10 >= end || isSpace(text[k + 10]))) {
    kind = 'includedir';
    keywordEnd = k + 10;
  } else if (text.startsWith('include', k) && (k + 7 >= end || isSpace(text[k + 7]))) {
    kind = 'include';
    keywordEnd = k + 7;
  }
  const keyword: Tok = { start: k, end: keywordEnd, text: text.slice(k, keywordEnd) };
  if (keywordEnd > k) b.add('keyword', k, keywordEnd);
  const dir: MyDirective = { bang, keyword, kind };
  line.directive = dir;
  if (kind === 'ignored') {
    if (kwEnd < end) b.add('text', skipSpace(text, kwEnd, end), trimEnd(text, kwEnd, end));
    doc.problems.push({
      code: 'directive-ignored',
      line: line.index,
      span: { start: i, end: kwEnd },
      message: /^include(dir)?$/i.test(word)
        ? `'!${word}' is ignored: the directive names are case-sensitive (write !${word.toLowerCase()})`
        : `'!${/^[A-Za-z]{1,20}$/.test(word) ? word : '…'}' is not a directive the server knows; the line is ignored`,
      fatal: false,
    });
    return;
  }
  const p = skipSpace(text, keywordEnd, end);
  const pe = trimEnd(text, p, end);
  if (pe <= p) {
    doc.problems.push({ code: 'directive-no-path', line: line.index, span: { start: i, end: keywordEnd }, message: `'!${kind}' without a path: the server aborts ("Wrong '!${kind}' directive")`, fatal: true });
    return;
  }
  dir.path = { start: p, end: pe, text: text.slice(p, pe) };
  b.add('path', p, pe);
  doc.includes.push(line);
  const hash = text.indexOf('#', p);
  if (hash >= 0 && hash < pe) {
    doc.problems.push({
      code: 'directive-comment',
      line: line.index,
      span: { start: hash, end: pe },
      message: `'#' is not a comment after '!${kind}': it becomes part of the path${kind === 'includedir' ? ', which then names a directory that does not exist, and the server aborts' : ', so the file is silently not read'}`,
      fatal: kind === 'includedir',
    });
  }
}

function parseHeader(doc: MyCnfDocument, text: string, line: MyLine, b: LineBuilder, i: number, end: number): void {
  line.kind = 'group';
  b.add('open', i, i + 1);
  const close = text.indexOf(']', i + 1);
  if (close < 0 || close >= end) {
    line.kind = 'invalid';
    const te = trimEnd(text, i + 1, end);
    b.add('text', i + 1, te);
    doc.problems.push({
      code: 'unterminated-header',
      line: line.index,
      span: { start: i, end: te },
      message: 'a group header without a closing ]: the server aborts ("Wrong group definition")',
      fatal: true,
    });
    return;
  }
  const nameEnd = trimEnd(text, i + 1, close);
  const name: Tok = { start: i + 1, end: nameEnd, text: text.slice(i + 1, nameEnd) };
  b.add('group', i + 1, nameEnd);
  b.add('close', close, close + 1);
  line.header = { open: { start: i, end: i + 1 }, name, close: { start: close, end: close + 1 } };
  const after = skipSpace(text, close + 1, end);
  if (after < end) {
    if (text[after] === '#' || text[after] === ';') {
      line.comment = { start: after, end };
      b.add('comment', after, end);
    } else b.add('after', after, trimEnd(text, after, end));
  }
  if (/^[ \t\r\v\f]/.test(name.text)) {
    doc.problems.push({
      code: 'group-whitespace',
      line: line.index,
      span: { start: i, end: close + 1 },
      message: 'whitespace after [ is part of the group name',
      fatal: false,
    });
  }
}

function parseOption(doc: MyCnfDocument, text: string, line: MyLine, b: LineBuilder, i: number, end: number, group: MyGroup | undefined): void {
  line.kind = 'option';
  const cEnd = endCommentAt(text, i, end);
  const eq = text.indexOf('=', i);
  const hasEq = eq >= 0 && eq < cEnd;
  const nameEnd = trimEnd(text, i, hasEq ? eq : cEnd);
  const name: Tok = { start: i, end: nameEnd, text: text.slice(i, nameEnd) };
  const opt: MyOptionSyntax = { name, quoted: false };
  b.add('name', i, nameEnd);
  if (hasEq) {
    opt.eq = { start: eq, end: eq + 1 };
    b.add('eq', eq, eq + 1);
    const vs = skipSpace(text, eq + 1, cEnd);
    const ve = trimEnd(text, vs, cEnd);
    let inner = text.slice(vs, ve);
    const q = inner[0];
    if ((q === '"' || q === "'") && inner.length > 1 && inner[inner.length - 1] === q) {
      inner = inner.slice(1, -1);
      opt.quoted = true;
    }
    opt.value = { start: vs, end: ve, text: unescapeValue(inner) };
    if (ve > vs) b.add('value', vs, ve);
  }
  if (cEnd < end) {
    line.comment = { start: cEnd, end };
    b.add('comment', cEnd, end);
  }
  line.option = opt;
  // With a byte-order mark the first line is already garbage to the server (reported once, as 'bom').
  if (!group && !(doc.bom && line.index === 0)) {
    doc.problems.push({
      code: 'option-before-group',
      line: line.index,
      span: { start: name.start, end: Math.max(nameEnd, name.start + 1) },
      message: 'an option before the first [group]: every program that reads this file aborts ("Found option without preceding group")',
      fatal: true,
    });
  }
  if (!name.text) {
    doc.problems.push({ code: 'empty-name', line: line.index, span: { start: i, end: Math.max(cEnd, i + 1) }, message: 'a value without an option name: the server aborts with "unknown option"', fatal: true });
  } else if (/[ \t\r\v\f]/.test(name.text)) {
    // Only the first word is shown: the rest is usually a value, and values may be secrets.
    const first = name.text.split(/[ \t\r\v\f]+/)[0];
    const label = /^[A-Za-z0-9_.-]{1,64}$/.test(first) && !/pass|secret|pwd|token|cred|key/i.test(first) ? first : 'option';
    doc.problems.push({
      code: 'name-whitespace',
      line: line.index,
      span: { start: name.start, end: name.end },
      message: hasEq
        ? `the option name '${label} …' contains whitespace: no option has that name and the program aborts with "unknown variable"`
        : `'${label} …' has no '=': the whole line is read as one option name and the program aborts with "unknown option" (write '${label} = value')`,
      fatal: true,
    });
  }
}

/** The text back from the tokens (proves the parser lossless). */
export function printMyCnf(doc: MyCnfDocument): string {
  return doc.lines.map((l) => l.tokens.map((t) => doc.text.slice(t.start, t.end)).join('')).join('');
}

export function myCnfView(doc: MyCnfDocument): SyntaxView {
  const comments: CommentSpan[] = [];
  for (const l of doc.lines) if (l.comment) comments.push({ line: l.index, start: l.comment.start, end: l.comment.end });
  return {
    lineStarts: doc.lines.map((l) => l.start),
    comments,
    isBlankOrComment: (i) => doc.lines[i] !== undefined && (doc.lines[i].kind === 'blank' || doc.lines[i].kind === 'comment'),
  };
}

export const myCnfSyntax: Syntax<MyCnfDocument> = {
  name: 'mycnf',
  commentLeader: '#',
  parse: (text) => parseMyCnf(text),
  view: myCnfView,
};
