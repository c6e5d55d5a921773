/** Pieces the sip rules share. */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { findSection } from '../../asterisk/parser';
import { formatSetting, insertLinesAfter, insertLinesBefore, lastSettingLine, replaceValue, setInGeneral } from '../../asterisk/edits';
import type { RuleContext } from '../../rule';
import type { TextEdit } from '../../text';

/**
 * True when a section of an included fragment inherits from a template this file does not
 * define (it lives in the including file): its inherited settings are unknown, so rules about
 * absent keys must stay quiet for it.
 */
export function hasUnknownBases(ctx: RuleContext, section: Section): boolean {
  return ctx.fragment && section.bases.length < section.baseNames.length;
}

/**
 * Groups sections by the entry that gives them a value, so that a value set once in a
 * template is reported once, on its line, naming every section that uses it.
 */
export function groupByEntry<T>(items: { entry: Entry; section: Section; data: T }[]): Map<Entry, { sections: Section[]; data: T }> {
  const out = new Map<Entry, { sections: Section[]; data: T }>();
  for (const it of items) {
    const g = out.get(it.entry) ?? { sections: [], data: it.data };
    g.sections.push(it.section);
    out.set(it.entry, g);
  }
  return out;
}

/** " (set in template 'x')" when the entry was written in another section than all its users. */
export function inheritedNote(entry: Entry, sections: Section[]): string {
  const w = entry.writtenIn;
  if (!w || sections.includes(w)) return '';
  return ` (set in ${w.template ? 'template' : 'section'} '${w.name}')`;
}

/**
 * Sets several keys in the first `[general]` with one edit per existing line and one
 * multi-line insertion for the rest (so that a fix never creates two `[general]` sections).
 */
export function setAllInGeneral(doc: ConfDocument, pairs: [string, string][]): TextEdit[] {
  const general = findSection(doc, 'general');
  if (!general) {
    if (pairs.length === 1 || !doc.sections.length) return pairs.slice(0, 1).map(([k, v]) => setInGeneral(doc, k, v));
    return [insertLinesBefore(doc, doc.sections[0].header, ['[general]', ...pairs.map(([k, v]) => formatSetting(doc, undefined, k, v)), ''])];
  }
  const edits: TextEdit[] = [];
  const inserts: string[] = [];
  for (const [k, v] of pairs) {
    const lk = k.toLowerCase();
    const own = [...general.own].reverse().find((e) => e.lkey === lk && e.op !== '+=');
    if (own) edits.push(replaceValue(own, v));
    else inserts.push(formatSetting(doc, general, k, v));
  }
  if (inserts.length) edits.push(insertLinesAfter(doc, lastSettingLine(doc, general), inserts));
  return edits;
}
