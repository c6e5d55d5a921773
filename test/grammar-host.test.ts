/** TextMate grammars of the host files (my.cnf, Apache, PAM, sshd): scope assertions in test/grammar/, checked by vscode-tmgrammar-test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const BIN = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

interface HostLanguage {
  id: string;
  scope: string;
  grammar: string;
  /** A line the grammar must NOT scope as a comment, for the deliberately wrong assertion. */
  directive: string;
}

const HOST: HostLanguage[] = [
  { id: 'pbxlint-mycnf', scope: 'source.pbxlint-mycnf', grammar: 'syntaxes/mycnf.tmLanguage.json', directive: 'bind-address=0.0.0.0' },
  { id: 'pbxlint-apache', scope: 'source.pbxlint-apache', grammar: 'syntaxes/apache.tmLanguage.json', directive: 'ServerTokens Full' },
  { id: 'pbxlint-pam', scope: 'source.pbxlint-pam', grammar: 'syntaxes/pam.tmLanguage.json', directive: 'auth required pam_unix.so' },
  { id: 'pbxlint-sshd', scope: 'source.pbxlint-sshd', grammar: 'syntaxes/sshd.tmLanguage.json', directive: 'PermitRootLogin yes' },
];

function run(files: string[]) {
  const grammars = HOST.flatMap((h) => ['-g', join(ROOT, h.grammar)]);
  return spawnSync(process.execPath, [BIN, ...grammars, ...files], { cwd: ROOT, encoding: 'utf8' });
}

/** The scope named in a test file's `# SYNTAX TEST "scope"` header. */
function headerScope(file: string): string | undefined {
  const first = readFileSync(join(ROOT, file), 'utf8').split(/\r?\n/, 1)[0];
  return /SYNTAX\s+TEST\s+"([^"]+)"/.exec(first)?.[1];
}

test('the host grammars give the asserted scopes', () => {
  const files = readdirSync(join(ROOT, 'test', 'grammar'))
    .map((f) => join('test', 'grammar', f))
    .filter((f) => HOST.some((h) => h.scope === headerScope(f)));
  for (const h of HOST) {
    assert.ok(files.some((f) => headerScope(f) === h.scope), `a grammar test for ${h.scope}`);
  }
  const r = run(files);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal((r.stdout.match(/run successfuly/g) ?? []).length, files.length);
});

test('a wrong scope assertion fails in every host grammar (the check is real)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbxlint-grammar-host-'));
  for (const h of HOST) {
    const f = join(dir, `wrong.${h.id}.test`);
    const dashes = '-'.repeat(h.directive.length);
    writeFileSync(f, `# SYNTAX TEST "${h.scope}" "wrong"\n${h.directive}\n# <${dashes} comment.line.number-sign.${h.id}\n`);
    const r = run([f]);
    assert.notEqual(r.status, 0, `${h.scope}: ${r.stdout}`);
    assert.match(r.stdout + r.stderr, /missing required scopes/);
  }
});

test('toggle-comment uses # in my.cnf, Apache, PAM and sshd files', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const h of HOST) {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === h.id);
    assert.ok(lang, `package.json declares the language ${h.id}`);
    const cfg = JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8'));
    assert.equal(cfg.comments.lineComment, '#', h.id);
    assert.equal(cfg.comments.blockComment, undefined, h.id);
    const grammar = pkg.contributes.grammars.find((g: { language?: string }) => g.language === h.id);
    assert.equal(grammar?.scopeName, h.scope, h.id);
    assert.equal(JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')).scopeName, h.scope, h.id);
  }
});
