/**
 * Lossless parser of fail2ban jail files (`jail.conf`, `jail.local`, `jail.d/*.conf|*.local`),
 * following what fail2ban 1.0.2 does with each file (host-syntax.md §5.2): one Python 3
 * `configparser.ConfigParser` per file (`strict`, `inline_comment_prefixes=";"`,
 * `empty_lines_in_values`), as `_read` does it line by line:
 *
 * - a line whose stripped text starts with `#` or `;` is a comment (even inside a multi-line value);
 * - an inline comment is `;` at the start of the line or preceded by whitespace; `#` after a value
 *   is NOT a comment and neither is `;` glued to the value (`maxretry = 3 # three` is the value
 *   `3 # three`);
 * - a line indented deeper than the line that started the current option continues its value
 *   (even when it looks like `key = value` or `[section]`); blank lines inside a value are kept;
 * - `[name]`: the name is everything between the first `[` and the last `]` (Python's "very
 *   permissive" section pattern), case-sensitive and unstripped; `[DEFAULT]` feeds every section;
 * - `key = value` / `key: value`: the first `=` or `:` separates; keys are lower-cased and
 *   right-trimmed, values trimmed;
 * - fatal for the whole configuration: an option before any section, a line with no `=`/`:`, an
 *   empty key, a key twice in one section of one file, a section twice in one file (DEFAULT may
 *   repeat, its keys may not), and a byte order mark (Python reads with `utf-8`, not `utf-8-sig`).
 *
 * The parser never throws; {@link fail2banPieces} covers every character exactly once and
 * {@link printFail2ban} gives the input back byte for byte.
 */
import type { Span, Tok } from '../../text';
import { physicalLine } from '../../text';
import { JAIL_OPTIONS, optionLabel, sectionLabel } from './vocabulary';

export { JAIL_OPTIONS } from './vocabulary';

export type F2bProblemCode =
  | 'bom'
  | 'no-section'
  | 'no-delimiter'
  | 'empty-key'
  | 'duplicate-key'
  | 'duplicate-section'
  | 'indented-line';

export interface F2bProblem {
  code: F2bProblemCode;
  span: Span;
  line: number;
  message: string;
  /** True when fail2ban rejects the whole configuration (it does not start). */
  fatal: boolean;
  /** For duplicates: the earlier definition. */
  first?: F2bEntry | F2bSection;
}

export type F2bLineKind = 'blank' | 'comment' | 'section' | 'option' | 'continuation' | 'invalid';

export interface F2bLine {
  index: number;
  start: number;
  /** Just past the content, before `\r\n` or `\n`. */
  end: number;
  eolEnd: number;
  kind: F2bLineKind;
  /** Offset of the first non-blank character (the indentation fail2ban compares). */
  indent: number;
  /** A full-line comment, or the inline `;` comment after a value. */
  comment?: Span;
  /** The value text on this line (option and continuation lines), trimmed, before any comment. */
  value?: Tok;
  section?: F2bSection;
  entry?: F2bEntry;
}

export interface F2bSection {
  /** The name exactly as fail2ban sees it (case and inner spaces kept). */
  name: string;
  nameSpan: Span;
  /** `[` … `]` */
  header: Span;
  line: number;
  entries: F2bEntry[];
  /** Last line that belongs to the section (before the next header or the end of file). */
  lastLine: number;
}

export interface F2bEntry {
  /** The key as written. */
  key: Tok;
  /** Lower-cased key (configparser's optionxform). */
  name: string;
  delimiter: Span;
  /** The value on the key's own line (may be empty, then a zero-length span after the delimiter). */
  first: Tok;
  /** Every non-empty value piece: the first line's (when not empty) and each continuation line's. */
  parts: Tok[];
  /** The value as fail2ban gets it: pieces joined with newlines, blank lines kept, right-trimmed. */
  value: string;
  line: number;
  lastLine: number;
  section: F2bSection;
}

export interface F2bDocument {
  text: string;
  bom?: Span;
  lines: F2bLine[];
  sections: F2bSection[];
  entries: F2bEntry[];
  problems: F2bProblem[];
  /** True when fail2ban would refuse the file (and with it, the whole configuration). */
  fatal: boolean;
}

/** Python's str.isspace for one UTF-16 unit (the BOM U+FEFF is not a space). */
export function pySpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && pySpace(text.charCodeAt(start))) start++;
  while (end > start && pySpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const tok = (text: string, s: Span): Tok => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });


export function parseFail2ban(text: string): F2bDocument {
  try {
    return parseInner(text);
  } catch {
    const line: F2bLine = { index: 0, start: 0, end: text.length, eolEnd: text.length, kind: 'invalid', indent: 0 };
    return { text, lines: [line], sections: [], entries: [], problems: [], fatal: true };
  }
}

function parseInner(text: string): F2bDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
  const lines: F2bLine[] = [];
  const sections: F2bSection[] = [];
  const entries: F2bEntry[] = [];
  const problems: F2bProblem[] = [];
  const problem = (p: Omit<F2bProblem, 'fatal'>, fatal = true) => problems.push({ ...p, fatal });
  if (bom) {
    problem({ code: 'bom', span: bom, line: 0, message: 'The file starts with a byte order mark: fail2ban reads it as text before the first section ("File contains no section headers") and refuses to start.' });
  }

  let cursect: F2bSection | undefined;
  let curEntry: F2bEntry | undefined;
  let indentLevel = 0;
  let pendingBlank = 0;
  const seenSections = new Map<string, F2bSection>();
  const seenKeys = new Map<string, F2bEntry>();

  let pos = 0;
  let index = 0;
  do {
    const { end, eolEnd } = physicalLine(text, pos, true);
    const from = index === 0 && bom ? 1 : pos;
    const line: F2bLine = { index, start: pos, end, eolEnd, kind: 'blank', indent: from };
    lines.push(line);
    pos = eolEnd;
    index++;

    const body = trimSpan(text, from, end);
    line.indent = body.start;
    if (body.start >= body.end) {
      // A blank line: kept inside the current value (it matters only when a continuation follows).
      if (curEntry) pendingBlank++;
      continue;
    }
    const c0 = text[body.start];
    if (c0 === '#' || c0 === ';') {
      line.kind = 'comment';
      line.comment = { start: body.start, end };
      continue;
    }
    // Inline comment: `;` preceded by whitespace.
    let commentAt = -1;
    for (let i = text.indexOf(';', from); i >= 0 && i < end; i = text.indexOf(';', i + 1)) {
      if (i === from || pySpace(text.charCodeAt(i - 1))) {
        commentAt = i;
        break;
      }
    }
    const valueEnd = commentAt >= 0 ? commentAt : end;
    if (commentAt >= 0) line.comment = { start: commentAt, end };
    const v = trimSpan(text, from, valueEnd);
    if (v.start >= v.end) continue; // only a comment after blanks (cannot happen: handled above)

    if (cursect && curEntry && v.start - from > indentLevel) {
      // Continuation of the current option's value.
      line.kind = 'continuation';
      line.section = cursect;
      line.entry = curEntry;
      const piece = tok(text, v);
      line.value = piece;
      for (; pendingBlank > 0; pendingBlank--) curEntry.value += '\n';
      curEntry.value += '\n' + piece.text;
      curEntry.parts.push(piece);
      curEntry.lastLine = line.index;
      const looksLike = /^([A-Za-z_][\w.]*)\s*[=:]/.exec(piece.text);
      if (looksLike && JAIL_OPTIONS.has(looksLike[1].toLowerCase())) {
        problem({ code: 'indented-line', span: v, line: line.index, message: `This indented line continues the value of ${optionLabel(curEntry.name)} (fail2ban reads it as part of that value, not as the option ${looksLike[1].toLowerCase()}): remove the indentation.` }, false);
      } else if (/^\[[^\]]+\]$/.test(piece.text)) {
        problem({ code: 'indented-line', span: v, line: line.index, message: `This indented section header continues the value of ${optionLabel(curEntry.name)}: fail2ban does not start a new section here. Remove the indentation.` }, false);
      }
      continue;
    }
    pendingBlank = 0;
    indentLevel = v.start - from;
    const valueText = text.slice(v.start, v.end);

    // Section header: `[` + at least one character + the last `]`.
    const close = valueText.lastIndexOf(']');
    if (valueText[0] === '[' && close >= 2) {
      const nameSpan = { start: v.start + 1, end: v.start + close };
      const name = text.slice(nameSpan.start, nameSpan.end);
      const section: F2bSection = { name, nameSpan, header: { start: v.start, end: v.start + close + 1 }, line: line.index, entries: [], lastLine: line.index };
      if (cursect) cursect.lastLine = line.index - 1;
      line.kind = 'section';
      line.section = section;
      const prev = seenSections.get(name);
      if (prev && name !== 'DEFAULT') {
        problem({ code: 'duplicate-section', span: nameSpan, line: line.index, message: `${sectionLabel(name) === 'this section' ? 'This section' : `Section ${sectionLabel(name)}`} already exists on line ${prev.line + 1}: fail2ban rejects the whole configuration ("section … already exists") and does not start.`, first: prev });
      } else if (!prev) {
        seenSections.set(name, section);
      }
      sections.push(section);
      cursect = section;
      curEntry = undefined;
      continue;
    }
    if (!cursect) {
      line.kind = 'invalid';
      problem({ code: 'no-section', span: v, line: line.index, message: 'A line before the first [section]: fail2ban rejects the file ("File contains no section headers") and does not start.' });
      continue;
    }
    line.section = cursect;
    const eq = valueText.indexOf('=');
    const colon = valueText.indexOf(':');
    const d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (d < 0) {
      line.kind = 'invalid';
      problem({ code: 'no-delimiter', span: v, line: line.index, message: 'This line has no "=" or ":" (it is neither "key = value" nor a [section]): fail2ban rejects the whole configuration (a parsing error) and does not start.' });
      continue;
    }
    const keySpan = trimSpan(text, v.start, v.start + d);
    const delimiter = { start: v.start + d, end: v.start + d + 1 };
    const valSpan = trimSpan(text, delimiter.end, v.end);
    const first = valSpan.start < valSpan.end ? tok(text, valSpan) : { start: delimiter.end, end: delimiter.end, text: '' };
    if (keySpan.start >= keySpan.end) {
      line.kind = 'invalid';
      problem({ code: 'empty-key', span: v, line: line.index, message: 'A value with no option name before the "=": fail2ban rejects the whole configuration and does not start.' });
      continue;
    }
    const key = tok(text, keySpan);
    const entry: F2bEntry = { key, name: key.text.toLowerCase(), delimiter, first, parts: first.text ? [first] : [], value: first.text, line: line.index, lastLine: line.index, section: cursect };
    line.kind = 'option';
    line.entry = entry;
    line.value = first;
    const dupKey = `${cursect.name}\u0000${entry.name}`;
    const prevEntry = seenKeys.get(dupKey);
    if (prevEntry) {
      problem({ code: 'duplicate-key', span: key, line: line.index, message: `${optionLabel(entry.name) === 'this option' ? 'This option' : entry.name} is already set in ${sectionLabel(cursect.name)} on line ${prevEntry.line + 1} of this file: fail2ban rejects the whole configuration ("option … already exists") and does not start.`, first: prevEntry });
    }
    seenKeys.set(dupKey, entry);
    cursect.entries.push(entry);
    entries.push(entry);
    curEntry = entry;
  } while (pos < text.length);
  if (cursect) cursect.lastLine = lines.length - 1;
  for (const e of entries) e.value = e.value.replace(/\s+$/, '');
  return { text, bom, lines, sections, entries, problems, fatal: problems.some((p) => p.fatal) };
}

export interface F2bPiece extends Span {
  type: 'bom' | 'ws' | 'comment' | 'header' | 'key' | 'delimiter' | 'value' | 'text' | 'eol';
}

/** Every character of the document in exactly one piece, in order. */
export function fail2banPieces(doc: F2bDocument): F2bPiece[] {
  const out: F2bPiece[] = [];
  for (const line of doc.lines) {
    const marks: F2bPiece[] = [];
    if (line.index === 0 && doc.bom) marks.push({ ...doc.bom, type: 'bom' });
    if (line.kind === 'section' && line.section) marks.push({ ...line.section.header, type: 'header' });
    if (line.kind === 'option' && line.entry) {
      marks.push({ ...line.entry.key, type: 'key' }, { ...line.entry.delimiter, type: 'delimiter' });
      if (line.entry.first.end > line.entry.first.start) marks.push({ start: line.entry.first.start, end: line.entry.first.end, type: 'value' });
    }
    if (line.kind === 'continuation' && line.value) marks.push({ start: line.value.start, end: line.value.end, type: 'value' });
    if (line.comment) marks.push({ ...line.comment, type: 'comment' });
    marks.sort((a, b) => a.start - b.start);
    let p = line.start;
    for (const m of marks) {
      if (m.start > p) out.push({ start: p, end: m.start, type: /^\s*$/.test(doc.text.slice(p, m.start)) ? 'ws' : 'text' });
      out.push(m);
      p = m.end;
    }
    if (line.end > p) out.push({ start: p, end: line.end, type: /^\s*$/.test(doc.text.slice(p, line.end)) ? 'ws' : 'text' });
    if (line.eolEnd > line.end) out.push({ start: line.end, end: line.eolEnd, type: 'eol' });
  }
  return out;
}

export function printFail2ban(doc: F2bDocument): string {
  return fail2banPieces(doc)
    .map((p) => doc.text.slice(p.start, p.end))
    .join('');
}
