/**
 * What hover and completion share: deciding the file kind, parsing (with a small cache keyed
 * by the text itself, so repeated requests on one document version parse once), and finding
 * the line under an offset.
 *
 * Cost: one parse per new text (the parser does about 50 ms per 100k lines, so ~6 ms for a
 * 12,000-line sip.conf); a request on an already parsed text is a binary search.
 */
import { ConfDocument, ConfLine, parseAsterisk } from '../asterisk/parser';
import { detectKind, FileKind, KindInfo } from '../kinds';

const MAX_CACHED = 4;
const parsed: { text: string; fragment: boolean; doc: ConfDocument }[] = [];

/** A document the caller already has (the linter's `LintResult.doc`), usable when it is of this very text. */
function reusable(given: unknown, text: string): ConfDocument | undefined {
  if (!given || typeof given !== 'object') return undefined;
  const d = given as Partial<ConfDocument>;
  return d.text === text && Array.isArray(d.lines) && Array.isArray(d.sections) ? (d as ConfDocument) : undefined;
}

/**
 * Parses once per (text, fragment); the most recent texts are kept. `given` (the linter's parse
 * of the same text, `LintResult.doc`) is used as is when its text is this text.
 */
export function parseCached(text: string, fragment: boolean, given?: unknown): ConfDocument {
  const ready = reusable(given, text);
  if (ready) return ready;
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i];
    if (p.fragment === fragment && p.text === text) {
      if (i > 0) {
        parsed.splice(i, 1);
        parsed.unshift(p);
      }
      return p.doc;
    }
  }
  const doc = parseAsterisk(text, { fragment });
  parsed.unshift({ text, fragment, doc });
  if (parsed.length > MAX_CACHED) parsed.length = MAX_CACHED;
  return doc;
}

/**
 * The kind of the file: a `KindInfo` as lint results carry it, a forced kind (its fragment flag
 * taken from the path when the path agrees), or detection from path and content.
 */
export function resolveKind(path: string, text: string, kind?: FileKind | KindInfo): KindInfo | undefined {
  if (kind && typeof kind === 'object') return kind;
  const detected = detectKind(path, text);
  if (!kind) return detected;
  return { kind, fragment: detected?.kind === kind ? detected.fragment : false, reason: 'forced' };
}

/** The physical line containing the offset (an offset at a line's end belongs to that line). */
export function lineAtOffset(doc: ConfDocument, offset: number): ConfLine | undefined {
  const lines = doc.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid];
    if (offset < l.start) hi = mid - 1;
    else if (offset >= l.eolEnd && mid < lines.length - 1) lo = mid + 1;
    else if (offset >= l.eolEnd && l.eolEnd > l.end) {
      // After the final line terminator: the (empty) line the cursor is on is not in doc.lines.
      return { index: l.index + 1, start: l.eolEnd, end: l.eolEnd, eolEnd: l.eolEnd, kind: 'blank', code: '', codeStart: l.eolEnd, comments: [], section: l.section };
    } else return l;
  }
  return undefined;
}

/** True when the offset is inside (or right after the start of) comment text on its line. */
export function inComment(line: ConfLine, offset: number): boolean {
  return line.comments.some((c) => c.start < offset && offset <= c.end);
}
