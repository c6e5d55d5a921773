/** Machine output: stable keys, 1-based lines, no secret values (messages never hold them). */
import { FileReport, countBySeverity } from './model';
import { docsUrl } from '../rule';

export function formatJson(files: FileReport[], version: string): string {
  return JSON.stringify(
    {
      tool: { name: 'pbxlint', version },
      summary: { files: files.filter((f) => !f.error).length, ...countBySeverity(files) },
      files: files.map((f) => ({
        path: f.path,
        kind: f.kind ?? null,
        error: f.error ?? undefined,
        suppressed: f.suppressed,
        suppressions: f.suppressions,
        findings: f.findings.map((x) => ({ ...x, docs: docsUrl(x.ruleId) })),
      })),
    },
    null,
    2,
  );
}
