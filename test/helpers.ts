/** Shared test helpers: paths, fixture discovery, `; expect:` markers, fix application. */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintText, LintResult } from '../server/src/engine/lint';
import { Settings, DEFAULT_SETTINGS } from '../server/src/engine/settings';
import assert from 'node:assert/strict';
import { ConfDocument, lineTokens, parseAsterisk, printDocument } from '../server/src/engine/asterisk/parser';

/** The repository root (tests run from out/test/; PBXLINT_ROOT when compiled elsewhere). */
export const ROOT = process.env.PBXLINT_ROOT ? resolve(process.env.PBXLINT_ROOT) : resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** ../shared beside the checkout: research notes and the real-file corpus. */
export const SHARED = resolve(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');
export const DIST = join(ROOT, 'dist');

export interface Fixture {
  rule: string;
  /** "bad" fixtures must trigger their rule, "good" ones must not. */
  polarity: 'bad' | 'good';
  file: string;
  /** The path the engine sees: the fixture's name without its "bad-xyz." prefix, `%` read as `/`. */
  lintPath: string;
  text: string;
  /** "line:ruleId" for every `; expect: a, b` marker (1-based lines). */
  expected: string[];
}

const MARKER = /[;#]\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;
const MARKER_NEXT = /^\s*[;#]\s*expect-next:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/**
 * Expected findings from the fixture's own comments: `; expect: id[, id]` (or `# expect:`)
 * on the reported line, or `# expect-next: id` alone on the line before it, for formats
 * where a comment after a setting is itself an error (Apache) or part of the value.
 */
export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  const pending: string[] = [];
  lines.forEach((line, i) => {
    const next = MARKER_NEXT.exec(line);
    if (next) {
      pending.push(...next[1].split(',').map((id) => id.trim()));
      return;
    }
    for (const id of pending.splice(0)) out.push(`${i + 1}:${id}`);
    const m = MARKER.exec(line);
    if (m) for (const id of m[1].split(',')) out.push(`${i + 1}:${id.trim()}`);
  });
  return out.sort();
}

export function loadRuleFixtures(): Fixture[] {
  const dir = join(FIXTURES, 'rules');
  const out: Fixture[] = [];
  for (const rule of readdirSync(dir).sort()) {
    if (!statSync(join(dir, rule)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, rule)).sort()) {
      const file = join(dir, rule, name);
      const dot = name.indexOf('.');
      const text = readFileSync(file, 'utf8');
      out.push({
        rule,
        polarity: name.startsWith('bad') ? 'bad' : 'good',
        file,
        // `bad.etc%pam.d%sshd` is linted as <dir>/etc/pam.d/sshd.
        lintPath: join(dir, rule, name.slice(dot + 1).replace(/%/g, '/')),
        text,
        expected: expectedMarkers(text),
      });
    }
  }
  return out;
}

export function lint(path: string, text: string, settings: Settings = DEFAULT_SETTINGS): LintResult {
  return lintText({ path, text, settings });
}

/** "line:ruleId" for every finding, sorted. */
export function actualMarkers(text: string, result: LintResult): string[] {
  return result.findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}`).sort();
}

export function corpusAvailable(sub: string): string | undefined {
  const d = join(CORPUS, sub);
  return existsSync(d) ? d : undefined;
}

export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

/** Tokens cover every character exactly once, in order, and print back the input. */
export function assertLossless(text: string, doc: ConfDocument = parseAsterisk(text)): void {
  let pos = 0;
  for (const line of doc.lines) {
    assert.equal(line.start, pos, `line ${line.index} starts where the previous ended`);
    for (const t of lineTokens(line, text)) {
      assert.equal(t.start, pos, `token gap at ${pos}`);
      assert.ok(t.end > t.start);
      pos = t.end;
    }
  }
  assert.equal(pos, text.length, 'tokens cover the whole text');
  assert.equal(printDocument(doc), text);
}

