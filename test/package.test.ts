/**
 * `vsce package --no-dependencies` builds an installable VSIX without warnings, holding the
 * bundles and assets only. Runs in a copy of the project so the production build that
 * `vscode:prepublish` triggers never touches the dist/ other tests use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const COPY = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'tsconfig.json', 'scripts', 'client', 'server', 'syntaxes', 'snippets', 'language-configuration', 'docs', 'images', 'schemas'];

test('vsce packages the extension without warnings', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbxlint-vsix-'));
  for (const name of COPY) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = join(dir, 'pbxlint.vsix');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: dir, encoding: 'utf8' });
  const all = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, all);
  assert.match(all, /DONE\s+Packaged/);
  assert.doesNotMatch(all, /WARNING/i, all);
  assert.ok(statSync(out).size > 10_000);
  const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: dir, encoding: 'utf8' });
  const files = ls.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'package.json', 'syntaxes/asterisk.tmLanguage.json', 'snippets/asterisk.json', 'language-configuration/asterisk.json', 'schemas/pbxlintrc.schema.json']) {
    assert.ok(files.includes(f), `${f} missing from the VSIX`);
  }
  for (const f of files) assert.doesNotMatch(f, /^(test|server\/src|client\/src|node_modules|examples)\//, `${f} should not ship`);
  assert.ok(!files.some((f) => f.endsWith('.map')), 'no source maps in the VSIX');
});
