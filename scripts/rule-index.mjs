// Regenerates the rule table in docs/rules/README.md from the rule registry, so the index
// can never disagree with the code. Run after `npm run compile-tests` (it reads out/):
//   node scripts/rule-index.mjs          rewrite the table
//   node scripts/rule-index.mjs --check  exit 1 if the table is stale (the tests do this)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/server/src/engine/rules/index.js');
const { ASTERISK_KINDS, ALL_KINDS } = require('../out/server/src/engine/kinds.js');

export function ruleTable(rules, asteriskKinds, allKinds) {
  const all = (kinds) => asteriskKinds.every((k) => kinds.includes(k));
  const everything = (kinds) => allKinds.every((k) => kinds.includes(k));
  const rows = rules.map((r) => {
    const files = everything(r.fileKinds) ? 'all files' : all(r.fileKinds) ? 'all Asterisk files' : r.fileKinds.join(', ');
    const fix = r.fix === 'safe' ? 'safe' : r.fix === 'offer' ? 'offered' : 'none';
    return `| [${r.id}](${r.id}.md) | ${files} | ${r.severity} | ${fix} | ${r.title.replace(/\|/g, '\\|')} |`;
  });
  return ['| Rule | Files | Default severity | Fix | Title |', '|---|---|---|---|---|', ...rows].join('\n');
}

const path = new URL('../docs/rules/README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = text.indexOf('| Rule |');
const end = text.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('no rule table in docs/rules/README.md');
const next = text.slice(0, start) + ruleTable(RULES, ASTERISK_KINDS, ALL_KINDS) + text.slice(end);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('docs/rules/README.md is stale: run `node scripts/rule-index.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(path, next);
}
