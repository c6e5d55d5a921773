/** Edits and small helpers the mysql rules share (minimal edits on a parsed option file). */
import type { Fix, FixSafety } from '../../rule';
import type { Span, TextEdit } from '../../text';
import type { MyCnfDocument, MyGroup, MyLine } from '../../host/mycnf/parser';
import { shown, type MyOption } from '../../host/mycnf/model';

export function replaceSpan(span: Span, newText: string): TextEdit {
  return { start: span.start, end: span.end, newText };
}

/** Deletes a whole line, its line break included. */
export function deleteLine(line: MyLine): TextEdit {
  return { start: line.start, end: line.eolEnd, newText: '' };
}

export function insertAfter(doc: MyCnfDocument, line: MyLine, text: string): TextEdit {
  if (line.eolEnd === line.end) return { start: line.end, end: line.end, newText: doc.eol + text };
  return { start: line.eolEnd, end: line.eolEnd, newText: text + doc.eol };
}

export function insertBefore(doc: MyCnfDocument, line: MyLine, text: string): TextEdit {
  return { start: line.start, end: line.start, newText: text + doc.eol };
}

/** `name = value` as the group (or file) already writes options: indentation and spacing around `=`. */
export function formatOption(doc: MyCnfDocument, group: MyGroup | undefined, name: string, value: string): string {
  const sample = (group?.lines ?? []).find((l) => l.option?.eq) ?? doc.lines.find((l) => l.option?.eq);
  if (!sample || !sample.option?.eq) return `${name} = ${value}`;
  const indent = doc.text.slice(sample.start, sample.option.name.start).replace(/[^\t ]/g, '');
  const spaced = sample.option.eq.start > sample.option.name.end || (sample.option.value && sample.option.value.start > sample.option.eq.end);
  return `${indent}${name}${spaced ? ' = ' : '='}${value}`;
}

/** Inserts an option at the end of a group (after its last option line, or after the header). */
export function insertInGroup(doc: MyCnfDocument, group: MyGroup, name: string, value?: string): TextEdit {
  let last = group.header;
  for (const l of group.lines) if (l.kind === 'option' || l.kind === 'directive') last = l;
  const text = value === undefined ? `${formatOption(doc, group, name, '').replace(/\s*=\s*$/, '')}` : formatOption(doc, group, name, value);
  return insertAfter(doc, last, text);
}

/** The user's spelling style for a canonical dashed name (`local_infile` if they write underscores). */
export function styled(written: string, canonical: string): string {
  return written.includes('_') && !written.includes('-') ? canonical.replace(/-/g, '_') : canonical;
}

/**
 * Sets a boolean option line to OFF with the smallest edit: replace the value, or add ` = 0`
 * to a bare name. Prefixed or abbreviated spellings are rewritten as the plain name.
 */
export function setBoolOff(o: MyOption): TextEdit {
  const syn = o.line.option!;
  const r = o.resolved!;
  const written = syn.name.text;
  const plain = !r.negated && !r.abbreviated && written.toLowerCase().replace(/_/g, '-').replace(/^loose-/, '') === r.option.name;
  if (plain && syn.value && syn.value.end > syn.value.start) return replaceSpan(syn.value, '0');
  if (plain && !syn.eq) return { start: syn.name.end, end: syn.name.end, newText: ' = 0' };
  const loose = /^loose[-_]/i.test(written) ? written.slice(0, 6) : '';
  const end = syn.value && syn.value.end > syn.value.start ? syn.value.end : syn.eq ? syn.eq.end : syn.name.end;
  return { start: syn.name.start, end, newText: `${loose}${styled(written, r.option.name)} = 0` };
}

export function fix(title: string, edits: TextEdit[], safety: FixSafety): Fix {
  return { title, edits, safety };
}

/** Where to report an option line: its value when it has one, else its name. */
export function optionSpan(o: MyOption): Span {
  const syn = o.line.option!;
  return syn.value && syn.value.end > syn.value.start ? syn.value : syn.name;
}

/** For messages: `[mysqld] line 12`. */
export function where(o: MyOption): string {
  return `${o.group ? `[${shown(o.group.name)}]` : 'the top of the file'} (line ${o.line.index + 1})`;
}

/** Option names whose values are secrets (never printed in a message). */
export const SECRETISH = /pass|secret|pwd|key|token|cred/i;
