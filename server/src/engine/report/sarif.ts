/** SARIF 2.1.0 for code-scanning services: one run, the rules' metadata, one result per finding. */
import { FileReport } from './model';
import { RULES } from '../rules';
import { docsUrl, Severity } from '../rule';
import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(files: FileReport[], version: string, cwd: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const uriOf = (p: string) => {
    const rel = isAbsolute(p) ? relative(cwd, p) : p;
    if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(p).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pbxlint',
            version,
            informationUri: 'https://github.com/pbxlint/pbxlint',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['security', r.id.split('-')[0]] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results: files.flatMap((f) =>
          f.findings.map((x) => ({
            ruleId: x.ruleId,
            ...(ruleIndex.has(x.ruleId) ? { ruleIndex: ruleIndex.get(x.ruleId) } : {}),
            level: LEVEL[x.severity],
            message: { text: x.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: uriOf(f.path),
                  region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
                },
              },
            ],
          })),
        ),
        invocations: [
          {
            executionSuccessful: files.every((f) => !f.error),
            toolExecutionNotifications: files
              .filter((f) => f.error)
              .map((f) => ({ level: 'error', message: { text: `cannot read ${f.path}: ${f.error}` } })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
