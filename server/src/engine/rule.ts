/**
 * The rule contract. A rule is a small self-describing object in its own file under
 * `rules/`, registered in `rules/index.ts`; it reads a parsed document and reports findings.
 */
import type { ConfDocument } from './asterisk/parser';
import type { FileKind } from './kinds';
import type { Settings } from './settings';
import type { Span, TextEdit } from './text';

export type Severity = 'error' | 'warning' | 'info';

/**
 * `safe`: applying it cannot break a working setup (fix-all and save actions apply it).
 * `offer`: shown as a quick fix, applied only when the user picks it (may change behaviour).
 */
export type FixSafety = 'safe' | 'offer';

export interface Fix {
  title: string;
  edits: TextEdit[];
  safety: FixSafety;
}

export interface RelatedInfo {
  span: Span;
  message: string;
  /** Another file; the finding's own file when absent. */
  path?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  related: RelatedInfo[];
}

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. weaker evidence). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

export interface RuleContext<D = ConfDocument> {
  /** The parsed file: a ConfDocument for Asterisk files, the kind's own document type otherwise. */
  doc: D;
  kind: FileKind;
  /** True for an included fragment (FreePBX `*_custom.conf`): rules about absent keys stay quiet. */
  fragment: boolean;
  path: string;
  settings: Settings;
  report(r: Report): void;
  /**
   * Reads another file of the same box, when the caller allows it (the CLI: under the paths
   * it was given; the server: inside the workspace folders). Undefined when not allowed,
   * absent or unreadable: rules then fall back to the safe assumption and say so.
   */
  readFile?(path: string): string | undefined;
}

export interface RuleMeta {
  /** Stable kebab-case id, prefixed with the owning file kind (`sip-`, `ami-`, `config-`). */
  id: string;
  /** One line: what is wrong. */
  title: string;
  /** Default severity; findings may be lower or higher as the rule's docs explain. */
  severity: Severity;
  fileKinds: readonly FileKind[];
  /** Why it matters to an attacker, in a sentence or two (hover, docs, SARIF fullDescription). */
  description: string;
  /** What fixes the rule offers, if any. */
  fix?: FixSafety;
}

export interface Rule<D = ConfDocument> extends RuleMeta {
  check(ctx: RuleContext<D>): void;
}

/** A rule of any syntax, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Where a rule's page lives. The package is published from this repository. */
export const DOCS_BASE = 'https://github.com/pbxlint/pbxlint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
