/**
 * Inline suppressions, in the file's own comment syntax:
 *   ; pbxlint-disable-next-line sip-allowguest -- lab box, no trunk
 *   ; pbxlint-disable-line ami-bind-public -- tunnelled
 *   ; pbxlint-disable-file sip-allowtransfer -- reason
 * Several rule ids may be given, separated by commas. The reason follows ` -- `.
 */
import type { ConfDocument } from './asterisk/parser';

export interface Suppression {
  scope: 'next-line' | 'line' | 'file';
  rules: string[];
  reason: string;
  /** 0-based physical line of the comment. */
  line: number;
  /** The line it applies to (for next-line: the next line that is not blank or a comment). */
  target: number;
}

const DIRECTIVE = /^;\s*pbxlint-disable-(next-line|line|file)\b\s*([^]*?)\s*(?:--\s*([^]*?))?\s*$/;

export function findSuppressions(doc: ConfDocument): Suppression[] {
  const out: Suppression[] = [];
  for (const line of doc.lines) {
    for (const c of line.comments) {
      if (doc.text.charCodeAt(c.start) !== 59) continue;
      const text = doc.text.slice(c.start, c.end);
      if (!text.includes('pbxlint-disable')) continue;
      const m = DIRECTIVE.exec(text.replace(/--;\s*$/, ''));
      if (!m) continue;
      const scope = m[1] as Suppression['scope'];
      let target = line.index;
      if (scope === 'next-line') {
        target = line.index + 1;
        while (target < doc.lines.length && (doc.lines[target].kind === 'blank' || doc.lines[target].kind === 'comment')) target++;
      }
      out.push({
        scope,
        rules: m[2].split(',').map((s) => s.trim()).filter(Boolean),
        reason: (m[3] ?? '').trim(),
        line: line.index,
        target,
      });
    }
  }
  return out;
}
