#!/usr/bin/env node
'use strict';
/**
 * Mode B driver: runs suite/index.js inside a real VS Code extension host, the way
 * @vscode/test-electron would, but with the VS Code OSS server from code-server (desktop VS Code
 * cannot be downloaded here) and a headless Chromium as the window.
 *
 *   node test/e2e/host-tests.js [--root DIR] [--timeout MS]
 *
 * 1. Copies the extension (manifest + dist bundles + grammar, snippets, ...) and a workspace made
 *    of examples/etc/asterisk into a temporary directory.
 * 2. Starts lib/vscode/out/server-main.js on 127.0.0.1 (random port) with --enable-smoke-test-driver,
 *    in its own process group, with fresh user/server/extensions dirs.
 * 3. Opens the workbench with payload extensionDevelopmentPath + extensionTestsPath; VS Code calls
 *    window.codeAutomationExit(code) when run() settles.
 * 4. Prints `PBXLINT_RESULT {json}` (exit code, the suite's per-test results, its log) and exits
 *    0 only if every test passed. Servers and browser are killed by process group at exit.
 */
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const ROOT = path.resolve(arg('--root', process.env.PBXLINT_ROOT || path.join(__dirname, '..', '..')));
const TIMEOUT = Number(arg('--timeout', '90000'));
const SUITE = path.join(__dirname, 'suite', 'index.js');
/** What the extension needs at run time (the same files the VSIX ships). */
const EXTENSION_FILES = ['package.json', 'dist/extension.js', 'dist/server.js', 'syntaxes', 'snippets', 'language-configuration', 'schemas', 'LICENSE', 'README.md'];

async function main() {
  const dir = lib.tempDir('pbxlint-e2e-host-');
  const result = { mode: 'extension-host', ok: false, steps: [], log: [] };
  const step = (name) => result.steps.push({ step: name, ms: lib.ms() });
  let serverLog;
  try {
    const missing = lib.missingTools();
    if (missing.length) throw new Error(`missing tools: ${missing.join(', ')}; run scripts/install-e2e-tools.sh`);
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run npm run build`);
    }

    const ext = path.join(dir, 'extension');
    for (const f of EXTENSION_FILES) {
      if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(ext, f), { recursive: true });
    }
    const ws = path.join(dir, 'workspace');
    const examples = path.join(ROOT, 'examples', 'etc', 'asterisk');
    for (const sub of ['', 'fixall', 'onsave']) fs.cpSync(examples, path.join(ws, sub, 'etc', 'asterisk'), { recursive: true });
    for (const sub of ['user/User', 'server-data/data/User']) lib.writeSettings(path.join(dir, sub, 'settings.json'));

    const suiteResult = path.join(dir, 'suite-result.json');
    serverLog = path.join(dir, 'server.log');
    const server = lib.startGroup(
      lib.NODE24,
      [
        lib.VSCODE_SERVER_MAIN,
        '--host', '127.0.0.1',
        '--port', '0',
        '--without-connection-token',
        '--accept-server-license-terms',
        '--enable-smoke-test-driver',
        '--disable-workspace-trust',
        '--disable-telemetry',
        '--reconnection-grace-time', '5',
        '--user-data-dir', path.join(dir, 'user'),
        '--server-data-dir', path.join(dir, 'server-data'),
        '--extensions-dir', path.join(dir, 'extensions'),
      ],
      { log: serverLog, cwd: dir, env: { ...lib.sandboxEnv(dir), PBXLINT_E2E_RESULT: suiteResult, PATH: `${path.dirname(lib.NODE24)}:${process.env.PATH}` } },
    );
    const port = Number((await lib.waitForLog(serverLog, /Extension host agent listening on (\d+)/, server, 30_000))[1]);
    step('server');

    const { page } = await lib.launchBrowser(dir);
    page.on('console', (m) => {
      const text = m.text();
      if (text.includes('[pbxlint-e2e]')) result.log.push(text.replace(/^.*?\[pbxlint-e2e\] /, ''));
    });
    page.on('pageerror', (e) => result.log.push(`page error: ${e.message}`));
    const exitCode = new Promise((resolve) => void page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ext)],
      ['extensionTestsPath', remote(SUITE)],
    ]);
    step('browser');
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    step('workbench');
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${TIMEOUT} ms`)), TIMEOUT);
    });
    result.exitCode = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    step('suite');
    if (!fs.existsSync(suiteResult)) throw new Error(`the suite wrote no result (exit code ${result.exitCode})`);
    result.suite = JSON.parse(fs.readFileSync(suiteResult, 'utf8'));
    result.ok = result.exitCode === 0 && result.suite.ok === true;
    if (!result.ok) result.error = `exit code ${result.exitCode}; failed: ${result.suite.tests.filter((t) => !t.ok).map((t) => t.name).join('; ')}`;
  } catch (err) {
    result.error = String((err && err.stack) || err);
    if (serverLog) result.serverLogTail = lib.tail(serverLog, 30);
  }
  await lib.finish(result, dir);
}

void main();
