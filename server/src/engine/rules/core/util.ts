/** asterisk.conf helpers: `[options]` is read by `ast_variable_browse(cfg, "options")` (main/options.c). */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { findSection, lastValue } from '../../asterisk/parser';
import { formatSetting, insertLinesAfter, setInSection } from '../../asterisk/edits';
import type { TextEdit, Span } from '../../text';

export function optionsSection(doc: ConfDocument): Section | undefined {
  return findSection(doc, 'options');
}

/** The last value of an `[options]` key (each line overwrites the flag). */
export function optionValue(doc: ConfDocument, lkey: string): Entry | undefined {
  const s = optionsSection(doc);
  return s ? lastValue(s, lkey) : undefined;
}

/** Where to report a key that is absent from `[options]`: its header, or the file's first line. */
export function optionsAnchor(doc: ConfDocument): { section?: Section; span: Span } {
  const s = optionsSection(doc);
  if (s) return { section: s, span: s.header.header!.name };
  const first = doc.lines[0];
  return { span: { start: first.start, end: first.end } };
}

/** Sets `key` in `[options]`, appending an `[options]` section at the end of the file when there is none. */
export function setInOptions(doc: ConfDocument, key: string, value: string): TextEdit {
  const s = optionsSection(doc);
  if (s) return setInSection(doc, s, key, value);
  const last = doc.lines[doc.lines.length - 1];
  const lines = ['[options]', formatSetting(doc, undefined, key, value)];
  if (last.end === last.start && last.eolEnd === last.end) {
    // The file ends with a line terminator (or is empty): write after it.
    const prefix = doc.lines.length > 1 ? doc.eol : '';
    return { start: last.start, end: last.start, newText: prefix + lines.join(doc.eol) + doc.eol };
  }
  return insertLinesAfter(doc, last, ['', ...lines]);
}
