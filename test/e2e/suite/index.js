'use strict';
/**
 * Extension-host integration suite: runs INSIDE a real VS Code extension host (the VS Code OSS
 * server shipped in code-server, started by ../host-tests.js with --enable-smoke-test-driver),
 * with the real `vscode` API and the extension loaded from `extensionDevelopmentPath`.
 *
 * Contract as with @vscode/test-electron: VS Code requires this file and awaits `run()`; a
 * rejection makes the window exit with code 1. Results also go, as JSON, to the file named by
 * PBXLINT_E2E_RESULT (the extension host inherits the server's environment).
 *
 * Workspace layout (made by host-tests.js): etc/asterisk/{sip,manager}.conf and two more copies
 * of sip.conf under fixall/ and onsave/, all copies of examples/etc/asterisk.
 */
const vscode = require('vscode');
const assert = require('node:assert/strict');
const fs = require('node:fs');

const WAIT = Number(process.env.PBXLINT_E2E_WAIT_MS) || 20_000;
const DOCS = 'https://github.com/pbxlint/pbxlint/blob/main/docs/rules/';
const log = (msg) => console.log(`[pbxlint-e2e] ${msg}`);
const sleep = (n) => new Promise((r) => setTimeout(r, n));

async function waitFor(fn, what, timeout = WAIT) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms: ${what}`);
    await sleep(50);
  }
}

const root = () => vscode.workspace.workspaceFolders[0].uri;
const fileUri = (rel) => vscode.Uri.joinPath(root(), rel);
const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pbxlint');
const codes = (uri) => ours(uri).map(codeOf);
const find = (uri, code, line) => ours(uri).find((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line));

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Diagnostics for `uri` once the server has published for its current text. */
function waitForCode(uri, code, what) {
  return waitFor(() => find(uri, code), what || `a ${code} diagnostic on ${uri.path}`);
}

async function actionsAt(uri, range, kind) {
  const all = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind);
  return all || [];
}

function fullRange(doc) {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const state = {};

test('sip.conf opens as asterisk-config and activates the extension', async () => {
  state.sip = await open('etc/asterisk/sip.conf');
  assert.equal(state.sip.languageId, 'asterisk-config');
  const ext = vscode.extensions.getExtension('pbxlint.pbxlint');
  assert.ok(ext, 'extension pbxlint.pbxlint is not loaded');
  await waitFor(() => ext.isActive, 'the extension to activate');
});

test('diagnostics: rule id as code, source pbxlint, docs link, no secret in any message', async () => {
  const uri = state.sip.uri;
  await waitForCode(uri, 'sip-alwaysauthreject');
  const all = vscode.languages.getDiagnostics(uri);
  state.codes = all.map(codeOf);
  for (const d of all) {
    assert.equal(d.source, 'pbxlint', `unexpected diagnostic source: ${d.source} (${d.message})`);
    assert.ok(d.code && typeof d.code === 'object', 'code carries the docs link');
    assert.equal(d.code.target.toString(true), `${DOCS}${codeOf(d)}.md`);
    // '1003' is also the peer's name, so only the other two secrets can be checked.
    for (const secret of ['1234', 'Summer2019']) assert.ok(!d.message.includes(secret), `message leaks a secret: ${d.message}`);
  }
  for (const c of ['sip-allowguest', 'sip-allowtransfer', 'sip-alwaysauthreject', 'sip-register-credentials', 'sip-secret-weak', 'sip-peer-no-secret', 'sip-insecure-invite']) {
    assert.ok(state.codes.includes(c), `${c} missing; got ${state.codes.join(', ')}`);
  }
  assert.equal(state.codes.filter((c) => c === 'sip-secret-weak').length, 3, 'three weak secrets');
  const d = find(uri, 'sip-alwaysauthreject');
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(d.range.start.line, 8);
  assert.equal(state.sip.getText(d.range), 'no');
  assert.equal(find(uri, 'sip-allowguest').severity, vscode.DiagnosticSeverity.Error);
});

test('manager.conf gets AMI findings', async () => {
  const doc = await open('etc/asterisk/manager.conf');
  assert.equal(doc.languageId, 'asterisk-config');
  await waitForCode(doc.uri, 'ami-bind-public');
  const got = codes(doc.uri);
  for (const c of ['ami-bind-public', 'ami-user-no-acl', 'ami-secret-weak', 'ami-acl-permit-all']) assert.ok(got.includes(c), `${c} missing; got ${got.join(', ')}`);
  await open('etc/asterisk/sip.conf');
});

test('hover on a finding shows the rule id in markdown', async () => {
  const d = find(state.sip.uri, 'sip-alwaysauthreject');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', state.sip.uri, d.range.start.translate(0, 1));
  const text = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /\*\*sip-alwaysauthreject\*\*/, `hover: ${text}`);
  assert.ok(text.includes(`](${DOCS}sip-alwaysauthreject.md)`), `hover has no docs link: ${text}`);
});

test('code actions: one preferred safe fix, disable for line/file (asks a reason), docs', async () => {
  const d = find(state.sip.uri, 'sip-alwaysauthreject');
  const actions = await actionsAt(state.sip.uri, d.range);
  const titles = actions.map((a) => a.title);
  assert.deepEqual(titles, [
    'Set alwaysauthreject=yes',
    'Disable sip-alwaysauthreject for this line',
    'Disable sip-alwaysauthreject for this file',
    'Show documentation for sip-alwaysauthreject',
  ]);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, 'exactly one preferred action');
  assert.equal(preferred[0].title, 'Set alwaysauthreject=yes');
  assert.equal(preferred[0].kind.value, 'quickfix');
  const disable = actions[1];
  assert.equal(disable.command.command, 'pbxlint.addSuppression', 'the VS Code client asks for the reason itself');
  assert.equal(disable.command.arguments[0].ruleId, 'sip-alwaysauthreject');
  assert.equal(actions[3].command.command, 'pbxlint.openRuleDocs');
  assert.deepEqual(actions[3].command.arguments, [`${DOCS}sip-alwaysauthreject.md`]);
  state.preferred = preferred[0];
});

test('applying the preferred quick fix changes the value and clears the finding', async () => {
  const uri = state.sip.uri;
  assert.ok(state.preferred, 'needs the preferred action from the previous test');
  const before = ours(uri).length;
  assert.equal(await vscode.workspace.applyEdit(state.preferred.edit), true);
  assert.equal(state.sip.lineAt(8).text, 'alwaysauthreject=yes');
  await waitFor(() => !find(uri, 'sip-alwaysauthreject') && ours(uri).length === before - 1, 'sip-alwaysauthreject to clear (and only it)');
  assert.ok(find(uri, 'sip-allowguest'), 'the other findings stay');
});

test('a weak secret gets an offered (not preferred) generated secret', async () => {
  const uri = state.sip.uri;
  const d = find(uri, 'sip-secret-weak', 18);
  assert.ok(d, 'weak secret on line 19 (secret=1234)');
  const actions = await actionsAt(uri, d.range);
  const fix = actions.find((a) => /generated 24-character secret/.test(a.title));
  assert.ok(fix, `no generated-secret fix; got ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(!fix.isPreferred, 'a new secret changes behaviour: it must not be preferred');
  assert.ok(!actions.some((a) => a.isPreferred), 'nothing preferred for a weak secret');
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  const m = /^secret=([A-Za-z0-9_.-]{24})(\s+;.*)$/.exec(state.sip.lineAt(18).text);
  assert.ok(m, `line 19 after the fix: ${state.sip.lineAt(18).text}`);
  assert.equal(m[2], '            ; every phone inherits this', 'the comment after the value is kept');
  await waitFor(() => !find(uri, 'sip-secret-weak', 18), 'the weak-secret finding on line 19 to clear');
});

test('Disable for this line: the server writes the comment through workspace/applyEdit', async () => {
  const uri = state.sip.uri;
  const d = find(uri, 'sip-peer-no-secret');
  const actions = await actionsAt(uri, d.range);
  const disable = actions.find((a) => a.title === 'Disable sip-peer-no-secret for this line');
  assert.ok(disable, 'no disable action');
  const line = d.range.start.line;
  // What pbxlint.addSuppression does once the user typed a reason in the input box.
  await vscode.commands.executeCommand('pbxlint.applySuppression', { ...disable.command.arguments[0], reason: 'e2e: trunk is IP-authenticated' });
  await waitFor(() => !find(uri, 'sip-peer-no-secret'), 'sip-peer-no-secret to be suppressed');
  assert.equal(state.sip.lineAt(line).text, '; pbxlint-disable-next-line sip-peer-no-secret -- e2e: trunk is IP-authenticated');
  assert.equal(state.sip.lineAt(line + 1).text, '[provider]');
});

test('source.fixAll.pbxlint applies the safe fixes only, and then has nothing left to do', async () => {
  const doc = await open('fixall/etc/asterisk/sip.conf');
  await waitForCode(doc.uri, 'sip-alwaysauthreject');
  const original = doc.getText().split('\n');
  const actions = await actionsAt(doc.uri, fullRange(doc), 'source.fixAll.pbxlint');
  assert.deepEqual(actions.map((a) => [a.title, a.kind && a.kind.value]), [['Fix all safe pbxlint problems', 'source.fixAll.pbxlint']]);
  assert.equal(await vscode.workspace.applyEdit(actions[0].edit), true);
  const after = doc.getText().split('\n');
  assert.equal(after[8], 'alwaysauthreject=yes');
  // Safe fixes only change a value or add lines: every other original line is still there, in order.
  let i = 0;
  for (const line of original.filter((_, n) => n !== 8)) {
    while (i < after.length && after[i] !== line) i++;
    assert.ok(i < after.length, `fix-all removed or changed: ${JSON.stringify(line)}`);
    i++;
  }
  // Offered fixes (they change behaviour) are not applied.
  assert.ok(!after.some((l) => /^\s*allowguest\s*=/.test(l)), 'allowguest must not be added by fix-all');
  assert.ok(after.includes('secret=1234            ; every phone inherits this') && after.includes('secret=1003'), 'secrets untouched');
  assert.ok(after.includes('insecure=port,invite'));
  await waitFor(() => !find(doc.uri, 'sip-alwaysauthreject'), 'sip-alwaysauthreject to clear');
  assert.ok(find(doc.uri, 'sip-allowguest'), 'offered findings stay');
  const again = await actionsAt(doc.uri, fullRange(doc), 'source.fixAll.pbxlint');
  assert.deepEqual(again.map((a) => a.title), [], 'fix-all leaves nothing safe to fix');
});

test('editor.codeActionsOnSave { source.fixAll.pbxlint } fixes on save', async () => {
  const editorCfg = vscode.workspace.getConfiguration('editor');
  await editorCfg.update('codeActionsOnSave', { 'source.fixAll.pbxlint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
  try {
    const doc = await open('onsave/etc/asterisk/sip.conf');
    await waitForCode(doc.uri, 'sip-alwaysauthreject');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '; saved by the e2e test\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(await doc.save(), true, 'save');
    const disk = fs.readFileSync(doc.uri.fsPath, 'utf8');
    assert.match(disk, /^alwaysauthreject=yes$/m, 'fix-all ran before the save');
    assert.ok(!/^allowguest\s*=/m.test(disk), 'offered fixes are not applied on save');
  } finally {
    await editorCfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  }
});

test('pbxlint.rules setting turns a rule off and back on', async () => {
  const uri = state.sip.uri;
  const cfg = () => vscode.workspace.getConfiguration('pbxlint', uri);
  assert.ok(find(uri, 'sip-allowtransfer'));
  await cfg().update('rules', { 'sip-allowtransfer': 'off' }, vscode.ConfigurationTarget.Workspace);
  try {
    await waitFor(() => !find(uri, 'sip-allowtransfer') && find(uri, 'sip-allowguest'), 'sip-allowtransfer to go when the rule is off');
  } finally {
    await cfg().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor(() => find(uri, 'sip-allowtransfer'), 'sip-allowtransfer to come back');
});

test('completion: [general] keys of sip.conf, then allowguest values with the safe one first', async () => {
  const doc = await open('etc/asterisk/sip.conf');
  const general = doc.getText().split(/\r?\n/).indexOf('[general]');
  assert.ok(general >= 0, 'no [general] line');
  const at = new vscode.Position(general + 1, 0);
  const insert = new vscode.WorkspaceEdit();
  insert.insert(doc.uri, at, '\n');
  assert.equal(await vscode.workspace.applyEdit(insert), true);
  const label = (i) => (typeof i.label === 'string' ? i.label : i.label.label);
  try {
    const keys = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at);
    const keyLabels = ((keys && keys.items) || []).map(label);
    assert.ok(keyLabels.includes('allowguest') && keyLabels.includes('alwaysauthreject'), `no [general] keys offered; got ${keyLabels.slice(0, 20).join(', ')}`);
    assert.ok(!keyLabels.includes('insecure'), 'a peer key is offered in [general]');
    const typed = new vscode.WorkspaceEdit();
    typed.insert(doc.uri, at, 'allowguest=');
    assert.equal(await vscode.workspace.applyEdit(typed), true);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at.translate(0, 'allowguest='.length));
    const values = ((list && list.items) || []).filter((i) => ['no', 'yes'].includes(label(i)));
    const key = (i) => i.sortText || label(i);
    values.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    assert.deepEqual(values.map(label), ['no', 'yes'], 'allowguest values, safe (no) first');
  } finally {
    const undo = new vscode.WorkspaceEdit();
    undo.delete(doc.uri, new vscode.Range(at, new vscode.Position(general + 2, 0)));
    await vscode.workspace.applyEdit(undo);
  }
  assert.equal(doc.lineAt(general + 1).text.startsWith('allowguest='), false, 'the inserted line is removed again');
});

test('PBX Lint: Audit Workspace lints files that are not open and puts them in Problems', async () => {
  const iax = fileUri('etc/asterisk/iax.conf');
  assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === iax.toString()), false, 'iax.conf must not be open for this test');
  assert.deepEqual(codes(iax), [], 'no findings before the audit');
  const summary = await vscode.commands.executeCommand('pbxlint.auditWorkspace');
  assert.ok(summary && summary.files >= 5, `audited ${summary && summary.files} files`);
  assert.ok(summary.byKind.iax >= 1 && summary.byKind.pjsip >= 1 && summary.byKind.extensions >= 1, JSON.stringify(summary.byKind));
  await waitFor(() => codes(iax).includes('iax-user-no-secret'), 'audit findings for the closed iax.conf');
  log(`audit: ${summary.files} files, ${summary.findings.error} errors, ${summary.findings.warning} warnings`);
});

exports.run = async function run() {
  const out = { ok: false, tests: [], vscodeVersion: vscode.version };
  log(`VS Code ${vscode.version}, ${tests.length} tests`);
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      out.tests.push({ name: t.name, ok: true, ms: Date.now() - t0 });
      log(`ok - ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      out.tests.push({ name: t.name, ok: false, ms: Date.now() - t0, error: String((err && err.stack) || err) });
      log(`not ok - ${t.name}: ${(err && err.message) || err}`);
    }
  }
  out.codes = state.codes;
  out.ok = out.tests.every((t) => t.ok);
  if (process.env.PBXLINT_E2E_RESULT) fs.writeFileSync(process.env.PBXLINT_E2E_RESULT, JSON.stringify(out, null, 2));
  const failed = out.tests.filter((t) => !t.ok);
  log(`${out.tests.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} extension-host test(s) failed: ${failed.map((t) => t.name).join('; ')}`);
};
