/**
 * Lossless parser for the Asterisk flat configuration format (sip.conf, manager.conf, …),
 * following `main/config.c` as described in ../shared/research/asterisk-syntax.md.
 *
 * The parser never throws on input. It splits the text into physical lines (on `\n`, as
 * Asterisk's fgets does; `\r` is ordinary whitespace to Asterisk), runs the comment scanner of
 * `config_text_file_load` on every line exactly (escaped `\;`, nested `;--`/`--;` block
 * comments, the stray `--;` bug), then interprets the remaining logical text like
 * `process_text_line`. Every character of the input belongs to exactly one token of one line
 * (see {@link lineTokens}); {@link printDocument} gives the input back byte for byte.
 *
 * Problems that Asterisk reports are recorded in {@link ConfDocument.problems}; the
 * `config-*` rules turn them into findings.
 */
import { Span, Tok } from '../text';

export type LineKind =
  /** Nothing but whitespace. */
  | 'blank'
  /** Only comment text (line comment, block comment, or dead text). */
  | 'comment'
  | 'section'
  | 'directive'
  | 'assignment'
  /** A line Asterisk rejects or ignores (see the line's problem). */
  | 'invalid';

export type ProblemCode =
  | 'no-closing-bracket'
  | 'no-closing-paren'
  | 'no-category'
  | 'invalid-escape'
  | 'unknown-base'
  | 'append-missing'
  | 'no-equals'
  | 'no-name'
  | 'unknown-directive'
  | 'directive-no-arg'
  | 'line-too-long'
  | 'nul-byte'
  | 'stray-comment-end'
  | 'comment-open-close'
  | 'unterminated-comment'
  | 'comment-nesting-too-deep'
  | 'text-after-header';

export interface ParseProblem {
  code: ProblemCode;
  /** True when Asterisk rejects the whole file (it then keeps its previous configuration). */
  fatal: boolean;
  span: Span;
  message: string;
  line: number;
}

export interface SectionHeader {
  /** The name between `[` and the first `]`, not trimmed (Asterisk does not trim it). */
  name: Tok;
  /** The option list between `(` and `)`, when `(` follows `]` immediately. */
  options?: Tok;
  /** The items of the option list, split on `,` without trimming. */
  items: Tok[];
  /** Text after the header that Asterisk ignores (e.g. ` (!)` with a space). */
  trailing?: Tok;
}

export interface Directive {
  /** `include`, `tryinclude`, `exec`, … as written (compared case-insensitively). */
  word: Tok;
  /** The argument with surrounding quotes or angle brackets removed. */
  arg?: Tok;
}

export type AssignOp = '=' | '=>' | '+=';

export interface Assignment {
  key: Tok;
  op: AssignOp;
  opSpan: Span;
  /** Value after stripping; an empty value is an empty span right after the operator. */
  value: Tok;
}

export interface ConfLine {
  /** 0-based physical line number (lines split on `\n`). */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the content, before the line terminator (`\n` or `\r\n`). */
  end: number;
  /** Offset just past the line terminator. */
  eolEnd: number;
  kind: LineKind;
  /** The logical text Asterisk interprets (comments removed, `\;` unescaped), unstripped. */
  code: string;
  /** Physical offset of each character of `code`, or undefined when `code` is the contiguous slice starting at `codeStart`. */
  codeMap?: number[];
  codeStart: number;
  /** Offsets of backslashes removed by `\;` escapes. */
  escapes?: number[];
  /** Spans that are comment text (markers included), or text Asterisk ignores as if commented. */
  comments: Span[];
  header?: SectionHeader;
  directive?: Directive;
  assign?: Assignment;
  /** Offset of a UTF-8 byte order mark on line 0. */
  bom?: Span;
  /** Index into {@link ConfDocument.sections} of the section this line belongs to (-1 before any). */
  section: number;
}

export interface Entry {
  /** The key as written (trimmed). */
  key: string;
  /** Lower-cased key, for the case-insensitive look-ups that Asterisk modules do. */
  lkey: string;
  /** The effective value (after `+=` appends). */
  value: string;
  op: AssignOp;
  line: ConfLine;
  /** The section the line was written under (for a `(+)` section: that section, not the target). */
  writtenIn?: Section;
}

export interface Section {
  index: number;
  /** The exact name (not trimmed). */
  name: string;
  header: ConfLine;
  template: boolean;
  /** Names of the bases as written in the option list. */
  baseNames: string[];
  bases: Section[];
  /** True for `[name](+)`: its lines are added to {@link appendTarget}. */
  append: boolean;
  appendTarget?: Section;
  /** Lines written under this header, in order (assignments only). */
  own: Entry[];
  /** The bases' effective entries, copied when the header was read (Asterisk's semantics). */
  inherited: Entry[];
  /** own + entries added by later `(+)` sections; filled in as parsing goes. */
  added: Entry[];
  /** Index of the last physical line that belongs to this section (up to the next header). */
  lastLine: number;
  /** `#include`/`#tryinclude` directives that appear inside this section. */
  includes: ConfLine[];
  /** inherited + added, fixed once the whole file is parsed (see {@link effective}). */
  entries?: Entry[];
}

export interface ConfDocument {
  text: string;
  lines: ConfLine[];
  sections: Section[];
  problems: ParseProblem[];
  /** Assignments before the first header (legal only in included fragments). */
  preamble: Entry[];
  /** The line terminator used most, for inserted lines. */
  eol: '\n' | '\r\n';
  /** True when a fatal problem makes Asterisk reject the file. */
  fatal: boolean;
}

/** Asterisk's line buffer: a physical line of 8191 bytes or more is skipped whole (12.0.0+). */
export const MAX_LINE_BYTES = 8191;
const MAX_NESTED_COMMENTS = 128;
const NUL = -1;

function isBlank(c: number): boolean {
  // ast_strip / ast_skip_blanks treat every byte 1..32 as blank.
  return c > 0 && c <= 32;
}

function utf8Length(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface ParseOptions {
  /**
   * True for a file that is (or may be) `#include`d into another one, such as FreePBX's
   * `sip_general_custom.conf`: assignments before the first header are then legal.
   */
  fragment?: boolean;
}

/** Parses an Asterisk configuration text. Never throws. */
export function parseAsterisk(text: string, options: ParseOptions = {}): ConfDocument {
  const lines: ConfLine[] = [];
  const sections: Section[] = [];
  const problems: ParseProblem[] = [];
  const preamble: Entry[] = [];
  const doc: ConfDocument = { text, lines, sections, problems, preamble, eol: '\n', fatal: false };

  let depth = 0;
  let openedAt = -1;
  let crlf = 0;
  let lf = 0;
  let current: Section | undefined;
  let pos = 0;
  let index = 0;
  const len = text.length;

  const problem = (code: ProblemCode, fatal: boolean, span: Span, line: number, message: string) => {
    problems.push({ code, fatal, span, line, message });
    if (fatal) doc.fatal = true;
  };

  while (pos < len || (pos === len && index === 0)) {
    let nl = text.indexOf('\n', pos);
    let eolEnd: number;
    let end: number;
    if (nl < 0) {
      nl = len;
      end = len;
      eolEnd = len;
    } else {
      eolEnd = nl + 1;
      if (nl > pos && text.charCodeAt(nl - 1) === 13) {
        end = nl - 1;
        crlf++;
      } else {
        end = nl;
        lf++;
      }
    }
    const line: ConfLine = {
      index,
      start: pos,
      end,
      eolEnd,
      kind: 'blank',
      code: '',
      codeStart: pos,
      comments: [],
      section: current ? current.index : -1,
    };
    let contentStart = pos;
    if (index === 0 && text.charCodeAt(0) === 0xfeff) {
      line.bom = { start: 0, end: 1 };
      contentStart = 1;
    }
    lines.push(line);
    scanLine(line, contentStart);
    classify(line);
    if (current) current.lastLine = index;
    pos = eolEnd;
    index++;
    if (nl === len) break;
  }

  if (depth > 0) {
    const l = lines[openedAt] ?? lines[lines.length - 1];
    problem(
      'unterminated-comment',
      false,
      { start: l.start, end: l.end },
      l.index,
      `Block comment opened on line ${l.index + 1} is never closed: everything after it is ignored`,
    );
  }
  doc.eol = crlf > lf ? '\r\n' : '\n';
  // Sections no longer change once the file is read: fix each one's effective entries, so
  // the many look-ups rules do cost no allocation.
  for (const s of sections) s.entries = s.inherited.length ? s.inherited.concat(s.added) : s.added;
  return doc;

  /** The comment scanner of config_text_file_load, on one physical line. */
  function scanLine(line: ConfLine, contentStart: number): void {
    const { end } = line;
    // One pass over the line finds the first NUL and the first ';' (never search past the line).
    let stop = end;
    let semi = -1;
    for (let i = contentStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 59) {
        if (semi < 0) semi = i;
      } else if (c === 0) {
        stop = i;
        break;
      }
    }
    if (stop !== end) {
      line.comments.push({ start: stop, end });
      problem('nul-byte', false, { start: stop, end }, line.index, 'NUL byte: Asterisk ignores the rest of this line');
    }
    if (stop - contentStart >= MAX_LINE_BYTES / 4 && utf8Length(text, contentStart, line.eolEnd) >= MAX_LINE_BYTES) {
      line.comments.push({ start: contentStart, end: stop });
      line.comments.sort((a, b) => a.start - b.start);
      line.kind = 'invalid';
      problem(
        'line-too-long',
        false,
        { start: contentStart, end: stop },
        line.index,
        `Line is ${MAX_LINE_BYTES} bytes or longer: Asterisk skips it entirely`,
      );
      return;
    }
    if (semi < 0) {
      // Fast path: no semicolon, no comment state change.
      if (depth !== 0) {
        if (stop > contentStart) line.comments.unshift({ start: contentStart, end: stop });
      } else {
        line.code = text.slice(contentStart, stop);
        line.codeStart = contentStart;
      }
      return;
    }
    // Slow path: simulate the C buffer manipulation on an array of physical offsets.
    const buf: number[] = [];
    for (let i = contentStart; i < stop; i++) buf.push(i);
    const ch = (k: number) => (k < buf.length && buf[k] !== NUL ? text.charCodeAt(buf[k]) : 0);
    let processBuf: number | null = depth !== 0 ? null : 0;
    let newBuf = 0;
    const escapes: number[] = [];
    for (;;) {
      let k = newBuf;
      while (k < buf.length && buf[k] !== NUL && ch(k) !== 59 /* ; */) k++;
      if (k >= buf.length || buf[k] === NUL) break;
      if (k > 0 && ch(k - 1) === 92 /* \ */) {
        // Escaped semicolon: the backslash is dropped, the `;` is literal text.
        escapes.push(buf[k - 1]);
        buf.splice(k - 1, 1);
        newBuf = k;
      } else if (ch(k + 1) === 45 && ch(k + 2) === 45 && ch(k + 3) !== 45) {
        // ";--" opens a (nested) block comment.
        if (depth < MAX_NESTED_COMMENTS) {
          if (depth === 0) openedAt = line.index;
          if (ch(k + 3) === 59 && depth === 0) {
            problem(
              'comment-open-close',
              false,
              { start: buf[k], end: buf[k] + 4 },
              line.index,
              '`;--;` opens a block comment (it does not close one): everything up to the next `--;` is hidden from Asterisk',
            );
          }
          buf[k] = NUL;
          newBuf = k + 3;
          depth++;
        } else {
          problem('comment-nesting-too-deep', false, { start: buf[k], end: buf[k] + 3 }, line.index, 'Block comments nested more than 128 deep');
          newBuf = k + 1;
        }
      } else if (k >= newBuf + 2 && ch(k - 1) === 45 && ch(k - 2) === 45) {
        // "--;" closes a block comment; Asterisk does not check that one is open.
        if (depth === 0) {
          problem(
            'stray-comment-end',
            false,
            { start: buf[k - 2], end: buf[k] + 1 },
            line.index,
            '`--;` closes no block comment: Asterisk then treats every following line of this file as a comment',
          );
        }
        depth--;
        newBuf = k + 1;
        if (depth === 0) {
          if (processBuf !== null) {
            let p = processBuf;
            while (p < buf.length && buf[p] !== NUL) p++;
            buf.splice(p, newBuf - p);
            newBuf = p;
          } else {
            processBuf = newBuf;
          }
        }
      } else if (depth === 0) {
        buf[k] = NUL;
        newBuf = k;
      } else {
        newBuf = k + 1;
      }
    }
    if (escapes.length) line.escapes = escapes;
    const code: number[] = [];
    if (processBuf !== null) {
      for (let p = processBuf; p < buf.length && buf[p] !== NUL; p++) code.push(buf[p]);
    }
    let s = '';
    for (const o of code) s += text[o];
    line.code = s;
    line.codeStart = code.length ? code[0] : contentStart;
    let contiguous = true;
    for (let i = 1; i < code.length; i++) if (code[i] !== code[i - 1] + 1) contiguous = false;
    if (!contiguous) line.codeMap = code;
    // Everything on the line that is neither code nor a removed backslash is comment text.
    const used = new Set<number>(code);
    for (const e of escapes) used.add(e);
    let runStart = -1;
    for (let i = contentStart; i <= stop; i++) {
      const isComment = i < stop && !used.has(i);
      if (isComment && runStart < 0) runStart = i;
      else if (!isComment && runStart >= 0) {
        line.comments.push({ start: runStart, end: i });
        runStart = -1;
      }
    }
    line.comments.sort((a, b) => a.start - b.start);
  }

  /** Physical offset of logical character i of the line's code. */
  function phys(line: ConfLine, i: number): number {
    if (line.codeMap) return i < line.codeMap.length ? line.codeMap[i] : line.codeMap[line.codeMap.length - 1] + 1;
    return line.codeStart + i;
  }

  function tok(line: ConfLine, from: number, to: number): Tok {
    if (to <= from) {
      const at = from > 0 ? phys(line, from - 1) + 1 : phys(line, from);
      return { start: at, end: at, text: '' };
    }
    return { start: phys(line, from), end: phys(line, to - 1) + 1, text: line.code.slice(from, to) };
  }

  /** process_text_line on the logical code of one line. */
  function classify(line: ConfLine): void {
    if (line.kind === 'invalid') return;
    const code = line.code;
    let a = 0;
    let b = code.length;
    while (a < b && isBlank(code.charCodeAt(a))) a++;
    while (b > a && isBlank(code.charCodeAt(b - 1))) b--;
    if (a === b) {
      line.kind = line.comments.length ? 'comment' : 'blank';
      return;
    }
    const first = code.charCodeAt(a);
    const lineSpan = tok(line, a, b);
    if (first === 91 /* [ */) {
      line.kind = 'section';
      const close = code.indexOf(']', a + 1);
      if (close < 0 || close >= b) {
        line.kind = 'invalid';
        problem('no-closing-bracket', true, lineSpan, line.index, "Section header has no closing ']': Asterisk rejects the whole file");
        return;
      }
      const header: SectionHeader = { name: tok(line, a + 1, close), items: [] };
      line.header = header;
      let after = close + 1;
      if (code.charCodeAt(after) === 40 /* ( */) {
        const paren = code.indexOf(')', after + 1);
        if (paren < 0 || paren >= b) {
          line.kind = 'invalid';
          problem('no-closing-paren', true, lineSpan, line.index, "Section options have no closing ')': Asterisk rejects the whole file");
          return;
        }
        header.options = tok(line, after + 1, paren);
        let itemStart = after + 1;
        for (let i = after + 1; i <= paren; i++) {
          if (i === paren || code.charCodeAt(i) === 44 /* , */) {
            header.items.push(tok(line, itemStart, i));
            itemStart = i + 1;
          }
        }
        after = paren + 1;
      }
      if (after < b) header.trailing = tok(line, after, b);
      openSection(line, header);
      return;
    }
    if (first === 35 /* # */) {
      line.kind = 'directive';
      let w = a + 1;
      while (w < b && code.charCodeAt(w) > 32) w++;
      const word = tok(line, a + 1, w);
      let c = w;
      while (c < b && isBlank(code.charCodeAt(c))) c++;
      const directive: Directive = { word };
      line.directive = directive;
      if (c < b) {
        let s = c;
        let e = b;
        const q = code[s];
        if ((q === '"' && code[e - 1] === '"' && e - s >= 2) || (q === '<' && code[e - 1] === '>' && e - s >= 2)) {
          s++;
          e--;
        }
        directive.arg = tok(line, s, e);
      }
      const lw = word.text.toLowerCase();
      if (lw !== 'include' && lw !== 'tryinclude' && lw !== 'exec') {
        line.kind = 'invalid';
        problem('unknown-directive', false, lineSpan, line.index, `Unknown directive '#${word.text}': Asterisk ignores this line (# does not start a comment; use ;)`);
      } else if (!directive.arg) {
        line.kind = 'invalid';
        problem('directive-no-arg', false, lineSpan, line.index, `#${word.text} has no argument: Asterisk ignores this line`);
      } else if (current && lw !== 'exec') {
        current.includes.push(line);
      }
      return;
    }
    // Assignment.
    let nameStart = a;
    let searchFrom = a;
    if (first === 92 /* \ */) {
      if (a + 1 >= b || code.charCodeAt(a + 1) <= 32) {
        line.kind = 'invalid';
        problem('invalid-escape', true, lineSpan, line.index, 'A leading backslash must be followed by a character: Asterisk rejects the whole file');
        return;
      }
      nameStart = a + 1;
      searchFrom = a + 2;
    }
    const eq = code.indexOf('=', searchFrom);
    if (eq < 0 || eq >= b) {
      line.kind = 'invalid';
      problem('no-equals', false, lineSpan, line.index, "No '=' on this line: Asterisk ignores it");
      return;
    }
    let op: AssignOp = '=';
    let opStart = eq;
    let opEnd = eq + 1;
    let nameEnd = eq;
    if (eq > nameStart && code.charCodeAt(eq - 1) === 43 /* + */) {
      op = '+=';
      opStart = eq - 1;
      nameEnd = eq - 1;
    } else if (code.charCodeAt(eq + 1) === 62 /* > */) {
      op = '=>';
      opEnd = eq + 2;
    }
    let ne = nameEnd;
    while (ne > nameStart && isBlank(code.charCodeAt(ne - 1))) ne--;
    let vs = opEnd;
    while (vs < b && isBlank(code.charCodeAt(vs))) vs++;
    if (ne === nameStart) {
      line.kind = 'invalid';
      problem('no-name', false, lineSpan, line.index, 'No variable name before the =: Asterisk ignores this line');
      return;
    }
    line.kind = 'assignment';
    const key = tok(line, a, ne);
    // With a leading backslash the logical key is the text after it.
    if (nameStart !== a) key.text = code.slice(nameStart, ne);
    const value = vs < b ? tok(line, vs, b) : tok(line, opEnd, opEnd);
    line.assign = { key, op, opSpan: tok(line, opStart, opEnd), value };
    if (!current && !options.fragment) {
      problem('no-category', true, lineSpan, line.index, 'Setting before any [section]: Asterisk rejects the whole file');
    }
    const entry: Entry = {
      key: key.text,
      lkey: key.text.toLowerCase(),
      value: value.text,
      op,
      line,
      writtenIn: current,
    };
    if (op === '+=') {
      const target = current ? findAppendTarget(current, key.text) : findLast(preamble, key.text);
      if (target) {
        // The raw text after the '=' (leading blanks kept) is appended, trailing blanks trimmed.
        target.value = (target.value + code.slice(opEnd, b)).replace(/[\x01-\x20]+$/, '');
        return;
      }
    }
    if (!current) {
      preamble.push(entry);
      return;
    }
    current.own.push(entry);
    const dest = current.appendTarget ?? current;
    if (dest !== current) dest.added.push(entry);
    else current.added.push(entry);
  }

  function findLast(list: Entry[], key: string): Entry | undefined {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].key === key) return list[i];
    return undefined;
  }

  function findAppendTarget(sec: Section, key: string): Entry | undefined {
    const dest = sec.appendTarget ?? sec;
    return findLast(dest.added, key) ?? findLast(dest.inherited, key);
  }

  function openSection(line: ConfLine, header: SectionHeader): void {
    const name = header.name.text;
    const sec: Section = {
      index: sections.length,
      name,
      header: line,
      template: false,
      baseNames: [],
      bases: [],
      append: false,
      own: [],
      inherited: [],
      added: [],
      lastLine: line.index,
      includes: [],
    };
    line.section = sec.index;
    for (const item of header.items) {
      const t = item.text;
      if (t === '!') {
        sec.template = true;
      } else if (t.startsWith('+')) {
        sec.append = true;
        const target = sections.find((s) => !s.template && !s.append && sameName(s.name, name));
        if (!target && options.fragment) {
          // In an included fragment the target may be in the including file.
        } else if (!target) {
          problem(
            'append-missing',
            true,
            item,
            line.index,
            `'(+)' appends to '${name}', but no earlier non-template section has that name: Asterisk rejects the whole file`,
          );
        } else {
          sec.appendTarget = target;
        }
      } else {
        sec.baseNames.push(t);
        const base = sections.find((s) => !s.append && sameName(s.name, t));
        if (!base && options.fragment && t.trim() === t && t !== '') {
          // An included fragment may inherit from a template of the including file.
        } else if (!base) {
          problem(
            'unknown-base',
            true,
            item,
            line.index,
            t.trim() !== t
              ? `Inherits from '${t}' (with the space): no such section, Asterisk rejects the whole file`
              : `Inherits from '${t}', which is not defined earlier in this file: Asterisk rejects the whole file`,
          );
        } else {
          sec.bases.push(base);
          for (const e of effective(base)) sec.inherited.push(e);
        }
      }
    }
    sections.push(sec);
    current = sec;
  }
}

/** Section names compare case-insensitively in config.c; an empty name matches any section. */
export function sameName(a: string, b: string): boolean {
  if (b === '') return true;
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/**
 * The section's effective entries in the order a module applies them: what it inherited
 * from its bases, then its own lines, then lines added by `(+)` sections.
 */
export function effective(sec: Section): Entry[] {
  if (sec.entries) return sec.entries;
  return sec.inherited.length ? sec.inherited.concat(sec.added) : sec.added;
}

/** The last effective entry for a key (case-insensitive), as chan_sip and manager read scalars. */
export function lastValue(sec: Section, lkey: string): Entry | undefined {
  const list = effective(sec);
  for (let i = list.length - 1; i >= 0; i--) if (list[i].lkey === lkey) return list[i];
  return undefined;
}

/** Every effective entry for a key, in order. */
export function allValues(sec: Section, lkey: string): Entry[] {
  return effective(sec).filter((e) => e.lkey === lkey);
}

/** The first non-template, non-append section with that name, as `ast_variable_browse(cfg, name)` finds it. */
export function findSection(doc: ConfDocument, name: string): Section | undefined {
  return doc.sections.find((s) => !s.template && !s.append && s.name.toLowerCase() === name.toLowerCase());
}

/** The live (non-template, non-append) sections other than the given reserved names. */
export function liveSections(doc: ConfDocument, reserved: readonly string[] = []): Section[] {
  const r = reserved.map((n) => n.toLowerCase());
  return doc.sections.filter((s) => !s.template && !s.append && !r.includes(s.name.toLowerCase()));
}

export type TokenKind =
  | 'bom'
  | 'whitespace'
  | 'comment'
  | 'escape'
  | 'punctuation'
  | 'section-name'
  | 'section-options'
  | 'ignored'
  | 'directive'
  | 'directive-arg'
  | 'key'
  | 'operator'
  | 'value'
  | 'text'
  | 'eol';

export interface Token extends Span {
  kind: TokenKind;
}

/**
 * Every character of the line (terminator included) as contiguous tokens. Used for printing,
 * highlighting and the losslessness tests; not on the linting hot path.
 */
export function lineTokens(line: ConfLine, text: string): Token[] {
  const n = line.end - line.start;
  const kinds: (TokenKind | undefined)[] = new Array(n);
  const mark = (s: { start: number; end: number }, k: TokenKind) => {
    for (let i = s.start; i < s.end; i++) if (i >= line.start && i < line.end) kinds[i - line.start] = k;
  };
  const markLogical = (t: Tok, k: TokenKind) => {
    // A logical token may span a removed block comment; only mark its code characters.
    const map = line.codeMap;
    if (!map) return mark(t, k);
    for (const o of map) if (o >= t.start && o < t.end) kinds[o - line.start] = k;
  };
  if (line.bom) mark(line.bom, 'bom');
  for (const c of line.comments) mark(c, 'comment');
  for (const e of line.escapes ?? []) mark({ start: e, end: e + 1 }, 'escape');
  if (line.header) {
    const h = line.header;
    markLogical(h.name, 'section-name');
    if (h.options) markLogical(h.options, 'section-options');
    if (h.trailing) markLogical(h.trailing, 'ignored');
  } else if (line.directive) {
    markLogical(line.directive.word, 'directive');
    if (line.directive.arg) markLogical(line.directive.arg, 'directive-arg');
  } else if (line.assign) {
    markLogical(line.assign.key, 'key');
    markLogical({ ...line.assign.opSpan, text: '' }, 'operator');
    markLogical(line.assign.value, 'value');
  }
  const tokens: Token[] = [];
  for (let i = 0; i < n; i++) {
    const o = line.start + i;
    let k = kinds[i];
    if (!k) {
      const c = text.charCodeAt(o);
      k = isBlank(c) ? 'whitespace' : line.kind === 'invalid' ? 'text' : 'punctuation';
    }
    const last = tokens[tokens.length - 1];
    if (last && last.kind === k && last.end === o) last.end = o + 1;
    else tokens.push({ kind: k, start: o, end: o + 1 });
  }
  if (line.eolEnd > line.end) tokens.push({ kind: 'eol', start: line.end, end: line.eolEnd });
  return tokens;
}

/** Prints the document from its tokens: equal to the input, byte for byte. */
export function printDocument(doc: ConfDocument): string {
  let out = '';
  for (const line of doc.lines) for (const t of lineTokens(line, doc.text)) out += doc.text.slice(t.start, t.end);
  return out;
}
