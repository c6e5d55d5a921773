#!/usr/bin/env node
'use strict';
/**
 * Mode A driver: the PACKAGED extension in a real VS Code workbench, driven like a user.
 *
 *   node test/e2e/ui.js [--root DIR] [--vsix FILE] [--screenshots DIR] [--timeout MS]
 *
 * 1. `vsce package --no-dependencies` in a temporary copy of the project (unless --vsix is given;
 *    vscode:prepublish rebuilds dist/ there, never in the project).
 * 2. code-server --install-extension the VSIX into fresh user/extensions dirs, then code-server on
 *    127.0.0.1 (random port, auth none, --config of its own) in its own process group.
 * 3. Headless Chromium (playwright-core): open a workspace copy of examples/etc/asterisk, open
 *    sip.conf, see a squiggle and a Problems row from pbxlint, hover the finding, screenshot
 *    (editor-diagnostics.png); reveal the alwaysauthreject problem, Ctrl+. , screenshot the
 *    quick-fix menu (editor-quickfix.png), apply "Set alwaysauthreject=yes", check the text;
 *    "Disable ... for this line" through the reason input box; save and check the file on disk.
 * 4. Prints `PBXLINT_RESULT {json}`; exit 0 on success. Everything started is killed by process group.
 * Screenshots go to --screenshots (default: the run's temporary directory).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const lib = require('./lib');

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const ROOT = path.resolve(arg('--root', process.env.PBXLINT_ROOT || path.join(__dirname, '..', '..')));
const TIMEOUT = Number(arg('--timeout', '20000')); // per UI wait
const DEBUG = process.env.PBXLINT_E2E_DEBUG === '1';
/** What `vsce package` needs (as in test/package.test.ts). */
const PACKAGE_COPY = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore', 'tsconfig.json', 'scripts', 'client', 'server', 'syntaxes', 'snippets', 'language-configuration', 'docs', 'images', 'schemas'];

function packageVsix(dir) {
  const copy = path.join(dir, 'package');
  for (const name of PACKAGE_COPY) {
    if (fs.existsSync(path.join(ROOT, name))) fs.cpSync(path.join(ROOT, name), path.join(copy, name), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const out = path.join(dir, 'pbxlint.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: copy, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Text of the visible editor lines (Monaco renders spaces as U+00A0). */
const editorText = (page) => page.locator('.monaco-editor .view-lines').first().evaluate((el) => el.innerText.replace(/\u00a0/g, ' '));

async function main() {
  const dir = lib.tempDir('pbxlint-e2e-ui-');
  const shots = path.resolve(arg('--screenshots', path.join(dir, 'screenshots')));
  const result = { mode: 'ui', ok: false, steps: [], screenshots: [] };
  const step = (name, extra) => {
    result.steps.push({ step: name, ms: lib.ms(), ...extra });
    if (DEBUG) process.stderr.write(`[ui ${lib.ms()} ms] ${name}\n`);
  };
  let page;
  let serverLog;
  try {
    const missing = lib.missingTools();
    if (missing.length) throw new Error(`missing tools: ${missing.join(', ')}; run scripts/install-e2e-tools.sh`);

    const vsix = arg('--vsix') ? path.resolve(arg('--vsix')) : packageVsix(dir);
    result.vsixBytes = fs.statSync(vsix).size;
    step('packaged');

    const ws = path.join(dir, 'workspace');
    fs.cpSync(path.join(ROOT, 'examples', 'etc', 'asterisk'), path.join(ws, 'etc', 'asterisk'), { recursive: true });
    const sipPath = path.join(ws, 'etc', 'asterisk', 'sip.conf');
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    const csArgs = ['--config', config, '--user-data-dir', path.join(dir, 'user'), '--extensions-dir', path.join(dir, 'extensions')];
    const env = { ...process.env, ...lib.sandboxEnv(dir), PATH: `${path.dirname(lib.NODE24)}:${process.env.PATH}` };
    const inst = spawnSync(lib.NODE24, [lib.CODE_SERVER_ENTRY, ...csArgs, '--install-extension', vsix], { env, cwd: dir, encoding: 'utf8', timeout: 60_000 });
    result.install = `${inst.stdout}${inst.stderr}`.trim().split('\n').filter((l) => /install/i.test(l)).join('\n');
    if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) throw new Error(`--install-extension failed (${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
    lib.writeSettings(path.join(dir, 'user', 'User', 'settings.json'), { 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Dark Modern' });
    step('installed');

    serverLog = path.join(dir, 'code-server.log');
    const server = lib.startGroup(
      lib.NODE24,
      [lib.CODE_SERVER_ENTRY, ...csArgs, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '5', '--ignore-last-opened'],
      { log: serverLog, cwd: dir, env },
    );
    const port = Number((await lib.waitForLog(serverLog, /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//, server, 30_000))[1]);
    await lib.waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok, 'code-server /healthz', 15_000, 100);
    step('server');

    ({ page } = await lib.launchBrowser(dir));
    page.setDefaultTimeout(TIMEOUT);
    const shot = async (name, toResult = true) => {
      fs.mkdirSync(shots, { recursive: true });
      const file = path.join(shots, name);
      await page.screenshot({ path: file });
      if (toResult) result.screenshots.push(file);
      return file;
    };
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 30_000 });
    step('workbench');

    // Open sip.conf through Quick Open, as a user would. Right after load the keyboard focus can
    // still be outside the workbench: retry (bounded) with a click on the editor area.
    const quickInput = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+P');
      if (await quickInput.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      if (attempt === 3) throw new Error('Quick Open (Ctrl+P) did not open');
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 200, y: 200 } }).catch(() => undefined);
    }
    await quickInput.fill('sip.conf');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'sip.conf' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'sip.conf' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'alwaysauthreject=no' }).waitFor();
    step('opened');

    // A squiggle, and the Problems panel with pbxlint's rows.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    result.squiggles = {
      error: await page.locator('.monaco-editor .squiggly-error').count(),
      warning: await page.locator('.monaco-editor .squiggly-warning').count(),
    };
    step('squiggle');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'pbxlint' }).first().waitFor();
    const problem = rows.filter({ hasText: 'alwaysauthreject is off' }).first();
    await problem.waitFor();
    result.problemRow = (await problem.innerText()).replace(/\s+/g, ' ').trim();
    result.problemRows = await rows.filter({ hasText: 'pbxlint' }).count();
    step('problems');

    // Hover over the finding's value, then the README's first screenshot.
    const valueLine = page.locator('.monaco-editor .view-line', { hasText: 'alwaysauthreject=no' }).first();
    await valueLine.locator('span > span', { hasText: /^no$/ }).first().hover();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'sip-alwaysauthreject' }).first();
    await hover.waitFor();
    result.hover = (await hover.innerText()).replace(/\s+/g, ' ').trim().slice(0, 400);
    step('hover');
    await shot('editor-diagnostics.png');
    await page.mouse.move(1270, 790);
    await page.keyboard.press('Escape');

    // Reveal the problem (cursor on it), light bulb, Ctrl+. , pick the fix. The bulb is a content
    // widget or, when the line has room in the gutter, a glyph-margin icon (lightbulb-autofix when
    // a preferred fix exists).
    const lightBulb = page.locator('.monaco-editor .lightBulbWidget:visible, .monaco-editor [class*="lightbulb"]:visible, .monaco-editor [class*="light-bulb"]:visible').first();
    await problem.dblclick();
    await lightBulb.waitFor();
    result.lightBulb = await lightBulb.getAttribute('class');
    step('lightbulb');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    const fixRow = menu.locator('.monaco-list-row', { hasText: 'Set alwaysauthreject=yes' }).first();
    await fixRow.waitFor();
    result.quickFixMenu = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    await fixRow.hover();
    await shot('editor-quickfix.png');
    step('quickfix-menu');
    await fixRow.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'alwaysauthreject=yes' }).waitFor();
    await lib.waitFor(async () => !(await editorText(page)).includes('alwaysauthreject=no'), 'alwaysauthreject=no to be replaced', TIMEOUT);
    await rows.filter({ hasText: 'alwaysauthreject is off' }).first().waitFor({ state: 'detached' });
    step('fixed');

    // Disable a finding for one line: the client asks for the reason, the server writes the comment.
    const reason = 'trunk accepted by IP from the provider only';
    const noSecret = rows.filter({ hasText: "Friend 'provider' has no secret" }).first();
    await noSecret.dblclick();
    await lightBulb.waitFor();
    await page.keyboard.press('Control+.');
    await menu.locator('.monaco-list-row', { hasText: 'Disable sip-peer-no-secret for this line' }).first().click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Disable sip-peer-no-secret for this line' }).waitFor();
    await input.fill(reason);
    await page.keyboard.press('Enter');
    const comment = `; pbxlint-disable-next-line sip-peer-no-secret -- ${reason}`;
    await lib.waitFor(async () => (await editorText(page)).includes(comment), 'the suppression comment in the editor', TIMEOUT);
    await rows.filter({ hasText: "Friend 'provider' has no secret" }).first().waitFor({ state: 'detached' });
    step('suppressed');

    // Save: the edits are real text edits in the file.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+S');
    const disk = await lib.waitFor(() => {
      const t = fs.readFileSync(sipPath, 'utf8');
      return t.includes('alwaysauthreject=yes') && t.includes(`${comment}\n[provider]`) ? t : undefined;
    }, 'sip.conf saved with the fix and the comment', TIMEOUT);
    result.savedLines = disk.split('\n').filter((l) => /alwaysauthreject|pbxlint-disable/.test(l));
    if (DEBUG) await shot('after.png', false);
    step('saved');
    result.ok = true;
  } catch (err) {
    result.error = String((err && err.stack) || err);
    if (page) result.failureScreenshot = await page.screenshot({ path: path.join(dir, 'failure.png') }).then(() => path.join(dir, 'failure.png'), () => undefined);
    if (serverLog) result.serverLogTail = lib.tail(serverLog, 30);
  }
  await lib.finish(result, dir);
}

void main();
