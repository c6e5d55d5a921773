/** What the CLI and the audit report print: findings with 1-based lines, per file. */
import type { LintResult } from '../lint';
import type { Finding, Severity } from '../rule';
import { LineIndex } from '../text';

export interface FileReport {
  path: string;
  kind?: string;
  findings: PrintedFinding[];
  suppressed: number;
  /** Every inline suppression: where, what, why, and how many findings it hides. */
  suppressions: { line: number; scope: string; rules: string[]; reason: string; hidden: number }[];
  /** A file that could not be read. */
  error?: string;
}

export interface PrintedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: { title: string; safety: string }[];
}

export function toFileReport(path: string, text: string, result: LintResult): FileReport {
  const index = new LineIndex(text);
  return {
    path,
    kind: result.kind?.kind,
    suppressed: result.suppressed.length,
    suppressions: (result.suppressions ?? []).map((s) => ({
      line: s.line + 1,
      scope: s.scope,
      rules: s.rules,
      reason: s.reason,
      hidden: result.suppressed.filter((x) => x.by === s).length,
    })),
    findings: result.findings.map((f: Finding) => {
      const s = index.positionAt(f.span.start);
      const e = index.positionAt(f.span.end);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })),
      };
    }),
  };
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function countBySeverity(files: FileReport[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const x of f.findings) c[x.severity]++;
  return c;
}
