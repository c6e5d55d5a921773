/**
 * Inline suppressions, in the file's own comment syntax:
 *   ; pbxlint-disable-next-line sip-allowguest -- lab box, no trunk
 *   ; pbxlint-disable-line ami-bind-public -- tunnelled
 *   ; pbxlint-disable-file sip-allowtransfer -- reason
 * (`#` instead of `;` in files whose comments start with `#`). Several rule ids may be given,
 * separated by commas. The reason follows ` -- `.
 */
import type { SyntaxView } from './syntax';

export interface Suppression {
  scope: 'next-line' | 'line' | 'file';
  rules: string[];
  reason: string;
  /** 0-based physical line of the comment. */
  line: number;
  /** The line it applies to (for next-line: the next line that is not blank or a comment). */
  target: number;
}

const DIRECTIVE = /^[;#]\s*pbxlint-disable-(next-line|line|file)\b\s*([^]*?)\s*(?:--\s*([^]*?))?\s*$/;

export function findSuppressions(text: string, view: SyntaxView, leader: string): Suppression[] {
  const out: Suppression[] = [];
  for (const c of view.comments) {
    if (text[c.start] !== leader) continue;
    const body = text.slice(c.start, c.end);
    if (!body.includes('pbxlint-disable')) continue;
    const m = DIRECTIVE.exec(body.replace(/--;\s*$/, ''));
    if (!m) continue;
    const scope = m[1] as Suppression['scope'];
    let target = c.line;
    if (scope === 'next-line') {
      target = c.line + 1;
      while (target < view.lineStarts.length && view.isBlankOrComment(target)) target++;
    }
    out.push({
      scope,
      rules: m[2].split(',').map((s) => s.trim()).filter(Boolean),
      reason: (m[3] ?? '').trim(),
      line: c.line,
      target,
    });
  }
  return out;
}
