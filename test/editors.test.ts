/**
 * The bundled language server (`node dist/server.js --stdio`) in two other real LSP clients:
 * Neovim's built-in client (0.7, vim.lsp.start_client) and Emacs' eglot (1.9), both headless,
 * on a copy of examples/etc/asterisk/sip.conf. The editor scripts are test/editors/*.{lua,el};
 * each prints `PBXLINT_RESULT {json}`.
 *
 * Needs `nvim` and `emacs` + eglot (scripts/install-e2e-tools.sh installs Debian's). Without them
 * these tests skip (saying why), unless PBXLINT_E2E=1, where that is a failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './helpers';
import { DriverRun, missing, onPath, outputTail, requireTools, runDriver, sandbox, skipUnless } from './e2e/harness';

const SIP = join(ROOT, 'examples', 'etc', 'asterisk', 'sip.conf');
const SERVER = join(DIST, 'server.js');

interface Action {
  title: string;
  kind: string;
  isPreferred: boolean;
  hasEdit: boolean;
  command: string | null;
}
interface EditorResult {
  ok: boolean;
  error?: string | null;
  client: string;
  clientVersion: string;
  diagnostics: { code: string; source: string; severity: number; line: number; message: string }[];
  hover: string;
  codeActions: Action[];
  lineAfterFix: string;
  codesAfterFix: string[];
  suppressionLine?: string;
  fixAll: { title: string; kind: string }[];
  serverExitCode: number;
  executeCommands?: string[];
  steps: { step: string; ms: number }[];
}

const ALWAYSAUTHREJECT_ACTIONS = [
  'Set alwaysauthreject=yes',
  'Disable sip-alwaysauthreject for this line',
  'Disable sip-alwaysauthreject for this file',
  'Show documentation for sip-alwaysauthreject',
];

/** Runs an editor on a fresh copy of sip.conf, in a sandboxed HOME, and returns its result. */
async function runEditor(cmd: string, args: (file: string) => string[]): Promise<{ run: DriverRun<EditorResult>; r: EditorResult }> {
  const box = sandbox('pbxlint-editor-');
  try {
    const file = join(box.dir, 'sip.conf');
    copyFileSync(SIP, file);
    const run = await runDriver<EditorResult>(cmd, args(file), {
      timeoutMs: 25_000,
      cwd: box.dir,
      env: { ...box.env, PBXLINT_NODE: process.execPath, PBXLINT_SERVER: SERVER, PBXLINT_WAIT_MS: '10000' },
    });
    assert.ok(run.result, `no PBXLINT_RESULT line\n${outputTail(run)}`);
    return { run, r: run.result };
  } finally {
    rmSync(box.dir, { recursive: true, force: true });
  }
}

/** What every client must see: the same findings, hover, actions and fix as VS Code. */
function assertCommon(r: EditorResult, run: DriverRun<EditorResult>): void {
  assert.equal(r.ok, true, `${r.error}\n${outputTail(run)}`);
  assert.equal(run.code, 0);
  const codes = r.diagnostics.map((d) => d.code);
  for (const c of ['sip-allowguest', 'sip-alwaysauthreject', 'sip-register-credentials', 'sip-secret-weak', 'sip-peer-no-secret', 'sip-insecure-invite']) {
    assert.ok(codes.includes(c), `${c} missing; got ${codes.join(', ')}`);
  }
  assert.ok(r.diagnostics.every((d) => d.source === 'pbxlint'), 'every diagnostic has source pbxlint');
  assert.ok(!r.diagnostics.some((d) => d.message.includes('Summer2019') || d.message.includes('1234')), 'no secret in a message');
  const aar = r.diagnostics.find((d) => d.code === 'sip-alwaysauthreject')!;
  assert.equal(aar.line, 9);
  assert.equal(aar.severity, 2, 'warning');
  assert.match(r.hover, /^\*\*sip-alwaysauthreject\*\* \(warning\)/);
  assert.deepEqual(r.codeActions.map((a) => a.title), ALWAYSAUTHREJECT_ACTIONS);
  assert.deepEqual(r.codeActions.map((a) => a.isPreferred), [true, false, false, false]);
  assert.ok(r.codeActions.every((a) => a.kind === 'quickfix'));
  assert.ok(r.codeActions[0].hasEdit && r.codeActions[0].command === null, 'the fix is a plain edit');
  assert.equal(r.codeActions[1].command, 'pbxlint.applySuppression', 'without asksSuppressionReason the server applies the suppression itself');
  assert.equal(r.lineAfterFix, 'alwaysauthreject=yes');
  assert.ok(!r.codesAfterFix.includes('sip-alwaysauthreject'), 'the fixed finding is gone after didChange');
  assert.ok(r.codesAfterFix.includes('sip-allowguest'), 'the others stay');
  assert.deepEqual(r.fixAll, [{ title: 'Fix all safe pbxlint problems', kind: 'source.fixAll.pbxlint' }]);
  assert.equal(r.serverExitCode, 0, 'the server exits 0 after shutdown + exit');
}

const nvim = onPath('nvim');
const nvimAbsent = missing({ nvim });
let nvimRun: Promise<{ run: DriverRun<EditorResult>; r: EditorResult }> | undefined;
const runNvim = () => (nvimRun ??= runEditor(nvim!, (file) => ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(ROOT, 'test', 'editors', 'nvim-lsp.lua')}`, file]));
test('Neovim built-in LSP client: diagnostics, hover, code actions, fix, server-side suppression, fix-all', { skip: skipUnless(nvimAbsent), timeout: 30_000 }, async (t) => {
  requireTools(nvimAbsent);
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: npm run build');
  const { run, r } = await runNvim();
  t.diagnostic(`Neovim ${r.clientVersion}: ${run.ms} ms (${r.steps.map((s) => `${s.step} ${s.ms}`).join(', ')})`);
  assertCommon(r, run);
  assert.match(r.clientVersion, /^0\.\d+\.\d+$/);
  // workspace/executeCommand -> the server sends workspace/applyEdit -> Neovim applies it.
  assert.equal(r.suppressionLine, '; pbxlint-disable-next-line sip-peer-no-secret -- reason required');
});

test('Neovim: every code action either edits or runs a command the server executes', { skip: skipUnless(nvimAbsent), timeout: 30_000 }, async () => {
  requireTools(nvimAbsent);
  const { r } = await runNvim();
  assert.equal(r.ok, true, String(r.error));
  const executable = Array.isArray(r.executeCommands) ? r.executeCommands : [];
  for (const a of r.codeActions) assert.ok(a.hasEdit || (a.command !== null && executable.includes(a.command)), `"${a.title}" runs ${a.command}, which the server does not execute (it offers ${executable.join(', ')})`);
});

const emacs = onPath('emacs');
const eglotDirs = existsSync('/usr/share/emacs/site-lisp/elpa') ? readdirSync('/usr/share/emacs/site-lisp/elpa').filter((d) => d.startsWith('eglot-')) : [];
const emacsAbsent = missing({ emacs, 'eglot (elpa-eglot)': eglotDirs.length ? join('/usr/share/emacs/site-lisp/elpa', eglotDirs[0]) : undefined });
let emacsRun: Promise<{ run: DriverRun<EditorResult>; r: EditorResult }> | undefined;
const runEmacs = () => (emacsRun ??= runEditor(emacs!, (file) => ['--batch', '-Q', '-l', join(ROOT, 'test', 'editors', 'eglot-lsp.el'), file]));

test('Emacs eglot: diagnostics through Flymake, hover, code actions, fix, fix-all', { skip: skipUnless(emacsAbsent), timeout: 30_000 }, async (t) => {
  requireTools(emacsAbsent);
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: npm run build');
  const { run, r } = await runEmacs();
  t.diagnostic(`${r.clientVersion}: ${run.ms} ms (${r.steps.map((s) => `${s.step} ${s.ms}`).join(', ')})`);
  assertCommon(r, run);
  assert.match(r.clientVersion, /^emacs \d+\.\d+, eglot \d+\.\d+/);
});

test('Emacs eglot: the server registers only capabilities the client supports (no warning)', { skip: skipUnless(emacsAbsent), timeout: 30_000 }, async () => {
  requireTools(emacsAbsent);
  const { run, r } = await runEmacs();
  assert.equal(r.ok, true, String(r.error));
  const warning = run.stderr.split('\n').find((l) => l.includes('unsupported capability'));
  assert.equal(warning, undefined, warning);
});
