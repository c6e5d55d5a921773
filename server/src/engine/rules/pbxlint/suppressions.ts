/**
 * Suppression governance: a `pbxlint-disable` comment is itself checked. These rules run
 * after every other rule (lint.ts calls `checkSuppressions`), and are never suppressible.
 */
import type { Finding, Rule } from '../../rule';
import { ALL_KINDS } from '../../kinds';
import { REASON_PLACEHOLDER, type Suppression } from '../../suppressions';
import type { TextEdit } from '../../text';

const meta = (id: string, title: string, severity: Rule['severity'], description: string, fix?: Rule['fix']): Rule<unknown> => ({
  id,
  title,
  severity,
  fileKinds: ALL_KINDS,
  description,
  fix,
  check() {
    // Findings come from checkSuppressions, after the other rules have run.
  },
});

export const noReason = meta(
  'pbxlint-suppression-no-reason',
  'Suppression without a reason',
  'warning',
  'A finding hidden without a written reason is a finding nobody will revisit. Write why after ` -- `: `; pbxlint-disable-next-line sip-allowguest -- lab box, no trunk`.',
);
export const unknownRule = meta(
  'pbxlint-suppression-unknown-rule',
  'Suppression names a rule that does not exist',
  'warning',
  'A misspelt rule id suppresses nothing, so the finding the author meant to accept is still reported, or the comment silently outlives a renamed rule.',
);
export const unused = meta(
  'pbxlint-suppression-unused',
  'Suppression that hides nothing',
  'info',
  'The problem it was written for is gone (or was never on that line). A stale suppression would silently hide the problem if it came back.',
  'offer',
);

export const SUPPRESSION_RULES = [noReason, unknownRule, unused];

export function checkSuppressions(
  text: string,
  sups: readonly Suppression[],
  used: ReadonlySet<Suppression>,
  known: (id: string) => boolean,
  active: (id: string) => boolean,
): Omit<Finding, 'severity'>[] {
  const out: Omit<Finding, 'severity'>[] = [];
  for (const s of sups) {
    const where = { start: s.start, end: s.end };
    if (!s.reason || s.reason === REASON_PLACEHOLDER) {
      out.push({ ruleId: noReason.id, message: `This suppression gives no reason: add one after ' -- ' so the next person knows why ${s.rules.join(', ') || 'it'} is accepted here.`, span: where, fixes: [], related: [] });
    }
    const unknown = s.rules.filter((id) => !known(id));
    for (const id of unknown) {
      out.push({ ruleId: unknownRule.id, message: `'${id}' is not a pbxlint rule: this suppression hides nothing for it.`, span: where, fixes: [], related: [] });
    }
    if (!used.has(s) && s.rules.length > 0 && s.rules.every((id) => known(id) && active(id))) {
      // Delete the whole line when the comment is all there is on it.
      const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
      const nl = text.indexOf('\n', s.end);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      const alone = text.slice(lineStart, s.start).trim() === '' && text.slice(s.end, nl < 0 ? text.length : nl).trim() === '';
      const edit: TextEdit = alone ? { start: lineStart, end: lineEnd, newText: '' } : { start: s.start, end: s.end, newText: '' };
      out.push({
        ruleId: unused.id,
        message: `This suppression of ${s.rules.join(', ')} hides nothing ${s.scope === 'file' ? 'in this file' : 'on its line'}: remove it.`,
        span: where,
        fixes: [{ title: 'Remove the unused suppression', safety: 'offer', edits: [edit] }],
        related: [],
      });
    }
  }
  return out;
}
