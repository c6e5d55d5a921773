/**
 * Lossless parser for OpenSSH server configuration (`sshd_config`, `sshd_config.d/*.conf`),
 * following OpenSSH 9.2p1 `servconf.c` `process_server_config_line_depth` and `misc.c`
 * `strdelim` / `argv_split`, as summarised in ../shared/research/host-syntax.md §4:
 *
 * - Trailing blanks (space, tab, CR, LF, form feed) are stripped; leading blanks skipped.
 * - The keyword ends at a blank, a `"` or a `=`; one `=` (with blanks around it) may separate
 *   it from the arguments: `Port 22`, `Port=22`, `Port = 22`.
 * - A keyword starting with `#` makes the line a comment. In the arguments, a `#` that starts
 *   a word ends the line (`no # comment`); a `#` inside a word is part of it (`no#comment`).
 * - Arguments are split on spaces and tabs; `"…"` and `'…'` quote, `\` escapes a quote, a
 *   backslash or a space. An unterminated quote is an error. There is no line continuation.
 * - A keyword without an argument is an error ("no argument after keyword").
 * - `Match` starts a block that lasts until the next `Match` or the end of the file;
 *   `Include` is processed in place (first value wins, so an early Include's files win).
 *
 * The parser never throws; {@link sshdPieces} covers every character exactly once and
 * {@link printSshd} gives the input back byte for byte. Keyword knowledge (unknown keywords,
 * value checks) lives in keywords.ts and model.ts.
 */
import type { Span } from '../../text';
import { physicalLine } from '../../text';

export interface SshdArg extends Span {
  /** The argument as sshd sees it: quotes removed, escapes resolved. */
  text: string;
}

export interface SshdProblem {
  code: 'bom' | 'no-argument' | 'invalid-quotes';
  span: Span;
  line: number;
  message: string;
}

export interface SshdLine {
  index: number;
  start: number;
  /** Just past the content, before `\r\n` or `\n`. */
  end: number;
  eolEnd: number;
  kind: 'blank' | 'comment' | 'directive' | 'ignored';
  comment?: Span;
  directive?: SshdDirective;
}

export interface SshdDirective {
  line: number;
  /** The keyword as written (without a byte order mark). */
  keyword: SshdArg;
  /** Lower-cased keyword. */
  key: string;
  /** Blanks and `=` between the keyword and the first argument. */
  separator?: Span;
  args: SshdArg[];
  /** The text the arguments were read from (up to a comment), or an empty span after the keyword. */
  rest: Span;
  comment?: Span;
  /** Set when the arguments could not be split (unterminated quote). */
  badQuotes?: boolean;
  /** The Match block this line belongs to (the Match line itself belongs to its own block). */
  match?: SshdMatch;
}

export interface SshdMatch {
  directive: SshdDirective;
  /** The criteria as written (`User anoncvs`, `Address 192.0.2.0/24`). */
  criteria: string;
  directives: SshdDirective[];
}

export interface SshdDocument {
  text: string;
  bom?: Span;
  lines: SshdLine[];
  directives: SshdDirective[];
  /** Directives outside every Match block, in file order. */
  global: SshdDirective[];
  matches: SshdMatch[];
  /** `Include` lines, in file order (their files are read in place). */
  includes: SshdDirective[];
  problems: SshdProblem[];
}

const WS = new Set([' ', '\t', '\r', '\n']);
const TRAILING = new Set([' ', '\t', '\r', '\n', '\f']);

export function parseSshd(text: string): SshdDocument {
  try {
    return parseInner(text);
  } catch {
    const line: SshdLine = { index: 0, start: 0, end: text.length, eolEnd: text.length, kind: 'ignored' };
    return { text, lines: [line], directives: [], global: [], matches: [], includes: [], problems: [] };
  }
}

function parseInner(text: string): SshdDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
  const lines: SshdLine[] = [];
  const directives: SshdDirective[] = [];
  const problems: SshdProblem[] = [];
  let pos = 0;
  let index = 0;
  do {
    const { end, eolEnd } = physicalLine(text, pos, true);
    const line: SshdLine = { index, start: pos, end, eolEnd, kind: 'blank' };
    lines.push(line);
    parseLine(text, line, index === 0 && bom ? 1 : pos, directives, problems);
    pos = eolEnd;
    index++;
  } while (pos < text.length);
  if (bom) {
    problems.push({ code: 'bom', span: bom, line: 0, message: 'The file starts with a byte order mark: sshd reads it as part of the first keyword ("Bad configuration option") and refuses to start.' });
  }
  const matches: SshdMatch[] = [];
  const global: SshdDirective[] = [];
  let cur: SshdMatch | undefined;
  for (const d of directives) {
    if (d.key === 'match') {
      cur = { directive: d, criteria: d.args.map((a) => a.text).join(' '), directives: [] };
      matches.push(cur);
    }
    if (cur) {
      d.match = cur;
      if (d !== cur.directive) cur.directives.push(d);
    } else {
      global.push(d);
    }
  }
  return { text, bom, lines, directives, global, matches, includes: directives.filter((d) => d.key === 'include'), problems };
}

function parseLine(text: string, line: SshdLine, from: number, directives: SshdDirective[], problems: SshdProblem[]): void {
  // sshd reads up to a NUL (strlen); what follows on the line is ignored.
  let nul = -1;
  for (let i = from; i < line.end; i++) {
    if (text[i] === '\0') {
      nul = i;
      break;
    }
  }
  let end = nul >= 0 ? nul : line.end;
  while (end > from && TRAILING.has(text[end - 1])) end--;
  let p = from;
  while (p < end && WS.has(text[p])) p++;
  if (p >= end) {
    line.kind = nul >= 0 ? 'ignored' : 'blank';
    return;
  }
  if (text[p] === '#') {
    line.kind = 'comment';
    line.comment = { start: p, end: line.end };
    return;
  }
  const ks = p;
  while (p < end && !WS.has(text[p]) && text[p] !== '"' && text[p] !== '=') p++;
  if (p === ks) {
    // A line starting with `=` or `"`: sshd finds an empty keyword and ignores the line.
    line.kind = 'ignored';
    return;
  }
  const keyword: SshdArg = { start: ks, end: p, text: text.slice(ks, p) };
  const sepStart = p;
  if (text[p] === '=') {
    p++;
    while (p < end && WS.has(text[p])) p++;
  } else if (text[p] !== '"') {
    while (p < end && WS.has(text[p])) p++;
    if (text[p] === '=') {
      p++;
      while (p < end && WS.has(text[p])) p++;
    }
  }
  const d: SshdDirective = { line: line.index, keyword, key: keyword.text.toLowerCase(), args: [], rest: { start: p, end } };
  if (p > sepStart) d.separator = { start: sepStart, end: p };
  line.kind = 'directive';
  line.directive = d;
  directives.push(d);
  if (p >= end) {
    problems.push({ code: 'no-argument', span: keyword, line: line.index, message: `No argument after ${keyword.text}: sshd counts it as a bad configuration option and refuses to start.` });
    return;
  }
  // argv_split(…, terminate_on_comment = 1)
  let i = p;
  while (i < end) {
    if (text[i] === ' ' || text[i] === '\t') {
      i++;
      continue;
    }
    if (text[i] === '#') {
      d.comment = { start: i, end: line.end };
      d.rest = { start: p, end: trimEnd(text, p, i) };
      line.comment = d.comment;
      return;
    }
    const s = i;
    let out = '';
    let quote = '';
    for (; i < end; i++) {
      const c = text[i];
      if (c === '\\') {
        const n = text[i + 1];
        if (n === "'" || n === '"' || n === '\\' || (!quote && n === ' ')) {
          i++;
          out += n;
        } else {
          out += c;
        }
      } else if (!quote && (c === ' ' || c === '\t')) {
        break;
      } else if (!quote && (c === '"' || c === "'")) {
        quote = c;
      } else if (quote && c === quote) {
        quote = '';
      } else {
        out += c;
      }
    }
    d.args.push({ start: s, end: i, text: out });
    if (quote) {
      d.badQuotes = true;
      problems.push({ code: 'invalid-quotes', span: { start: s, end: i }, line: line.index, message: `Unterminated quote in the ${keyword.text} line: sshd reports "invalid quotes" and refuses to start.` });
    }
  }
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
  return to;
}

export type SshdPieceKind = 'bom' | 'space' | 'keyword' | 'separator' | 'arg' | 'comment' | 'eol' | 'ignored';

export interface SshdPiece extends Span {
  kind: SshdPieceKind;
}

/** Every character of the text in exactly one piece, in order. */
export function sshdPieces(doc: SshdDocument): SshdPiece[] {
  const out: SshdPiece[] = [];
  const push = (start: number, end: number, kind: SshdPieceKind) => {
    if (end > start) out.push({ start, end, kind });
  };
  for (const l of doc.lines) {
    let p = l.start;
    if (l.index === 0 && doc.bom) {
      push(0, 1, 'bom');
      p = 1;
    }
    const d = l.directive;
    if (d) {
      push(p, d.keyword.start, 'space');
      push(d.keyword.start, d.keyword.end, 'keyword');
      p = d.keyword.end;
      if (d.separator) {
        push(p, d.separator.end, 'separator');
        p = d.separator.end;
      }
      for (const a of d.args) {
        push(p, a.start, 'space');
        push(a.start, a.end, 'arg');
        p = a.end;
      }
      if (d.comment) {
        push(p, d.comment.start, 'space');
        push(d.comment.start, d.comment.end, 'comment');
        p = d.comment.end;
      }
    } else if (l.comment) {
      push(p, l.comment.start, 'space');
      push(l.comment.start, l.comment.end, 'comment');
      p = l.comment.end;
    }
    // What is left of the line: blanks, or text sshd never reads (after a NUL).
    if (p < l.end) push(p, l.end, /^[ \t\r\f]*$/.test(doc.text.slice(p, l.end)) ? 'space' : 'ignored');
    push(Math.max(p, l.end), l.eolEnd, 'eol');
  }
  return out;
}

export function printSshd(doc: SshdDocument): string {
  return sshdPieces(doc)
    .map((p) => doc.text.slice(p.start, p.end))
    .join('');
}
