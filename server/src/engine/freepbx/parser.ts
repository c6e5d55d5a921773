/**
 * Lossless parser for FreePBX's own settings files:
 *
 * - `amportal.conf`: `KEY=value` lines, `#` comments. Two programs read it: the `amportal`
 *   shell script sources it (shell quoting, `#` starts a comment at the start of a word) and
 *   FreePBX's PHP `parse_amportal_conf()` takes lines matching
 *   `^\s*([a-zA-Z0-9_]+)=([a-zA-Z0-9 .&-@=_!<>"']+)\s*$` with the value as written (quotes
 *   kept, and a line with a `#` comment after the value is skipped). Values are decoded the
 *   shell's way; {@link FpSetting.phpReadable} says whether the PHP reader takes the line.
 * - `freepbx.conf`: PHP, `$amp_conf['AMPDBPASS'] = 'secret';` inside `<?php … ?>`.
 *
 * The form is chosen by content: a file with a PHP open tag is PHP. Every character of the
 * input belongs to exactly one token ({@link FreepbxDocument.tokens}, contiguous and in order),
 * so {@link printFreepbx} gives the input back byte for byte. The parser never throws.
 */
import type { Span, Tok } from '../text';
import type { CommentSpan } from '../syntax';
import { lineAt } from '../syntax';

export type FpTokenKind =
  | 'bom'
  | 'whitespace'
  | 'eol'
  | 'comment'
  /** `export` before a shell assignment. */
  | 'keyword'
  | 'key'
  | 'operator'
  /** A shell value word (quotes included). */
  | 'value'
  /** Text that is not a setting (a shell command, text after a value). */
  | 'text'
  /** Outside `<?php … ?>`: sent to the output as is. */
  | 'html'
  | 'php-open'
  | 'php-close'
  | 'variable'
  | 'string'
  | 'identifier'
  | 'number'
  | 'punctuation';

export interface FpToken extends Span {
  kind: FpTokenKind;
}

export interface FpSetting {
  /** The setting name as written (`AMPDBPASS`), without quotes for PHP keys. */
  key: Tok;
  /** The value as written: the shell word or the PHP string literal, quotes included. */
  raw: Span;
  /**
   * What the reader gets: the shell word unquoted, the PHP literal unescaped. Undefined when
   * it depends on something else (`$VAR`, `` `cmd` ``, `"$x"`, an expression) or is unterminated.
   */
  value: string | undefined;
  /** The quote character around the whole value, or '' (bare shell word, PHP non-string). */
  quote: '"' | "'" | '';
  /** 0-based physical line of the key. */
  line: number;
  form: 'shell' | 'php';
  /** Shell form: FreePBX's PHP reader takes this line (see the module comment). */
  phpReadable?: boolean;
}

export interface FpProblem {
  span: Span;
  line: number;
  message: string;
}

export interface FreepbxDocument {
  text: string;
  form: 'shell' | 'php';
  tokens: FpToken[];
  /** Offsets of the start of every physical line (split on `\n`). */
  lineStarts: number[];
  settings: FpSetting[];
  comments: CommentSpan[];
  problems: FpProblem[];
  /** Per physical line: nothing but whitespace and comments. */
  blankOrComment: boolean[];
  eol: '\n' | '\r\n';
}

/** FreePBX's own regular expression for amportal.conf lines (admin/libraries). */
const PHP_AMPORTAL_LINE = /^\s*([a-zA-Z0-9_]+)=([a-zA-Z0-9 .&-@=_!<>"']+)\s*$/;

/** True for a text that is PHP (freepbx.conf) rather than shell assignments (amportal.conf). */
export function looksLikePhp(text: string): boolean {
  return /<\?php(?![A-Za-z0-9_])/i.test(text) || /^\ufeff?\s*<\?/.test(text);
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Parses amportal.conf or freepbx.conf. Never throws. */
export function parseFreepbx(text: string): FreepbxDocument {
  const lineStarts = computeLineStarts(text);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const doc: FreepbxDocument = {
    text,
    form: looksLikePhp(text) ? 'php' : 'shell',
    tokens: [],
    lineStarts,
    settings: [],
    comments: [],
    problems: [],
    blankOrComment: [],
    eol: crlf > lf ? '\r\n' : '\n',
  };
  try {
    if (doc.form === 'php') lexPhp(doc);
    else lexShell(doc);
    finish(doc);
  } catch {
    // Defensive: a bug here must not take the linter down. Keep the file as one text token.
    doc.tokens = text.length ? [{ kind: 'text', start: 0, end: text.length }] : [];
    doc.settings = [];
    doc.comments = [];
    doc.problems = [{ span: { start: 0, end: 0 }, line: 0, message: 'pbxlint could not parse this file' }];
    doc.blankOrComment = lineStarts.map(() => false);
  }
  return doc;
}

/** Prints the document from its tokens: equal to the input, byte for byte. */
export function printFreepbx(doc: FreepbxDocument): string {
  let out = '';
  for (const t of doc.tokens) out += doc.text.slice(t.start, t.end);
  return out;
}

function push(doc: FreepbxDocument, kind: FpTokenKind, start: number, end: number): void {
  if (end <= start) return;
  const last = doc.tokens[doc.tokens.length - 1];
  // Adjacent whitespace/html/text pieces merge; everything else stays one token each.
  if (last && last.end === start && last.kind === kind && (kind === 'whitespace' || kind === 'text' || kind === 'html')) {
    last.end = end;
    return;
  }
  doc.tokens.push({ kind, start, end });
}

function finish(doc: FreepbxDocument): void {
  const lines = doc.lineStarts.length;
  const significant = new Array<boolean>(lines).fill(false);
  for (const t of doc.tokens) {
    if (t.kind === 'comment') {
      doc.comments.push({ line: lineAt(doc.lineStarts, t.start), start: t.start, end: t.end });
      continue;
    }
    if (t.kind === 'whitespace' || t.kind === 'eol' || t.kind === 'bom') continue;
    if (t.kind === 'html' && /^\s*$/.test(doc.text.slice(t.start, t.end))) continue;
    const a = lineAt(doc.lineStarts, t.start);
    const b = lineAt(doc.lineStarts, Math.max(t.start, t.end - 1));
    for (let i = a; i <= b; i++) significant[i] = true;
  }
  doc.blankOrComment = significant.map((s) => !s);
}

// ---------------------------------------------------------------------------------------
// Shell form (amportal.conf)

const isBlankChar = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

function lexShell(doc: FreepbxDocument): void {
  const text = doc.text;
  let pos = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    push(doc, 'bom', 0, 1);
    pos = 1;
  }
  for (let li = 0; li < doc.lineStarts.length; li++) {
    const lineStart = li === 0 ? pos : doc.lineStarts[li];
    const nl = li + 1 < doc.lineStarts.length ? doc.lineStarts[li + 1] - 1 : text.length;
    const end = nl > lineStart && text[nl - 1] === '\r' && nl < text.length ? nl - 1 : nl;
    shellLine(doc, li, lineStart, end);
    if (nl < text.length) push(doc, 'eol', end, nl + 1);
  }
}

function shellLine(doc: FreepbxDocument, li: number, start: number, end: number): void {
  const text = doc.text;
  let p = start;
  while (p < end && isBlankChar(text[p])) p++;
  push(doc, 'whitespace', start, p);
  if (p >= end) return;
  if (text[p] === '#') {
    push(doc, 'comment', p, end);
    return;
  }
  let keyStart = p;
  const exp = /^export[ \t]+/.exec(text.slice(p, Math.min(end, p + 64)));
  if (exp) {
    push(doc, 'keyword', p, p + 6);
    push(doc, 'whitespace', p + 6, p + exp[0].length);
    keyStart = p + exp[0].length;
  }
  let k = keyStart;
  while (k < end && /[A-Za-z0-9_]/.test(text[k])) k++;
  if (k === keyStart || k >= end || text[k] !== '=') {
    // Not an assignment: a command, or junk. Keep it whole (up to a comment).
    restOfLine(doc, keyStart, end, keyStart);
    return;
  }
  push(doc, 'key', keyStart, k);
  push(doc, 'operator', k, k + 1);
  const word = shellWord(text, k + 1, end);
  push(doc, 'value', k + 1, word.end);
  if (word.unterminated) {
    doc.problems.push({
      span: { start: k + 1, end: word.end },
      line: li,
      message: `The quote in the value of ${text.slice(keyStart, k)} is not closed on this line: the shell would read the following lines into it`,
    });
  }
  const rawLine = text.slice(start, end);
  const php = PHP_AMPORTAL_LINE.exec(rawLine);
  doc.settings.push({
    key: { start: keyStart, end: k, text: text.slice(keyStart, k) },
    raw: { start: k + 1, end: word.end },
    value: word.unterminated ? undefined : word.value,
    quote: word.quote,
    line: li,
    form: 'shell',
    phpReadable: !!php && !exp,
  });
  restOfLine(doc, word.end, end, -1);
}

/** Whitespace, then a `#` comment or text, to the end of the line. */
function restOfLine(doc: FreepbxDocument, from: number, end: number, textStart: number): void {
  const text = doc.text;
  let p = from;
  while (p < end) {
    if (isBlankChar(text[p])) {
      let q = p;
      while (q < end && isBlankChar(text[q])) q++;
      push(doc, 'whitespace', p, q);
      p = q;
      continue;
    }
    // `#` starts a comment at the start of a word (after whitespace, or at the line start).
    if (text[p] === '#' && (p === textStart || p === from || isBlankChar(text[p - 1]))) {
      push(doc, 'comment', p, end);
      return;
    }
    let q = p;
    while (q < end && !isBlankChar(text[q])) {
      if (text[q] === "'" || text[q] === '"' || text[q] === '\\') {
        q = shellWord(text, q, end).end;
        break;
      }
      q++;
    }
    push(doc, 'text', p, Math.max(q, p + 1));
    p = Math.max(q, p + 1);
  }
}

interface ShellWord {
  end: number;
  value: string | undefined;
  quote: '"' | "'" | '';
  unterminated: boolean;
}

/** One shell word starting at `p`: quotes, backslash escapes; `$`/backticks make it dynamic. */
function shellWord(text: string, p: number, end: number): ShellWord {
  let value = '';
  let dynamic = false;
  let unterminated = false;
  const start = p;
  const quotes: string[] = [];
  while (p < end && !isBlankChar(text[p])) {
    const c = text[p];
    if (c === "'") {
      quotes.push("'");
      const close = text.indexOf("'", p + 1);
      if (close < 0 || close >= end) {
        unterminated = true;
        p = end;
        break;
      }
      value += text.slice(p + 1, close);
      p = close + 1;
    } else if (c === '"') {
      quotes.push('"');
      let q = p + 1;
      let closed = false;
      while (q < end) {
        const d = text[q];
        if (d === '\\' && q + 1 < end && '$`"\\'.includes(text[q + 1])) {
          value += text[q + 1];
          q += 2;
        } else if (d === '"') {
          closed = true;
          break;
        } else {
          if (d === '$' || d === '`') dynamic = true;
          value += d;
          q++;
        }
      }
      if (!closed) {
        unterminated = true;
        p = end;
        break;
      }
      p = q + 1;
    } else if (c === '\\') {
      quotes.push('\\');
      if (p + 1 < end) value += text[p + 1];
      p += 2;
    } else {
      if (c === '$' || c === '`') dynamic = true;
      quotes.push('');
      value += c;
      p++;
    }
  }
  p = Math.min(p, end);
  const whole = quotes.length > 0 && quotes.every((q) => q === quotes[0]) && (quotes[0] === "'" || quotes[0] === '"') ? quotes[0] : '';
  const singleQuoted = whole !== '' && quotes.length === 1;
  return {
    end: Math.max(p, start),
    value: dynamic ? undefined : value,
    quote: singleQuoted ? (whole as '"' | "'") : '',
    unterminated,
  };
}

// ---------------------------------------------------------------------------------------
// PHP form (freepbx.conf)

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_CHAR = /[A-Za-z0-9_\u0080-\uffff]/;

function lexPhp(doc: FreepbxDocument): void {
  const text = doc.text;
  const len = text.length;
  let p = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    push(doc, 'bom', 0, 1);
    p = 1;
  }
  let inPhp = false;
  while (p < len) {
    if (!inPhp) {
      const open = findOpenTag(text, p);
      if (!open) {
        push(doc, 'html', p, len);
        break;
      }
      push(doc, 'html', p, open.start);
      push(doc, 'php-open', open.start, open.end);
      p = open.end;
      inPhp = true;
      continue;
    }
    const c = text[p];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') {
      let q = p;
      while (q < len && /[ \t\r\n\f\v]/.test(text[q])) q++;
      push(doc, 'whitespace', p, q);
      p = q;
    } else if (c === '?' && text[p + 1] === '>') {
      push(doc, 'php-close', p, p + 2);
      p += 2;
      inPhp = false;
    } else if (c === '#' || (c === '/' && text[p + 1] === '/')) {
      let q = p;
      while (q < len && text[q] !== '\n' && !(text[q] === '?' && text[q + 1] === '>')) q++;
      if (q > p && text[q - 1] === '\r' && text[q] === '\n') q--;
      push(doc, 'comment', p, q);
      p = q;
    } else if (c === '/' && text[p + 1] === '*') {
      const close = text.indexOf('*/', p + 2);
      const q = close < 0 ? len : close + 2;
      if (close < 0) doc.problems.push({ span: { start: p, end: q }, line: lineAt(doc.lineStarts, p), message: 'Unterminated /* comment' });
      // One comment token per physical line, so suppressions and line views stay exact.
      splitByLine(doc, 'comment', p, q);
      p = q;
    } else if (c === "'" || c === '"' || c === '`') {
      const q = stringEnd(text, p, c);
      if (q < 0) {
        doc.problems.push({ span: { start: p, end: len }, line: lineAt(doc.lineStarts, p), message: 'Unterminated string' });
        push(doc, 'string', p, len);
        p = len;
      } else {
        push(doc, 'string', p, q);
        p = q;
      }
    } else if (c === '<' && text.startsWith('<<<', p)) {
      const q = heredocEnd(text, p);
      push(doc, 'string', p, q);
      p = q;
    } else if (c === '$' && p + 1 < len && IDENT_START.test(text[p + 1])) {
      let q = p + 2;
      while (q < len && IDENT_CHAR.test(text[q])) q++;
      push(doc, 'variable', p, q);
      p = q;
    } else if (IDENT_START.test(c)) {
      let q = p + 1;
      while (q < len && IDENT_CHAR.test(text[q])) q++;
      push(doc, 'identifier', p, q);
      p = q;
    } else if (/[0-9]/.test(c)) {
      let q = p + 1;
      while (q < len && /[0-9A-Za-z_.]/.test(text[q])) q++;
      push(doc, 'number', p, q);
      p = q;
    } else {
      // Keep surrogate pairs whole.
      const w = c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && p + 1 < len ? 2 : 1;
      push(doc, 'punctuation', p, p + w);
      p += w;
    }
  }
  phpSettings(doc);
}

function splitByLine(doc: FreepbxDocument, kind: FpTokenKind, start: number, end: number): void {
  let p = start;
  while (p < end) {
    const nl = doc.text.indexOf('\n', p);
    const q = nl < 0 || nl + 1 > end ? end : nl + 1;
    doc.tokens.push({ kind, start: p, end: q });
    p = q;
  }
}

function findOpenTag(text: string, from: number): { start: number; end: number } | undefined {
  let i = text.indexOf('<?', from);
  while (i >= 0) {
    const rest = text.slice(i, i + 6);
    if (/^<\?php$/i.test(rest.slice(0, 5)) && (i + 5 >= text.length || /\s/.test(text[i + 5]))) {
      const end = i + 5 < text.length ? i + 6 : i + 5;
      // `<?php` takes one whitespace character with it (CRLF counts as one).
      return { start: i, end: text[i + 5] === '\r' && text[i + 6] === '\n' ? i + 7 : end };
    }
    if (rest.startsWith('<?=')) return { start: i, end: i + 3 };
    if (!/^<\?xml/i.test(rest.slice(0, 5))) return { start: i, end: i + 2 };
    i = text.indexOf('<?', i + 2);
  }
  return undefined;
}

/** Offset just past the closing quote, or -1 when the string is not closed. */
function stringEnd(text: string, p: number, quote: string): number {
  let q = p + 1;
  while (q < text.length) {
    const c = text[q];
    if (c === '\\') q += 2;
    else if (c === quote) return q + 1;
    else q++;
  }
  return -1;
}

function heredocEnd(text: string, p: number): number {
  const m = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(text.slice(p, p + 200));
  if (!m) return p + 3;
  const id = m[2];
  const re = new RegExp(`\\n[ \\t]*${id}(?![A-Za-z0-9_])`, 'g');
  re.lastIndex = p + m[0].length - 1;
  const close = re.exec(text);
  return close ? close.index + close[0].length : text.length;
}

/** The value of a PHP string literal, or undefined when it interpolates variables. */
export function phpStringValue(literal: string): string | undefined {
  const q = literal[0];
  const body = literal.slice(1, -1);
  if (q === "'") return body.replace(/\\([\\'])/g, '$1');
  if (q !== '"') return undefined;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '$' && i + 1 < body.length && (IDENT_START.test(body[i + 1]) || body[i + 1] === '{')) return undefined;
    if (c === '{' && body[i + 1] === '$') return undefined;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const d = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"' };
    if (d in simple) out += simple[d];
    else if (/[0-7]/.test(d)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else if (d === 'x' && /[0-9A-Fa-f]/.test(body[i + 1] ?? '')) {
      const m = /^[0-9A-Fa-f]{1,2}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else if (d === 'u' && body[i + 1] === '{') {
      const close = body.indexOf('}', i);
      const cp = close > 0 ? parseInt(body.slice(i + 2, close), 16) : NaN;
      if (!Number.isFinite(cp) || cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i = close;
    } else out += `\\${d}`;
  }
  return out;
}

/** `$amp_conf['KEY'] = 'value';` statements. */
function phpSettings(doc: FreepbxDocument): void {
  const text = doc.text;
  const sig = doc.tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'comment');
  const str = (t: FpToken) => text.slice(t.start, t.end);
  for (let i = 0; i + 5 < sig.length; i++) {
    const [v, ob, k, cb, eq, val] = sig.slice(i, i + 6);
    if (v.kind !== 'variable' || str(v) !== '$amp_conf') continue;
    if (str(ob) !== '[' || k.kind !== 'string' || str(cb) !== ']' || str(eq) !== '=') continue;
    const keyText = phpStringValue(str(k));
    if (keyText === undefined) continue;
    const after = sig[i + 6];
    const ends = !after || str(after) === ';' || after.kind === 'php-close';
    const literal = val.kind === 'string' && (str(val)[0] === "'" || str(val)[0] === '"') && str(val).length >= 2 && str(val).endsWith(str(val)[0]);
    doc.settings.push({
      key: { start: k.start + 1, end: k.end - 1, text: keyText },
      raw: { start: val.start, end: val.end },
      value: literal && ends ? phpStringValue(str(val)) : undefined,
      quote: literal ? (str(val)[0] as '"' | "'") : '',
      line: lineAt(doc.lineStarts, k.start),
      form: 'php',
    });
  }
}
