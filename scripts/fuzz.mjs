// The long fuzzing run: `npm run fuzz -- --runs 1000000` (after `npm run compile-tests`).
// Spreads the runs over every kind's generator and every mutated corpus file, and reports.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const fc = require('fast-check');
const P = require('../out/test/fuzz/properties.js');

const i = process.argv.indexOf('--runs');
const total = i > 0 ? Number(process.argv[i + 1]) : 100000;
const corpus = new URL('../../shared/corpus', import.meta.url).pathname;
const files = existsSync(corpus) ? P.corpusFiles(corpus) : [];
const targets = [...P.PATHS.map((p) => ({ name: p, arb: P.configText, path: p })), ...files.map((f) => ({ name: f.path, arb: P.mutated(f.text), path: f.path }))];
const per = Math.max(1, Math.floor(total / targets.length));
const t0 = Date.now();
let runs = 0;
for (const t of targets) {
  fc.assert(fc.property(t.arb, (text) => P.checkInvariants(t.path, text)), { numRuns: per });
  runs += per;
}
console.log(`fuzz: ${runs} runs over ${targets.length} targets (${P.PATHS.length} generated kinds, ${files.length} corpus files) in ${((Date.now() - t0) / 1000).toFixed(1)} s: no exception, lossless, no secret printed`);
