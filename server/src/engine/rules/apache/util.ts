/** Edits and helpers the apache rules share. */
import type { Fix, FixSafety, Severity } from '../../rule';
import type { TextEdit } from '../../text';
import type { ApacheDocument, ApItem, ApSection } from '../../host/apache/parser';
import { isConditional } from '../../host/apache/model';

export function fix(title: string, edits: TextEdit[], safety: FixSafety): Fix {
  return { title, edits, safety };
}

/** One step lower for findings that only occur inside `<IfModule>`/`<IfDefine>` (httpd may not read them). */
export function lowered(severity: Severity, item: ApItem): Severity {
  if (!isConditional(item)) return severity;
  return severity === 'error' ? 'warning' : 'info';
}

export const CONDITIONAL_NOTE = ' (inside a conditional section: applies only when that module or define is active)';

export function conditionalNote(item: ApItem): string {
  return isConditional(item) ? CONDITIONAL_NOTE : '';
}

/** The leading whitespace of the physical line an item starts on. */
export function indentOf(doc: ApacheDocument, item: ApItem): string {
  const l = doc.lines[item.line];
  return doc.text.slice(l.start, item.start).replace(/[^\t ]/g, '');
}

/** The indentation one level inside a section: its first body line's, else the header's plus one step. */
export function bodyIndent(doc: ApacheDocument, section: ApSection): string {
  for (const c of section.children) {
    const it = c.type === 'directive' ? c.item : c.section.open;
    if (it) return indentOf(doc, it);
  }
  const base = section.open ? indentOf(doc, section.open) : '';
  return base + (base.includes('\t') ? '\t' : '    ');
}

export function insertLinesAfter(doc: ApacheDocument, item: ApItem, lines: string[]): TextEdit {
  const l = doc.lines[item.lastLine];
  const body = lines.join(doc.eol);
  if (l.eolEnd === l.end) return { start: l.end, end: l.end, newText: doc.eol + body };
  return { start: l.eolEnd, end: l.eolEnd, newText: body + doc.eol };
}

export function insertLinesBefore(doc: ApacheDocument, item: ApItem, lines: string[]): TextEdit {
  const l = doc.lines[item.line];
  return { start: l.start, end: l.start, newText: lines.join(doc.eol) + doc.eol };
}

/** The whole of a directive's arguments (from the first to the last). */
export function argsSpan(item: ApItem): { start: number; end: number } {
  if (!item.args.length) return { start: item.name.end, end: item.name.end };
  return { start: item.args[0].start, end: item.args[item.args.length - 1].end };
}

/** Where to report a directive: its first argument, or its name. */
export function valueSpan(item: ApItem): { start: number; end: number } {
  return item.args[0] ?? item.name;
}

/** Top-level directives (outside every section except conditionals). */
export function topLevel(doc: ApacheDocument): ApItem[] {
  return doc.directives.filter((d) => {
    for (let s: ApSection | undefined = d.parent; s && s.tag; s = s.parent) {
      if (!['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection'].includes(s.tag)) return false;
    }
    return true;
  });
}

/** A directive's name for a message: only when it looks like one (never echo arbitrary text). */
export function directiveLabel(item: ApItem): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(item.name.text) ? item.name.text : 'this directive';
}
