/** TextMate grammar: scope assertions in test/grammar/*.test.conf, checked by vscode-tmgrammar-test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const BIN = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const GRAMMAR = join(ROOT, 'syntaxes', 'asterisk.tmLanguage.json');

function run(files: string[]) {
  return spawnSync(process.execPath, [BIN, '-g', GRAMMAR, ...files], { cwd: ROOT, encoding: 'utf8' });
}

test('the Asterisk grammar gives the asserted scopes', () => {
  const files = readdirSync(join(ROOT, 'test', 'grammar')).filter((f) => f.endsWith('.test.conf')).map((f) => join('test', 'grammar', f));
  assert.ok(files.length >= 2);
  const r = run(files);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal((r.stdout.match(/run successfuly/g) ?? []).length, files.length);
});

test('a wrong scope assertion fails (the check is real)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbxlint-grammar-'));
  const f = join(dir, 'wrong.test.conf');
  writeFileSync(f, '; SYNTAX TEST "source.asterisk-config" "wrong"\nallowguest=no\n; <---------- comment.line.semicolon.asterisk-config\n');
  const r = run([f]);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /missing required scopes/);
});

test('toggle-comment uses ; and block comments ;-- --; in Asterisk files', () => {
  const cfg = JSON.parse(readFileSync(join(ROOT, 'language-configuration', 'asterisk.json'), 'utf8'));
  assert.equal(cfg.comments.lineComment, ';');
  assert.deepEqual(cfg.comments.blockComment, [';--', '--;']);
});
