/**
 * Bounded fuzzing in the test suite (FUZZ_RUNS per property, default 150); the long run is
 * `npm run fuzz -- --runs 1000000`. A failure prints fast-check's seed and shrunk input.
 */
import { test, describe } from 'node:test';
import fc from 'fast-check';
import { CORPUS, corpusAvailable } from './helpers';
import { PATHS, checkInvariants, configText, corpusFiles, mutated, withHugeLine } from './fuzz/properties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

describe('fuzz: generated configurations of every kind', () => {
  for (const path of PATHS) {
    test(path, () => {
      fc.assert(fc.property(configText, (text) => checkInvariants(path, text)), { numRuns: RUNS });
    });
  }
});

describe('fuzz: mutated corpus files', { skip: corpusAvailable('') ? false : 'skipped: ../shared/corpus is absent' }, () => {
  const files = corpusAvailable('') ? corpusFiles(CORPUS) : [];
  test(`every corpus file, mutated (${files.length} files)`, () => {
    for (const f of files) {
      checkInvariants(f.path, f.text);
      fc.assert(fc.property(mutated(f.text), (t) => checkInvariants(f.path, t)), { numRuns: Math.max(5, Math.round(RUNS / 10)) });
    }
  });
  test('a 1 MB line in real files', () => {
    for (const f of files.filter((x) => /sip\.conf|manager\.conf|my\.cnf|sshd_config|apache2\.conf|rules\.v4/.test(x.path))) {
      checkInvariants(f.path, withHugeLine(f.text, 1_000_000));
    }
  });
});
