'use strict';
/**
 * Shared pieces of the real-VS-Code drivers (host-tests.js, ui.js): where the tools are, starting
 * a server in its own process group on 127.0.0.1, a headless Chromium with no network but
 * 127.0.0.1, bounded waits, and cleanup that kills whole process groups.
 *
 * Plain CommonJS on purpose: the drivers run as child processes of test/e2e.test.ts (so a hang
 * or crash is contained and killed by process group), and tsc never compiles test/e2e/.
 * Tools layout: see scripts/install-e2e-tools.sh.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TOOLS = path.resolve(process.env.PBXLINT_TOOLS || '/tmp/pbxlint-tools');
const NODE24 = path.join(TOOLS, 'node24', 'node_modules', 'node', 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'cs', 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER, 'out', 'node', 'entry.js');
const VSCODE_SERVER_MAIN = path.join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');
const PLAYWRIGHT = path.join(TOOLS, 'pw', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.PBXLINT_CHROMIUM || '/usr/bin/chromium';

/** User settings for a fresh profile: no trust prompt, no welcome page, no telemetry, no AI chat actions. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
};

const started = Date.now();
/** Milliseconds since the driver started, for the step log. */
const ms = () => Date.now() - started;
const sleep = (n) => new Promise((r) => setTimeout(r, n));

/** Everything to undo at exit, newest first. */
const cleanups = [];
let cleaning;
function onCleanup(fn) {
  cleanups.unshift(fn);
}
async function cleanup() {
  if (!cleaning) {
    cleaning = (async () => {
      for (const fn of cleanups.splice(0)) {
        try {
          await fn();
        } catch {
          /* best effort */
        }
      }
    })();
  }
  return cleaning;
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] || 15)));
  });
}

function missingTools() {
  const need = { 'Node 24': NODE24, 'code-server': CODE_SERVER_ENTRY, 'VS Code server': VSCODE_SERVER_MAIN, 'playwright-core': PLAYWRIGHT, chromium: CHROMIUM };
  return Object.entries(need)
    .filter(([, p]) => !fs.existsSync(p))
    .map(([name, p]) => `${name} (${p})`);
}

/**
 * HOME, XDG dirs and TMPDIR inside `dir`: code-server and the VS Code server otherwise write
 * ~/.config/code-server, ~/.local/share/code-server, ~/.vscode-server-oss, ~/.cache/Microsoft
 * and leave /tmp/vscode-ipc-*.sock behind.
 */
function sandboxEnv(dir) {
  const home = path.join(dir, 'home');
  const tmp = path.join(dir, 'tmp');
  for (const d of [home, tmp]) fs.mkdirSync(d, { recursive: true });
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    TMPDIR: tmp,
  };
}

/** A fresh temporary directory (see finish() for when it is removed). */
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.stdout.write(`PBXLINT_DIR ${dir}\n`);
  return dir;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole process group, then SIGKILL what is left after `graceMs`. */
async function killGroup(pgid, graceMs = 2000) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until && groupAlive(pgid)) await sleep(50);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/**
 * Starts `cmd args` in a new process group (setsid), output to `log`. Prints `PBXLINT_PGID n` so
 * the test that runs this driver can kill the group even if the driver itself is killed.
 */
function startGroup(cmd, args, { log, env, cwd }) {
  const fd = fs.openSync(log, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env }, cwd });
  fs.closeSync(fd);
  process.stdout.write(`PBXLINT_PGID ${child.pid}\n`);
  onCleanup(() => killGroup(child.pid));
  let exited;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  return { pid: child.pid, exited: () => exited };
}

/** Polls `fn` every `every` ms until it returns a truthy value; throws `what` after `timeoutMs`. */
async function waitFor(fn, what, timeoutMs, every = 50) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(every);
  }
}

/** Waits for `re` in the server's log; returns the match. Fails early if the server exits. */
function waitForLog(log, re, proc, timeoutMs) {
  return waitFor(
    () => {
      const m = re.exec(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
      if (!m && proc.exited()) throw new Error(`server exited (${JSON.stringify(proc.exited())}) before logging ${re}:\n${tail(log)}`);
      return m;
    },
    `${re} in ${log}`,
    timeoutMs,
  );
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Headless Debian Chromium through playwright-core: no sandbox (root), no background networking,
 * a fresh profile (and HOME) under `dir`, and every request that is not to 127.0.0.1 aborted.
 */
async function launchBrowser(dir, { viewport = { width: 1280, height: 800 } } = {}) {
  const { chromium } = require(PLAYWRIGHT);
  const context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    viewport,
    deviceScaleFactor: 1,
    timeout: 30_000,
    env: { ...process.env, ...sandboxEnv(path.join(dir, 'chromium')) },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--disable-breakpad',
      '--disable-crash-reporter',
      '--no-first-run',
      '--no-default-browser-check',
      '--password-store=basic',
      '--use-mock-keychain',
    ],
  });
  onCleanup(() => context.close());
  await context.route(
    (url) => !/^(http|ws)s?:\/\/127\.0\.0\.1[:/]/.test(url.href) && !/^(data|blob):/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

/** Writes the settings of a fresh VS Code profile. */
function writeSettings(file, extra = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/**
 * Prints the driver's one-line JSON result and exits, after stopping servers and browser. The
 * temporary directory (logs, profiles) is removed on success, kept on failure or with PBXLINT_E2E_KEEP=1.
 */
async function finish(result, dir) {
  const ok = !!result.ok;
  await cleanup();
  if (dir && ok && process.env.PBXLINT_E2E_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  else if (dir) result.keptDir = dir;
  result.ms = ms();
  process.stdout.write(`\nPBXLINT_RESULT ${JSON.stringify(result)}\n`);
  process.exit(ok ? 0 : 1);
}

module.exports = {
  TOOLS,
  NODE24,
  CODE_SERVER_ENTRY,
  VSCODE_SERVER_MAIN,
  PLAYWRIGHT,
  CHROMIUM,
  ms,
  sleep,
  onCleanup,
  cleanup,
  missingTools,
  sandboxEnv,
  tempDir,
  killGroup,
  startGroup,
  waitFor,
  waitForLog,
  tail,
  launchBrowser,
  writeSettings,
  finish,
};
