/** Combining fixes for "fix all": the engine's rule, shared by the server, the CLI and tests. */
import type { Finding, Fix } from './rule';
import type { TextEdit } from './text';

function clashes(a: TextEdit, b: TextEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Two insertions at the same point, or an insertion inside a replaced range.
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}

/**
 * Merges fixes into one edit list, dropping any fix that overlaps one already taken (the
 * next run picks it up), so a combined fix never holds overlapping edits.
 */
export function combineFixes(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (!fix.edits.some((e) => taken.some((t) => clashes(e, t)))) taken.push(...fix.edits);
  }
  return taken;
}

/** The first safe fix of every finding: what fix-all and code-actions-on-save apply. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  return findings.flatMap((f) => f.fixes.filter((x) => x.safety === 'safe').slice(0, 1));
}
