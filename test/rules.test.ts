/**
 * Every rule against its fixtures: each "bad" fixture gives exactly the findings its
 * `; expect:` markers name (so it is also a negative test for every other rule), each
 * "good" fixture likewise, and every offered fix is applied and the file re-linted.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/engine/rules';
import { applyEdits } from '../server/src/engine/text';
import { parseAsterisk } from '../server/src/engine/asterisk/parser';
import { combineFixes, safeFixes } from '../server/src/engine/fixes';
import { ROOT, actualMarkers, countBy, lint, loadRuleFixtures } from './helpers';

const fixtures = loadRuleFixtures();

describe('every rule is complete', () => {
  for (const rule of RULES) {
    test(`${rule.id}: docs page, a fixture that triggers it and one that must not`, () => {
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
      const mine = fixtures.filter((f) => f.rule === rule.id);
      assert.ok(mine.some((f) => f.polarity === 'bad' && f.expected.some((e) => e.endsWith(`:${rule.id}`))), 'no bad fixture expects it');
      assert.ok(mine.some((f) => f.polarity === 'good'), 'no good fixture');
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/);
      assert.ok(rule.description.length > 40, 'description says why it matters');
    });
  }
  test('every fixture directory belongs to a registered rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const f of fixtures) assert.ok(ids.has(f.rule), `fixtures for unknown rule ${f.rule}`);
  });
});

describe('fixtures give exactly the expected findings', () => {
  for (const fx of fixtures) {
    test(`${fx.rule}/${fx.file.split('/').pop()}`, () => {
      const result = lint(fx.lintPath, fx.text);
      assert.ok(result.kind, 'fixture kind not detected');
      assert.deepEqual(actualMarkers(fx.text, result), fx.expected);
      if (fx.polarity === 'good') assert.ok(!result.findings.some((f) => f.ruleId === fx.rule));
    });
  }
});

describe('every fix, applied and re-linted', () => {
  let applied = 0;
  for (const fx of fixtures.filter((f) => f.polarity === 'bad')) {
    const result = lint(fx.lintPath, fx.text);
    result.findings.forEach((finding, n) => {
      finding.fixes.forEach((fix, k) => {
        test(`${fx.rule}/${fx.file.split('/').pop()} finding ${n} (${finding.ruleId}) fix ${k}: ${fix.title}`, () => {
          const fixed = applyEdits(fx.text, fix.edits);
          assert.notEqual(fixed, fx.text, 'the fix changes nothing');
          // Nothing outside the edited ranges changed.
          const first = Math.min(...fix.edits.map((e) => e.start));
          const last = Math.max(...fix.edits.map((e) => e.end));
          assert.equal(fixed.slice(0, first), fx.text.slice(0, first));
          assert.equal(fixed.slice(fixed.length - (fx.text.length - last)), fx.text.slice(last));
          const after = lint(fx.lintPath, fixed);
          const before = countBy(result.findings, (f) => f.ruleId);
          const now = countBy(after.findings, (f) => f.ruleId);
          assert.ok((now.get(finding.ruleId) ?? 0) < (before.get(finding.ruleId) ?? 0), `${finding.ruleId} still reported as often after its fix`);
          for (const [id, c] of now) assert.ok(c <= (before.get(id) ?? 0), `the fix introduced a new ${id} finding`);
          assert.ok(!parseAsterisk(fixed).fatal || parseAsterisk(fx.text).fatal, 'the fix made the file unparseable');
          applied++;
        });
      });
    });
  }
  test('fix-all of safe fixes is idempotent and leaves no safe fix behind', () => {
    for (const fx of fixtures) {
      let text = fx.text;
      for (let round = 0; round < 5; round++) {
        const r = lint(fx.lintPath, text);
        const edits = combineFixes(safeFixes(r.findings));
        if (!edits.length) break;
        text = applyEdits(text, edits);
      }
      const final = lint(fx.lintPath, text);
      assert.equal(final.findings.filter((f) => f.fixes.some((x) => x.safety === 'safe')).length, 0, fx.file);
    }
    assert.ok(applied > 0);
  });
});

describe('the rule index', () => {
  test('docs/rules/README.md lists every rule as the registry defines it', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rule-index.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
