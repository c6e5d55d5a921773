/**
 * The engine's entry point: decide the kind, parse, run the rules, apply settings and
 * inline suppressions. Used as is by the language server, the CLI and the tests.
 */
import { detectKind, FileKind, KindInfo } from './kinds';
import { AnyRule, Finding, Report, Severity } from './rule';
import { RULES, RULE_IDS } from './rules';
import { checkSuppressions } from './rules/pbxlint/suppressions';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { findSuppressions, Suppression } from './suppressions';
import { syntaxFor } from './syntaxes';
import { lineAt } from './syntax';
import { globMatch } from './glob';

export interface LintInput {
  path: string;
  text: string;
  settings?: Settings;
  /** Forces the file kind (setting or `--kind`). */
  kind?: FileKind;
  /** The editor's language id, a hint for files with unusual names. */
  languageId?: string;
  /** Lets rules read a neighbouring file (see RuleContext.readFile). */
  readFile?: (path: string) => string | undefined;
}

export interface LintResult {
  /** Undefined when the file is not one pbxlint lints. */
  kind?: KindInfo;
  findings: Finding[];
  /** Findings hidden by an inline suppression. */
  suppressed: { finding: Finding; by: Suppression }[];
  /** Every inline suppression in the file (when suppressions are honoured). */
  suppressions?: Suppression[];
  /** The parsed document (its type depends on the kind's syntax). */
  doc?: unknown;
}

/**
 * Messages are generated text and never contain control characters of their own; one that
 * does came from the file, where a lone CR (old Mac line ends) or a NUL hides what the editor
 * shows as the next line, such as `secret=…`. Everything from it to the closing quote goes.
 */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0b-\x1f\x7f]/.test(text) ? text.replace(/[\x00-\x08\x0b-\x1f\x7f][^'"`]*/g, '…') : text;
}

/** Rule id used when a rule throws: the file still gets every other rule's findings. */
export const INTERNAL_ERROR_ID = 'pbxlint-internal-error';

/** The kind `pbxlint.fileKinds` forces for this path, if a glob matches. */
export function kindFromSettings(settings: Settings, path: string): FileKind | undefined {
  for (const [glob, kind] of Object.entries(settings.fileKinds ?? {})) if (globMatch(glob, path)) return kind as FileKind;
  return undefined;
}

/** True when `pbxlint.exclude` says this file is never linted. */
export function isExcluded(settings: Settings, path: string): boolean {
  return (settings.exclude ?? []).some((g) => globMatch(g, path));
}

export function rulesFor(kind: FileKind): AnyRule[] {
  return RULES.filter((r) => r.fileKinds.includes(kind));
}

export function lintText(input: LintInput): LintResult {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const forced = input.kind ?? kindFromSettings(settings, input.path);
  const kind = detectKind(input.path, input.text, { forced, languageId: input.languageId });
  if (!kind) return { findings: [], suppressed: [] };
  const syntax = syntaxFor(kind.kind);
  const doc = syntax.parse(input.text, { fragment: kind.fragment });
  const findings: Finding[] = [];
  for (const rule of rulesFor(kind.kind)) {
    const configured = settings.rules[rule.id];
    if (configured === 'off') continue;
    const report = (r: Report) => {
      findings.push({
        ruleId: rule.id,
        severity: configured ?? r.severity ?? rule.severity,
        message: sanitize(r.message),
        span: r.span,
        fixes: (r.fixes ?? []).map((f) => (f.title === sanitize(f.title) ? f : { ...f, title: sanitize(f.title) })),
        related: (r.related ?? []).map((x) => (x.message === sanitize(x.message) ? x : { ...x, message: sanitize(x.message) })),
      });
    };
    try {
      rule.check({ doc, kind: kind.kind, fragment: kind.fragment, path: input.path, settings, report, readFile: input.readFile });
    } catch (err) {
      // A rule bug must never take the file (or the server) down with it. The message
      // carries the error's own text only: rules never put config values in exceptions.
      findings.push({
        ruleId: INTERNAL_ERROR_ID,
        severity: 'info' as Severity,
        message: `pbxlint rule ${rule.id} failed on this file (${err instanceof Error ? err.name : 'error'}); other rules ran. Please report it.`,
        span: { start: 0, end: 0 },
        fixes: [],
        related: [],
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  const suppressed: LintResult['suppressed'] = [];
  if (!settings.inlineSuppressions) return { kind, findings, suppressed, doc };
  const view = syntax.view(doc);
  const sups = findSuppressions(input.text, view, syntax.commentLeader);
  if (!sups.length) return { kind, findings, suppressed, doc, suppressions: sups };
  const kept: Finding[] = [];
  const used = new Set<Suppression>();
  for (const f of findings) {
    const line = lineAt(view.lineStarts, f.span.start);
    const by = sups.find((s) => s.rules.includes(f.ruleId) && (s.scope === 'file' || s.target === line));
    if (by) {
      suppressed.push({ finding: f, by });
      used.add(by);
    } else kept.push(f);
  }
  // Suppressions are themselves checked: a reason is required, rule ids must exist, and one
  // that hides nothing (for rules that ran) is stale.
  const ran = new Set(rulesFor(kind.kind).map((r) => r.id));
  for (const f of checkSuppressions(input.text, sups, used, (id) => RULE_IDS.includes(id), (id) => ran.has(id) && settings.rules[id] !== 'off')) {
    const configured = settings.rules[f.ruleId];
    if (configured === 'off') continue;
    kept.push({ ...f, severity: configured ?? RULES.find((r) => r.id === f.ruleId)!.severity });
  }
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { kind, findings: kept, suppressed, doc, suppressions: sups };
}
