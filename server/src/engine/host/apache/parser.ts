/**
 * Lossless parser of Apache httpd configuration files, following httpd 2.4's
 * `ap_cfg_getline` / `ap_build_config` / `ap_getword_conf`:
 *
 * - a backslash as the very last character before the line break (`\n` or `\r\n`) joins the next
 *   physical line (the backslash is removed, the next line's leading whitespace kept); a backslash
 *   followed by a space or tab is not a continuation; the last line of a file without a line
 *   break never continues;
 * - the joined line is trimmed; empty or starting with `#` is a comment (so a comment ending in a
 *   backslash swallows the next line); `#` anywhere else is an ordinary character;
 * - `<Name args>` opens a section (the arguments end at the last `>`; text after it is ignored),
 *   `</Name>` closes it; sections must nest properly or httpd refuses to start;
 * - arguments are split on whitespace; an argument starting with `"` or `'` runs to the matching
 *   unescaped quote (quotes removed, `\"` unescaped).
 *
 * Never throws. Every character of the input belongs to exactly one token of its physical line
 * (`printApache` gives the input back byte for byte).
 */
import type { Span, Tok } from '../../text';
import { physicalLine } from '../../text';
import type { CommentSpan, Syntax, SyntaxView } from '../../syntax';

export type ApTokenType = 'bom' | 'ws' | 'comment' | 'name' | 'arg' | 'punct' | 'cont' | 'text' | 'eol';

export interface ApToken extends Span {
  type: ApTokenType;
}

export interface ApPhysLine {
  index: number;
  start: number;
  /** End of the content (before `\n`). */
  end: number;
  eolEnd: number;
  tokens: ApToken[];
  /** The logical line this physical line is part of (undefined for blank lines). */
  item?: ApItem;
  /** A `\` followed only by spaces/tabs at the end of a non-comment line (not a continuation). */
  backslashSpace?: Span;
}

export interface ApArg extends Tok {
  quoted: boolean;
}

export type ApItemKind = 'comment' | 'directive' | 'open' | 'close';

/** One logical line (physical lines joined by continuations). */
export interface ApItem {
  kind: ApItemKind;
  /** First and last physical line. */
  line: number;
  lastLine: number;
  /** The trimmed logical content in the original text (may span several physical lines). */
  start: number;
  end: number;
  /** Directive name, or the section tag without `<`, `</`, `>`. */
  name: Tok;
  lname: string;
  args: ApArg[];
  /** The section this item is directly inside (the document's root for top-level items). */
  parent: ApSection;
  /** For `open`: the section it opens. */
  section?: ApSection;
}

export interface ApSection {
  /** Lower-case tag (`directory`, `virtualhost`, `ifmodule`, …); '' for the document root. */
  tag: string;
  /** The tag as written (`Directory`); '' for the document root. */
  name: string;
  open?: ApItem;
  close?: ApItem;
  parent?: ApSection;
  /** Directives and sections directly inside, in order. */
  children: ApNode[];
}

export type ApNode = { type: 'directive'; item: ApItem } | { type: 'section'; section: ApSection };

export type ApProblemCode = 'bom' | 'unclosed-section' | 'stray-close' | 'mismatched-close' | 'missing-gt' | 'empty-tag';

export interface ApProblem {
  code: ApProblemCode;
  line: number;
  span: Span;
  message: string;
  fatal: boolean;
}

export interface ApacheDocument {
  text: string;
  lines: ApPhysLine[];
  items: ApItem[];
  root: ApSection;
  /** Every `directive` item, in order. */
  directives: ApItem[];
  /** Every section except the root, in order of their opening tags. */
  sections: ApSection[];
  /** `Include` / `IncludeOptional` directives. */
  includes: ApItem[];
  problems: ApProblem[];
  bom: boolean;
  eol: string;
}

const SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);
const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.has(c);

// Character classes used to cut tokens.
// 0: whitespace (the default class of every character)
const C_COMMENT = 1;
const C_NAME = 2;
const C_ARG = 3;
const C_PUNCT = 4;
const C_CONT = 5;
const C_TEXT = 6;
const C_EOL = 7;
const C_BOM = 8;
const CLASS_TYPE: ApTokenType[] = ['ws', 'comment', 'name', 'arg', 'punct', 'cont', 'text', 'eol', 'bom'];

interface Joined {
  /** The logical text (continuations removed). */
  s: string;
  /** Original offset of each character of `s` (and of its end). */
  map: number[];
}

/** Splits a logical line into words the way `ap_getword_conf` does. */
function words(j: Joined, from: number): { start: number; end: number; text: string; quoted: boolean }[] {
  const out: { start: number; end: number; text: string; quoted: boolean }[] = [];
  const s = j.s;
  let i = from;
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    if (i >= s.length) break;
    const q = s[i];
    if (q === '"' || q === "'") {
      let k = i + 1;
      while (k < s.length && !(s[k] === q && s[k - 1] !== '\\')) k++;
      const inner = s.slice(i + 1, k).replace(new RegExp('\\\\' + q, 'g'), q);
      const end = k < s.length ? k + 1 : k;
      out.push({ start: i, end, text: inner, quoted: true });
      i = end;
    } else {
      let k = i;
      while (k < s.length && !isSpace(s[k])) k++;
      out.push({ start: i, end: k, text: s.slice(i, k), quoted: false });
      i = k;
    }
  }
  return out;
}

export function parseApache(text: string): ApacheDocument {
  const root: ApSection = { tag: '', name: '', children: [] };
  const doc: ApacheDocument = { text, lines: [], items: [], root, directives: [], sections: [], includes: [], problems: [], bom: false, eol: '\n' };
  const nl0 = text.indexOf('\n');
  if (nl0 > 0 && text[nl0 - 1] === '\r') doc.eol = '\r\n';
  const cls = new Uint8Array(text.length);
  // Physical lines.
  let pos = 0;
  do {
    const { end, eolEnd } = physicalLine(text, pos, false);
    doc.lines.push({ index: doc.lines.length, start: pos, end, eolEnd, tokens: [] });
    for (let k = end; k < eolEnd; k++) cls[k] = C_EOL;
    pos = eolEnd;
  } while (pos < text.length);
  if (text.charCodeAt(0) === 0xfeff) {
    doc.bom = true;
    cls[0] = C_BOM;
    doc.problems.push({ code: 'bom', line: 0, span: { start: 0, end: 1 }, message: 'the file starts with a UTF-8 byte-order mark, which httpd may read as part of the first directive', fatal: false });
  }
  const stack: ApSection[] = [root];
  let li = 0;
  while (li < doc.lines.length) {
    const first = li;
    // Join continuation lines.
    const j: Joined = { s: '', map: [] };
    for (;;) {
      const pl = doc.lines[li];
      const cStart = pl.index === 0 && doc.bom ? pl.start + 1 : pl.start;
      let cEnd = pl.end;
      const hasBreak = pl.eolEnd > pl.end;
      const crEnd = cEnd > cStart && text[cEnd - 1] === '\r' ? cEnd - 1 : cEnd;
      const continues = hasBreak && crEnd > cStart && text[crEnd - 1] === '\\' && li + 1 < doc.lines.length;
      if (continues) {
        cEnd = crEnd - 1;
        cls[crEnd - 1] = C_CONT;
        for (let k = crEnd; k < pl.end; k++) cls[k] = C_EOL; // the \r of a CRLF continuation
      }
      for (let k = cStart; k < cEnd; k++) {
        j.s += text[k];
        j.map.push(k);
      }
      if (!continues) {
        j.map.push(cEnd);
        break;
      }
      li++;
    }
    const last = li;
    li++;
    // Trim.
    let a = 0;
    let b = j.s.length;
    while (a < b && isSpace(j.s[a])) a++;
    while (b > a && isSpace(j.s[b - 1])) b--;
    if (a >= b) continue; // blank
    const orig = (k: number) => j.map[k];
    const spanOf = (s: number, e: number): Span => ({ start: orig(s), end: e > s ? orig(e - 1) + 1 : orig(s) });
    const markClass = (s: number, e: number, c: number) => {
      for (let k = s; k < e; k++) if (cls[orig(k)] !== C_CONT) cls[orig(k)] = c;
    };
    const parent = stack[stack.length - 1];
    const base = { line: first, lastLine: last, start: orig(a), end: orig(b - 1) + 1, parent };
    if (j.s[a] === '#') {
      markClass(a, b, C_COMMENT);
      const item: ApItem = { ...base, kind: 'comment', name: { start: orig(a), end: orig(a), text: '' }, lname: '', args: [] };
      doc.items.push(item);
      for (let k = first; k <= last; k++) doc.lines[k].item = item;
      continue;
    }
    // Backslash followed by blanks at the end of a physical line of this item: not a continuation.
    for (let k = first; k <= last; k++) {
      const pl = doc.lines[k];
      const m = /\\[ \t]+\r?$/.exec(text.slice(pl.start, pl.end));
      if (m) pl.backslashSpace = { start: pl.start + m.index, end: pl.start + m.index + m[0].replace(/\r$/, '').length };
    }
    const logical: Joined = { s: j.s.slice(0, b), map: j.map };
    if (j.s[a] === '<' && j.s[a + 1] === '/') {
      // Closing tag: </Name> (anything after the name is ignored by the section parser).
      let k = a + 2;
      while (k < b && !isSpace(j.s[k]) && j.s[k] !== '>') k++;
      const name: Tok = { ...spanOf(a + 2, k), text: j.s.slice(a + 2, k) };
      markClass(a, a + 2, C_PUNCT);
      markClass(a + 2, k, C_NAME);
      const gt = j.s.indexOf('>', k);
      if (gt >= 0 && gt < b) markClass(gt, gt + 1, C_PUNCT);
      markRest(logical, cls, k, b, gt);
      const item: ApItem = { ...base, kind: 'close', name, lname: name.text.toLowerCase(), args: [] };
      closeSection(doc, stack, item);
      item.parent = stack[stack.length - 1];
      doc.items.push(item);
      for (let q = first; q <= last; q++) doc.lines[q].item = item;
      continue;
    }
    if (j.s[a] === '<') {
      let k = a + 1;
      while (k < b && !isSpace(j.s[k]) && j.s[k] !== '>') k++;
      const name: Tok = { ...spanOf(a + 1, k), text: j.s.slice(a + 1, k) };
      markClass(a, a + 1, C_PUNCT);
      markClass(a + 1, k, C_NAME);
      const gt = logical.s.lastIndexOf('>', b - 1);
      const argEnd = gt >= k ? gt : b;
      if (gt < k) {
        doc.problems.push({ code: 'missing-gt', line: first, span: name.text ? name : spanOf(a, b), message: `<${tn(name.text)}> is missing its closing '>': httpd refuses to start`, fatal: true });
      } else markClass(gt, gt + 1, C_PUNCT);
      if (!name.text) doc.problems.push({ code: 'empty-tag', line: first, span: spanOf(a, b), message: "a '<' with no section name: httpd refuses to start", fatal: true });
      const argWords = words({ s: logical.s.slice(0, argEnd), map: logical.map }, k);
      const args = argWords.map((w) => {
        markClass(w.start, w.end, C_ARG);
        return { ...spanOf(w.start, w.end), text: w.text, quoted: w.quoted };
      });
      if (gt >= k) markRest(logical, cls, gt + 1, b, -1);
      const section: ApSection = { tag: name.text.toLowerCase(), name: name.text, parent, children: [] };
      const item: ApItem = { ...base, kind: 'open', name, lname: section.tag, args, section };
      section.open = item;
      parent.children.push({ type: 'section', section });
      doc.sections.push(section);
      stack.push(section);
      doc.items.push(item);
      for (let q = first; q <= last; q++) doc.lines[q].item = item;
      continue;
    }
    const w = words(logical, a);
    const name: Tok = { ...spanOf(w[0].start, w[0].end), text: w[0].text };
    markClass(w[0].start, w[0].end, C_NAME);
    const args = w.slice(1).map((x) => {
      markClass(x.start, x.end, C_ARG);
      return { ...spanOf(x.start, x.end), text: x.text, quoted: x.quoted };
    });
    const item: ApItem = { ...base, kind: 'directive', name, lname: name.text.toLowerCase(), args };
    parent.children.push({ type: 'directive', item });
    doc.items.push(item);
    doc.directives.push(item);
    if (item.lname === 'include' || item.lname === 'includeoptional') doc.includes.push(item);
    for (let q = first; q <= last; q++) doc.lines[q].item = item;
  }
  for (let k = stack.length - 1; k > 0; k--) {
    const s = stack[k];
    doc.problems.push({
      code: 'unclosed-section',
      line: s.open!.line,
      span: s.open!.name,
      message: `<${tn(s.open!.name.text)}> is never closed (no </${tn(s.open!.name.text)}>): httpd refuses to start`,
      fatal: true,
    });
  }
  // Cut tokens per physical line from the character classes.
  for (const pl of doc.lines) {
    let s = pl.start;
    while (s < pl.eolEnd) {
      const c = cls[s];
      let e = s + 1;
      while (e < pl.eolEnd && cls[e] === c) e++;
      pl.tokens.push({ type: CLASS_TYPE[c], start: s, end: e });
      s = e;
    }
  }
  return doc;
}

/** A section name for a message: only when it looks like one (never echo arbitrary text). */
function tn(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name) ? name : '…';
}

/** Text after a tag that httpd ignores: mark non-blank characters as `text`. */
function markRest(j: Joined, cls: Uint8Array, from: number, to: number, skip: number): void {
  for (let k = from; k < to; k++) {
    if (k === skip) continue;
    const o = j.map[k];
    if (cls[o] === C_CONT) continue;
    if (!isSpace(j.s[k])) cls[o] = C_TEXT;
  }
}

function closeSection(doc: ApacheDocument, stack: ApSection[], item: ApItem): void {
  const top = stack[stack.length - 1];
  if (stack.length > 1 && top.tag === item.lname) {
    top.close = item;
    stack.pop();
    return;
  }
  if (stack.length === 1) {
    doc.problems.push({ code: 'stray-close', line: item.line, span: item.name, message: `</${tn(item.name.text)}> without a matching <${tn(item.name.text)}>: httpd refuses to start`, fatal: true });
    return;
  }
  doc.problems.push({
    code: 'mismatched-close',
    line: item.line,
    span: item.name,
    message: `</${tn(item.name.text)}> closes <${tn(top.open!.name.text)}> (opened on line ${top.open!.line + 1}): httpd refuses to start ("Expected </${tn(top.open!.name.text)}> but saw </${tn(item.name.text)}>")`,
    fatal: true,
  });
  // Recover: close up to a matching ancestor when there is one.
  const at = stack.map((s) => s.tag).lastIndexOf(item.lname);
  if (at > 0) {
    stack[at].close = item;
    stack.length = at;
  }
}

export function printApache(doc: ApacheDocument): string {
  return doc.lines.map((l) => l.tokens.map((t) => doc.text.slice(t.start, t.end)).join('')).join('');
}

export function apacheView(doc: ApacheDocument): SyntaxView {
  const comments: CommentSpan[] = [];
  for (const it of doc.items) {
    if (it.kind !== 'comment' || it.line !== it.lastLine) continue;
    comments.push({ line: it.line, start: it.start, end: it.end });
  }
  return {
    lineStarts: doc.lines.map((l) => l.start),
    comments,
    isBlankOrComment: (i) => {
      const l = doc.lines[i];
      return l !== undefined && (!l.item || l.item.kind === 'comment');
    },
  };
}

export const apacheSyntax: Syntax<ApacheDocument> = {
  name: 'apache',
  commentLeader: '#',
  parse: (text) => parseApache(text),
  view: apacheView,
};
