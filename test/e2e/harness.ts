/**
 * What test/e2e.test.ts and test/editors.test.ts share: where the real editors are, whether a
 * missing one is a skip or a failure (PBXLINT_E2E=1), and running a driver as a child process in
 * its own process group with a deadline, reading its `PBXLINT_RESULT {json}` line.
 * (Compiled with the other tests; it defines no tests itself.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/** Where scripts/install-e2e-tools.sh puts the npm-installed tools. */
export const TOOLS = resolve(process.env.PBXLINT_TOOLS || '/tmp/pbxlint-tools');
/** CI sets PBXLINT_E2E=1 after running the installer: then a missing tool is a failure, not a skip. */
export const E2E_REQUIRED = process.env.PBXLINT_E2E === '1';

export function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

/** The tools the code-server drivers (test/e2e/*.js) need; same layout as test/e2e/lib.js. */
export const CODE_SERVER_TOOLS: Record<string, string> = {
  'Node 24': join(TOOLS, 'node24', 'node_modules', 'node', 'bin', 'node'),
  'code-server': join(TOOLS, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  'VS Code server': join(TOOLS, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  'playwright-core': join(TOOLS, 'pw', 'node_modules', 'playwright-core', 'package.json'),
  chromium: process.env.PBXLINT_CHROMIUM || '/usr/bin/chromium',
};

/** "name (path)" for each tool that is not there. */
export function missing(tools: Record<string, string | undefined>): string[] {
  return Object.entries(tools)
    .filter(([, p]) => !p || !existsSync(p))
    .map(([name, p]) => `${name}${p ? ` (${p})` : ' (not on PATH)'}`);
}

/**
 * The `skip` option for a test that needs `absent` tools: a reason to skip when some are missing
 * and PBXLINT_E2E is not 1; false otherwise (the test then fails on `requireTools`).
 */
export function skipUnless(absent: string[]): string | false {
  if (!absent.length || E2E_REQUIRED) return false;
  return `not installed: ${absent.join(', ')}. Run scripts/install-e2e-tools.sh (PBXLINT_TOOLS=${TOOLS}); with PBXLINT_E2E=1 this is a failure`;
}

export function requireTools(absent: string[]): void {
  if (absent.length) throw new Error(`PBXLINT_E2E=1 but these are missing: ${absent.join(', ')}. Run scripts/install-e2e-tools.sh first.`);
}

/** A fresh directory with HOME, XDG dirs and TMPDIR for an editor, so nothing lands in the real home. */
export function sandbox(prefix: string): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  return {
    dir,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_STATE_HOME: join(home, '.local', 'state'), TMPDIR: tmp },
  };
}

export interface DriverRun<R> {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
  /** The JSON after the last `PBXLINT_RESULT ` marker, if any. */
  result: R | undefined;
}

const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Runs a driver in a new process group. At the deadline the group gets SIGTERM (the code-server
 * drivers then stop their servers and browser), 3 s later SIGKILL. Afterwards the driver's group
 * and every group it announced with `PBXLINT_PGID n` are SIGKILLed, whatever happened.
 */
export function runDriver<R>(cmd: string, args: string[], opts: { timeoutMs: number; env?: Record<string, string>; cwd?: string }): Promise<DriverRun<R>> {
  const t0 = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const groups = new Set<number>();
    if (child.pid) {
      groups.add(child.pid);
      liveGroups.add(child.pid);
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      for (const m of s.matchAll(/^PBXLINT_PGID (\d+)$/gm)) {
        groups.add(Number(m[1]));
        liveGroups.add(Number(m[1]));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    let timedOut = false;
    let hardKill: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      timedOut = true;
      for (const g of groups) killGroup(g, 'SIGTERM');
      hardKill = setTimeout(() => {
        for (const g of groups) killGroup(g, 'SIGKILL');
      }, 3000);
    }, opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      if (hardKill) clearTimeout(hardKill);
      for (const g of groups) {
        killGroup(g, 'SIGKILL');
        liveGroups.delete(g);
      }
      const at = stdout.lastIndexOf('PBXLINT_RESULT ');
      let result: R | undefined;
      if (at >= 0) {
        try {
          result = JSON.parse(stdout.slice(at + 'PBXLINT_RESULT '.length).split('\n')[0]) as R;
        } catch {
          result = undefined;
        }
      }
      resolvePromise({ code, signal, timedOut, ms: Date.now() - t0, stdout, stderr, result });
    });
  });
}

/** The tail of a run's output, for assertion messages. */
export function outputTail(run: DriverRun<unknown>, chars = 3000): string {
  const all = `exit ${run.code ?? run.signal}${run.timedOut ? ' (timed out)' : ''} after ${run.ms} ms\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
  return all.length > chars ? `...${all.slice(-chars)}` : all;
}
