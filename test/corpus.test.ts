/** Every real Asterisk sample file: parses without a fatal error, round-trips, lints without crashing. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsterisk } from '../server/src/engine/asterisk/parser';
import { lintText, INTERNAL_ERROR_ID } from '../server/src/engine/lint';
import { assertLossless, corpusAvailable } from './helpers';

const dir = corpusAvailable('asterisk');

describe('../shared/corpus/asterisk', { skip: dir ? false : 'skipped: ../shared/corpus/asterisk is absent (clone shared/ beside the checkout)' }, () => {
  const files = dir ? readdirSync(dir).filter((f) => f.endsWith('.conf.sample')).sort() : [];
  test('holds the sample files', () => assert.ok(files.length >= 10, `${files.length} files`));
  for (const name of files) {
    test(name, () => {
      const text = readFileSync(join(dir!, name), 'utf8');
      const doc = parseAsterisk(text);
      assertLossless(text, doc);
      // asterisk.conf.sample's [directories](!) is deliberate; no sample is rejected by Asterisk.
      assert.deepEqual(doc.problems.filter((p) => p.fatal).map((p) => `${p.line + 1}: ${p.message}`), []);
      const r = lintText({ path: join(dir!, name), text });
      assert.ok(r.kind, 'kind detected');
      assert.equal(r.findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID).length, 0);
      for (const f of r.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
    });
  }
});
