/**
 * Lossless parser of xinetd configuration (`/etc/xinetd.conf`, `/etc/xinetd.d/*`), following
 * xinetd 2.3 `parse.c` / `parsesup.c`:
 *
 * - a line whose first non-blank character is `#` is a comment; blank lines are skipped;
 * - an entry is `service NAME` (or `defaults`), then a line holding only `{`, attribute lines,
 *   and a line holding only `}`; `include FILE` / `includedir DIR` stand alone;
 * - an attribute line is `name OP value…` with OP `=`, `+=` or `-=`, a blank required before OP
 *   (`disable=no` is an error); values are split on blanks, and `#` is NOT a comment there
 *   (`disable = yes # off` is three values, which `disable` (one value) ignores);
 * - a bad attribute line drops the whole service ("DISABLING SERVICE"); a line outside an entry
 *   makes xinetd skip everything up to the next `}`;
 * - single-value attributes such as `disable` keep their FIRST setting ("attribute already set").
 *
 * The parser never throws; {@link xinetdPieces} covers every character once and
 * {@link printXinetd} gives the input back byte for byte.
 */
import type { Span, Tok } from '../../text';
import { physicalLine } from '../../text';

export type XinetdProblemCode = 'bom' | 'crlf' | 'missing-keyword' | 'missing-open' | 'unclosed' | 'no-space-before-op' | 'bad-operator' | 'no-value' | 'extra-values' | 'bad-value';

export interface XinetdProblem {
  code: XinetdProblemCode;
  span: Span;
  line: number;
  message: string;
}

export interface XinetdAttr {
  line: number;
  name: Tok;
  op?: Tok;
  values: Tok[];
  /** From the first value to the last (empty span after OP when there is none). */
  valueSpan: Span;
  /** The attribute line could not be read: xinetd drops the service. */
  bad?: boolean;
}

export interface XinetdEntry {
  kind: 'service' | 'defaults' | 'include' | 'includedir';
  keyword: Tok;
  name?: Tok;
  line: number;
  open?: number;
  close?: number;
  attrs: XinetdAttr[];
  /** xinetd rejects the entry (missing `{`, bad attribute line, no `}`): the service does not exist. */
  dropped: boolean;
}

export interface XinetdLine {
  index: number;
  start: number;
  end: number;
  eolEnd: number;
  kind: 'blank' | 'comment' | 'entry' | 'brace' | 'attr' | 'skipped';
  comment?: Span;
  entry?: XinetdEntry;
  attr?: XinetdAttr;
  /** Words of a line that is neither (kept for the pieces). */
  words?: Tok[];
}

export interface XinetdDocument {
  text: string;
  bom?: Span;
  lines: XinetdLine[];
  entries: XinetdEntry[];
  problems: XinetdProblem[];
}

/** Attributes that take exactly one value (xinetd's attribute table, the ones that matter here). */
const SINGLE = new Set(['disable', 'socket_type', 'protocol', 'wait', 'user', 'group', 'server', 'port', 'id', 'type', 'bind', 'interface', 'instances', 'per_source', 'nice', 'umask']);

const blank = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';

function splitWords(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let i = from;
  while (i < to) {
    while (i < to && blank(text[i])) i++;
    if (i >= to) break;
    const s = i;
    while (i < to && !blank(text[i])) i++;
    out.push({ start: s, end: i, text: text.slice(s, i) });
  }
  return out;
}

export function parseXinetd(text: string): XinetdDocument {
  try {
    return parseInner(text);
  } catch {
    return { text, lines: [{ index: 0, start: 0, end: text.length, eolEnd: text.length, kind: 'skipped' }], entries: [], problems: [] };
  }
}

function parseInner(text: string): XinetdDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
  const lines: XinetdLine[] = [];
  const entries: XinetdEntry[] = [];
  const problems: XinetdProblem[] = [];
  let pos = 0;
  let index = 0;
  let crlf = false;
  do {
    const { end, eolEnd, cr } = physicalLine(text, pos, true);
    lines.push({ index, start: pos, end, eolEnd, kind: 'blank' });
    if (cr && !crlf) {
      crlf = true;
      problems.push({ code: 'crlf', span: { start: end, end: end + 1 }, line: index, message: 'Windows (CRLF) line ends: xinetd keeps the carriage return in the last value of each attribute line ("no\\r" is a bad value for disable), so services are dropped. Save the file with Unix (LF) line ends.' });
    }
    pos = eolEnd;
    index++;
  } while (pos < text.length);
  if (bom) problems.push({ code: 'bom', span: bom, line: 0, message: 'The file starts with a byte order mark: xinetd reads it as part of the first word ("missing service keyword") and skips the first entry.' });

  // Classify lines that xinetd reads (next_line skips blank and comment lines).
  const read: XinetdLine[] = [];
  for (const l of lines) {
    const from = l.index === 0 && bom ? 1 : l.start;
    let p = from;
    while (p < l.end && blank(text[p])) p++;
    if (p >= l.end) continue;
    if (text[p] === '#') {
      l.kind = 'comment';
      l.comment = { start: p, end: l.end };
      continue;
    }
    l.words = splitWords(text, from, l.end);
    read.push(l);
  }
  const only = (l: XinetdLine, ch: string) => l.words!.length === 1 && l.words![0].text === ch;

  let i = 0;
  const skipEntry = () => {
    // skip_entry: everything up to and including a line holding only `}`.
    for (; i < read.length; i++) {
      read[i].kind = read[i].kind === 'blank' ? 'skipped' : read[i].kind;
      if (only(read[i], '}')) {
        read[i].kind = 'brace';
        i++;
        return true;
      }
    }
    return false;
  };
  while (i < read.length) {
    const l = read[i++];
    const w = l.words!;
    const kw = w[0];
    const keyword = l.index === 0 && bom ? '' : kw.text;
    if (keyword === 'include' || keyword === 'includedir') {
      const e: XinetdEntry = { kind: keyword, keyword: kw, name: w[1], line: l.index, attrs: [], dropped: !w[1] };
      l.kind = 'entry';
      l.entry = e;
      entries.push(e);
      continue;
    }
    if (keyword !== 'service' && keyword !== 'defaults') {
      l.kind = 'skipped';
      problems.push({ code: 'missing-keyword', span: { start: kw.start, end: w[w.length - 1].end }, line: l.index, message: `xinetd expects "service NAME", "defaults", "include" or "includedir" here ("missing service keyword"): it skips everything up to the next line holding only "}", including any service in between.` });
      skipEntry();
      continue;
    }
    const e: XinetdEntry = { kind: keyword, keyword: kw, name: keyword === 'service' ? w[1] : undefined, line: l.index, attrs: [], dropped: false };
    l.kind = 'entry';
    l.entry = e;
    entries.push(e);
    if (keyword === 'service' && !w[1]) {
      e.dropped = true;
      problems.push({ code: 'missing-keyword', span: kw, line: l.index, message: '"service" without a name: xinetd skips this entry.' });
      skipEntry();
      continue;
    }
    const open = read[i];
    if (!open || !only(open, '{')) {
      e.dropped = true;
      if (open) i++; // find_next_entry consumed that line
      problems.push({ code: 'missing-open', span: { start: w[0].start, end: w[w.length - 1].end }, line: l.index, message: `The line after "${keyword}${keyword === 'service' ? ' …' : ''}" must hold only "{": xinetd drops this ${keyword === 'service' ? 'service' : 'defaults entry'}.` });
      skipEntry();
      continue;
    }
    open.kind = 'brace';
    e.open = open.index;
    i++;
    let closed = false;
    while (i < read.length) {
      const a = read[i++];
      if (only(a, '}')) {
        a.kind = 'brace';
        e.close = a.index;
        closed = true;
        break;
      }
      a.kind = 'attr';
      a.entry = e;
      const attr = parseAttr(text, a, problems);
      a.attr = attr;
      e.attrs.push(attr);
      if (attr.bad) {
        e.dropped = true;
        closed = skipEntry();
        if (closed) e.close = read[i - 1].index;
        break;
      }
    }
    if (!closed && !e.dropped) {
      e.dropped = true;
      problems.push({ code: 'unclosed', span: { start: w[0].start, end: w[w.length - 1].end }, line: l.index, message: `No line holding only "}" closes this entry: xinetd reports "incomplete entry" and drops it.` });
    }
  }
  return { text, bom, lines, entries, problems };
}

function parseAttr(text: string, l: XinetdLine, problems: XinetdProblem[]): XinetdAttr {
  const from = l.words![0].start;
  let p = from;
  while (p < l.end && !blank(text[p]) && text[p] !== '=') p++;
  const name: Tok = { start: from, end: p, text: text.slice(from, p) };
  const attr: XinetdAttr = { line: l.index, name, values: [], valueSpan: { start: p, end: p } };
  const bad = (code: XinetdProblemCode, message: string, span: Span = name) => {
    attr.bad = true;
    problems.push({ code, span, line: l.index, message });
  };
  if (text[p] === '=') {
    bad('no-space-before-op', `An attribute needs a blank before "=" (xinetd: "Attribute … needs a space before operator"): xinetd drops the whole service.`);
    return attr;
  }
  while (p < l.end && blank(text[p])) p++;
  let opEnd = p;
  if (text[p] === '=') opEnd = p + 1;
  else if ((text[p] === '+' || text[p] === '-') && text[p + 1] === '=') opEnd = p + 2;
  if (p >= l.end) {
    bad('no-value', 'Nothing after the attribute name: xinetd drops the whole service.');
    return attr;
  }
  if (opEnd === p) {
    bad('bad-operator', 'Bad operator after the attribute name (=, += or -=): xinetd drops the whole service.', { start: p, end: Math.min(l.end, p + 1) });
    return attr;
  }
  attr.op = { start: p, end: opEnd, text: text.slice(p, opEnd) };
  attr.values = splitWords(text, opEnd, l.end);
  attr.valueSpan = attr.values.length ? { start: attr.values[0].start, end: attr.values[attr.values.length - 1].end } : { start: opEnd, end: opEnd };
  if (SINGLE.has(name.text) && attr.values.length !== 1) {
    problems.push({
      code: 'extra-values',
      span: attr.values.length ? attr.valueSpan : name,
      line: l.index,
      message: `${name.text} takes exactly one value and ${attr.values.length} ${attr.values.length === 1 ? 'is' : 'are'} given${attr.values.some((v) => v.text.startsWith('#')) ? ' ("#" is not a comment after a value)' : ''}: xinetd ignores the whole line ("expects 1 values").`,
    });
  } else if (name.text === 'disable' && !['yes', 'no'].includes(attr.values[0].text)) {
    problems.push({ code: 'bad-value', span: attr.values[0], line: l.index, message: 'disable takes "yes" or "no" (lower case): with anything else xinetd reports "Bad value" and disables the service.' });
  }
  return attr;
}

/** The first attribute of a single-value name that xinetd applies (it ignores later ones and bad ones). */
export function firstAttr(e: XinetdEntry, name: string): XinetdAttr | undefined {
  return e.attrs.find((a) => a.name.text === name && !a.bad && a.op?.text === '=' && a.values.length === 1);
}

export function allAttrs(e: XinetdEntry, name: string): XinetdAttr[] {
  return e.attrs.filter((a) => a.name.text === name && !a.bad);
}

export interface XinetdPiece extends Span {
  type: 'bom' | 'ws' | 'comment' | 'word' | 'eol';
}

export function xinetdPieces(doc: XinetdDocument): XinetdPiece[] {
  const out: XinetdPiece[] = [];
  for (const l of doc.lines) {
    let p = l.start;
    const push = (type: XinetdPiece['type'], s: number, e: number) => {
      if (s > p) out.push({ start: p, end: s, type: 'ws' });
      out.push({ start: s, end: e, type });
      p = e;
    };
    if (l.index === 0 && doc.bom) push('bom', 0, 1);
    if (l.comment) push('comment', l.comment.start, l.comment.end);
    for (const w of l.words ?? []) if (w.start >= p) push('word', w.start, w.end);
    if (l.end > p) out.push({ start: p, end: l.end, type: 'ws' });
    if (l.eolEnd > l.end) out.push({ start: l.end, end: l.eolEnd, type: 'eol' });
  }
  return out;
}

export function printXinetd(doc: XinetdDocument): string {
  return xinetdPieces(doc).map((x) => doc.text.slice(x.start, x.end)).join('');
}
