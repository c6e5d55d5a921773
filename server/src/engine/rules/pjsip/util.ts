/** Pieces the pjsip rules share. */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { replaceValue, setInSection } from '../../asterisk/edits';
import type { PjsipModel } from '../../asterisk/pjsip';
import { all } from '../../asterisk/pjsip';
import { evaluateAcl, parseAcl, PROBE_V4 } from '../../acl';
import type { RelatedInfo } from '../../rule';
import type { Span, TextEdit } from '../../text';

export function headerSpan(section: Section): Span {
  return section.header.header!.name;
}

/**
 * Does this section's own ACL (endpoint `permit`/`deny`/`acl`, or a `type=acl` object) keep an
 * arbitrary Internet address out? Named `acl=` lists (acl.conf) are assumed to restrict. An item
 * Asterisk cannot parse makes the object fail to load (`acl_handler`/`endpoint_acl_handler`
 * return an error): a type=acl then restricts nothing, an endpoint does not exist at all.
 */
export function aclRestricts(section: Section, ifInvalid: boolean): boolean {
  const entries = [...all(section, 'permit'), ...all(section, 'deny')].sort((a, b) => a.line.start - b.line.start);
  const acl = parseAcl(entries);
  if (acl.invalid.length) return ifInvalid;
  if (all(section, 'acl').some((e) => e.value.trim() !== '')) return true;
  return acl.rules.length > 0 && evaluateAcl(acl.rules, PROBE_V4) === 'deny';
}

/** Does a `type=acl` object of this file keep an arbitrary Internet address out of res_pjsip? */
export function globalAclRestricts(model: PjsipModel): boolean {
  return model.loads('acl') && model.byType('acl').some((o) => aclRestricts(o.section, false));
}

/** " (unless x.conf, included in this file, …)" and related spans, when the file has includes. */
export function includeNote(model: PjsipModel, what: string): { note: string; related: RelatedInfo[] } {
  if (!model.includes.length) return { note: '', related: [] };
  const names = model.includes.map((l) => l.directive!.arg!.text);
  return {
    note: ` (unless ${names.join(', ')}, included in this file, ${what}: pbxlint checks one file at a time)`,
    related: model.includes.map((l) => ({ span: l.directive!.arg!, message: `included file may ${what.replace(/s\b/, '')}` })),
  };
}

/** " (set in template 'x')" when the line that decides comes from another section. */
export function fromTemplate(entry: Entry, section: Section): string {
  return entry.writtenIn && !ownLine(entry, section) ? ` (set in template '${entry.writtenIn.name}')` : '';
}

/** Groups (entry, section) pairs by the line that set the value. */
export function groupByEntry<T extends { entry: Entry }>(items: T[]): Map<Entry, T[]> {
  const out = new Map<Entry, T[]>();
  for (const it of items) {
    const list = out.get(it.entry) ?? [];
    list.push(it);
    out.set(it.entry, list);
  }
  return out;
}

/** The value span of an entry. */
export function valueSpan(entry: Entry): Span {
  return entry.line.assign!.value;
}

/** Contexts whose names say they reach internal phones or trunks: guest access there is toll fraud. */
export function outboundLooking(context: string): boolean {
  return context === 'default' || /internal|outbound|from-inside|users?$|phones?$/i.test(context);
}

/** True when the line was written for this object (under its header or a `(+)` section of it). */
export function ownLine(entry: Entry, section: Section): boolean {
  const w = entry.writtenIn;
  return w === section || (!!w && w.append && w.appendTarget === section);
}

/**
 * Sets an option on one object: replaces the deciding line when the object wrote it,
 * otherwise adds a line at the end of the object's section (after inherited lines, so it wins).
 */
export function setOnObject(doc: ConfDocument, section: Section, entry: Entry | undefined, key: string, value: string): TextEdit {
  if (entry && ownLine(entry, section)) return replaceValue(entry, value);
  return setInSection(doc, section, key, value);
}

/** "a, b and 2 more" for owners already quoted. */
export function nameOf(list: string[], max = 3): string {
  const uniq = [...new Set(list)];
  if (uniq.length <= max) return uniq.length > 1 ? `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}` : uniq.join('');
  return `${uniq.slice(0, max).join(', ')} and ${uniq.length - max} more`;
}
