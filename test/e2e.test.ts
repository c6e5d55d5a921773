/**
 * The extension in real VS Code (the VS Code OSS server inside code-server; desktop VS Code and
 * @vscode/test-electron cannot download here), driven by the scripts in test/e2e/:
 *
 * - mode B, test/e2e/host-tests.js: test/e2e/suite/index.js runs inside a real extension host with
 *   the `vscode` API: diagnostics, hover, code actions, quick fix, suppression, fix-all, settings;
 * - mode A, test/e2e/ui.js: the packaged VSIX installed into code-server and used through the UI
 *   in headless Chromium: squiggle, Problems row, hover, Ctrl+. quick fix, reason input box, save.
 *
 * Needs scripts/install-e2e-tools.sh. Without the tools these tests skip (saying why), unless
 * PBXLINT_E2E=1, where that is a failure. PBXLINT_UPDATE_SCREENSHOTS=1 writes the UI test's
 * screenshots to docs/images/ (the README's pictures); otherwise they stay in a temporary directory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './helpers';
import { CODE_SERVER_TOOLS, missing, outputTail, requireTools, runDriver, skipUnless } from './e2e/harness';

const absent = missing(CODE_SERVER_TOOLS);
const skip = skipUnless(absent);

interface HostResult {
  ok: boolean;
  error?: string;
  exitCode?: number;
  log: string[];
  steps: { step: string; ms: number }[];
  suite?: { ok: boolean; vscodeVersion: string; codes?: string[]; tests: { name: string; ok: boolean; ms: number; error?: string }[] };
}

interface UiResult {
  ok: boolean;
  error?: string;
  steps: { step: string; ms: number }[];
  screenshots: string[];
  squiggles?: { error: number; warning: number };
  problemRow?: string;
  hover?: string;
  lightBulb?: string;
  quickFixMenu?: string[];
  savedLines?: string[];
  failureScreenshot?: string;
  keptDir?: string;
}

const steps = (s: { step: string; ms: number }[]) => s.map((x) => `${x.step} ${x.ms}`).join(', ');

test('VS Code extension host (mode B): diagnostics, hover, quick fix, suppression, fix-all, settings', { skip, timeout: 75_000 }, async (t) => {
  requireTools(absent);
  assert.ok(existsSync(join(DIST, 'server.js')) && existsSync(join(DIST, 'extension.js')), 'dist/ is missing: npm run build');
  const run = await runDriver<HostResult>(process.execPath, [join(ROOT, 'test', 'e2e', 'host-tests.js'), '--root', ROOT, '--timeout', '50000'], { timeoutMs: 70_000 });
  const r = run.result;
  assert.ok(r, `the driver printed no result\n${outputTail(run)}`);
  t.diagnostic(`${run.ms} ms (${steps(r.steps)}); VS Code ${r.suite?.vscodeVersion}`);
  for (const line of r.log) t.diagnostic(line);
  assert.equal(r.ok, true, `${r.error}\n${r.log.join('\n')}\n${outputTail(run, 1500)}`);
  assert.equal(run.code, 0);
  const suite = r.suite!;
  assert.match(suite.vscodeVersion, /^1\.\d+\.\d+$/);
  const names = suite.tests.map((x) => x.name);
  for (const expected of [
    'sip.conf opens as asterisk-config and activates the extension',
    'diagnostics: rule id as code, source pbxlint, docs link, no secret in any message',
    'hover on a finding shows the rule id in markdown',
    'code actions: one preferred safe fix, disable for line/file (asks a reason), docs',
    'applying the preferred quick fix changes the value and clears the finding',
    'source.fixAll.pbxlint applies the safe fixes only, and then has nothing left to do',
    'editor.codeActionsOnSave { source.fixAll.pbxlint } fixes on save',
  ]) {
    assert.ok(names.includes(expected), `the suite did not run: ${expected}`);
  }
  assert.ok(suite.tests.every((x) => x.ok));
  assert.ok(suite.codes?.includes('sip-alwaysauthreject') && suite.codes.includes('sip-secret-weak'), `codes seen: ${suite.codes}`);
});

test('VS Code UI with the packaged VSIX (mode A): squiggle, Problems, Ctrl+. quick fix, reason prompt', { skip, timeout: 90_000 }, async (t) => {
  requireTools(absent);
  const update = process.env.PBXLINT_UPDATE_SCREENSHOTS === '1';
  const shots = update ? join(ROOT, 'docs', 'images') : mkdtempSync(join(tmpdir(), 'pbxlint-e2e-shots-'));
  const keep = update || process.env.PBXLINT_E2E_KEEP === '1';
  t.after(() => {
    if (!keep) rmSync(shots, { recursive: true, force: true });
  });
  const run = await runDriver<UiResult>(process.execPath, [join(ROOT, 'test', 'e2e', 'ui.js'), '--root', ROOT, '--screenshots', shots, '--timeout', '20000'], { timeoutMs: 85_000 });
  const r = run.result;
  assert.ok(r, `the driver printed no result\n${outputTail(run)}`);
  t.diagnostic(`${run.ms} ms (${steps(r.steps)})`);
  assert.equal(r.ok, true, `${r.error}\nscreenshot: ${r.failureScreenshot}; logs in ${r.keptDir}\n${outputTail(run, 1500)}`);
  assert.equal(run.code, 0);
  assert.ok((r.squiggles?.error ?? 0) > 0, 'an error squiggle in sip.conf');
  assert.match(r.problemRow ?? '', /pbxlint/);
  assert.match(r.problemRow ?? '', /sip-alwaysauthreject/);
  assert.match(r.hover ?? '', /sip-alwaysauthreject \(warning\)/);
  assert.deepEqual(r.quickFixMenu?.filter((x) => x !== 'Quick Fix'), [
    'Set alwaysauthreject=yes',
    'Disable sip-alwaysauthreject for this line',
    'Disable sip-alwaysauthreject for this file',
    'Show documentation for sip-alwaysauthreject',
  ]);
  assert.deepEqual(r.savedLines, ['alwaysauthreject=yes', '; pbxlint-disable-next-line sip-peer-no-secret -- trunk accepted by IP from the provider only']);
  for (const name of ['editor-diagnostics.png', 'editor-quickfix.png']) {
    const file = join(shots, name);
    assert.ok(r.screenshots.includes(file), `${name} was not taken`);
    const png: Buffer = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
    assert.equal(png.readUInt32BE(16), 1280, `${name} is 1280 px wide`);
    assert.ok(png.length > 30_000, `${name} is not blank (${png.length} bytes)`);
  }
  if (keep) t.diagnostic(`screenshots in ${shots}${update ? '' : ' (PBXLINT_UPDATE_SCREENSHOTS=1 writes docs/images/)'}`);
});
