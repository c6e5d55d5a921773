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
  /** The comment itself. */
  start: number;
  end: number;
  /** Where the rule list is written. */
  rulesStart: number;
}

const DIRECTIVE = /^([;#]\s*pbxlint-disable-(next-line|line|file)\b\s*)([^]*?)\s*(?:--\s*([^]*?))?\s*$/;

export function findSuppressions(text: string, view: SyntaxView, leader: string): Suppression[] {
  const out: Suppression[] = [];
  for (const c of view.comments) {
    if (text[c.start] !== leader) continue;
    const body = text.slice(c.start, c.end);
    if (!body.includes('pbxlint-disable')) continue;
    const m = DIRECTIVE.exec(body.replace(/--;\s*$/, ''));
    if (!m) continue;
    const scope = m[2] as Suppression['scope'];
    let target = c.line;
    if (scope === 'next-line') {
      target = c.line + 1;
      while (target < view.lineStarts.length && view.isBlankOrComment(target)) target++;
    }
    out.push({
      scope,
      rules: m[3].split(/[\s,]+/).filter(Boolean),
      reason: (m[4] ?? '').trim(),
      line: c.line,
      target,
      start: c.start,
      end: c.end,
      rulesStart: c.start + m[1].length,
    });
  }
  return out;
}

/** What a generic LSP client gets instead of a reason prompt: still reported as missing. */
export const REASON_PLACEHOLDER = 'reason required';

/**
 * The edit that adds a suppression: a comment line in the file's own syntax, indented like
 * the line it is for (`next-line`), or at the top of the file (`file`, after a byte order mark).
 */
export function suppressionEdit(
  text: string,
  leader: string,
  targetLine: number,
  ruleId: string,
  scope: 'next-line' | 'file',
  reason: string,
): { start: number; end: number; newText: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const why = reason.trim() || REASON_PLACEHOLDER;
  if (scope === 'file') {
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { start: at, end: at, newText: `${leader} pbxlint-disable-file ${ruleId} -- ${why}${eol}` };
  }
  let start = 0;
  for (let i = 0; i < targetLine; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const indent = /^[\t ]*/.exec(text.slice(start, start + 200))![0];
  return { start, end: start, newText: `${indent}${leader} pbxlint-disable-next-line ${ruleId} -- ${why}${eol}` };
}
