/**
 * Minimal text edits on an Asterisk document: replace one value, insert one line into a
 * section (matching the section's indentation and `key = value` spacing), delete one line.
 * Nothing else of what the user wrote is touched.
 */
import type { TextEdit } from '../text';
import { ConfDocument, ConfLine, Entry, Section, findSection } from './parser';

export function replaceValue(entry: Entry, newValue: string): TextEdit {
  const v = entry.line.assign!.value;
  return { start: v.start, end: v.end, newText: newValue };
}

export function deleteLine(line: ConfLine): TextEdit {
  return { start: line.start, end: line.eolEnd, newText: '' };
}

/** `key = value` or `key=value`, as the section (or the file) already writes it. */
function styleOf(doc: ConfDocument, section: Section | undefined): { indent: string; sep: string } {
  const sample =
    section?.own.find((e) => e.op !== '+=') ?? doc.sections.flatMap((s) => s.own).find((e) => e.op !== '+=');
  if (!sample) return { indent: '', sep: '=' };
  const line = sample.line;
  const a = line.assign!;
  const indent = doc.text.slice(line.start, a.key.start).replace(/[^\t ]/g, '');
  const between = doc.text.slice(a.key.end, a.value.start);
  const sep = /^[\t ]+=/.test(between) || /=>?[\t ]+$/.test(between) ? ' = ' : '=';
  return { indent, sep };
}

/** Inserts text as whole line(s) after the given line. */
export function insertLinesAfter(doc: ConfDocument, line: ConfLine, lines: string[]): TextEdit {
  const body = lines.join(doc.eol);
  if (line.eolEnd === line.end) return { start: line.end, end: line.end, newText: doc.eol + body };
  return { start: line.eolEnd, end: line.eolEnd, newText: body + doc.eol };
}

/** Inserts text as whole line(s) before the given line. */
export function insertLinesBefore(doc: ConfDocument, line: ConfLine, lines: string[]): TextEdit {
  return { start: line.start, end: line.start, newText: lines.join(doc.eol) + doc.eol };
}

/** The last line of the section that holds a setting (or its header): new settings go after it. */
export function lastSettingLine(doc: ConfDocument, section: Section): ConfLine {
  for (let i = section.lastLine; i > section.header.index; i--) {
    const l = doc.lines[i];
    if (l.kind === 'assignment' || l.kind === 'directive') return l;
  }
  return section.header;
}

export function formatSetting(doc: ConfDocument, section: Section | undefined, key: string, value: string): string {
  const { indent, sep } = styleOf(doc, section);
  return `${indent}${key}${sep}${value}`;
}

/** Sets `key` in the section: replaces its last own value, or inserts a new line at the end of the section. */
export function setInSection(doc: ConfDocument, section: Section, key: string, value: string): TextEdit {
  const lkey = key.toLowerCase();
  for (let i = section.own.length - 1; i >= 0; i--) {
    if (section.own[i].lkey === lkey && section.own[i].op !== '+=') return replaceValue(section.own[i], value);
  }
  return insertLinesAfter(doc, lastSettingLine(doc, section), [formatSetting(doc, section, key, value)]);
}

/**
 * Sets `key` in the first `[general]` section, creating the section before the first
 * header (or at the end of an empty file) when there is none.
 */
export function setInGeneral(doc: ConfDocument, key: string, value: string): TextEdit {
  const general = findSection(doc, 'general');
  if (general) return setInSection(doc, general, key, value);
  // An included fragment (sip_general_custom.conf) holds [general]'s settings before any header.
  const lkey = key.toLowerCase();
  for (let i = doc.preamble.length - 1; i >= 0; i--) {
    if (doc.preamble[i].lkey === lkey && doc.preamble[i].op !== '+=') return replaceValue(doc.preamble[i], value);
  }
  const first = doc.sections[0];
  const lines = ['[general]', formatSetting(doc, undefined, key, value)];
  if (first) return insertLinesBefore(doc, first.header, [...lines, '']);
  const last = doc.lines[doc.lines.length - 1];
  if (last.end === last.start && last.eolEnd === last.end) return { start: last.start, end: last.start, newText: lines.join(doc.eol) + doc.eol };
  return insertLinesAfter(doc, last, lines);
}
