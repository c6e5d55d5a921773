/**
 * The real language server (dist/server.js) over stdio JSON-RPC, driven like an editor:
 * open a file, receive diagnostics, ask for code actions, apply one, receive the cleared
 * diagnostics. No mocked connection anywhere.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  CodeActionRequest,
  CodeAction,
  Diagnostic,
  ConfigurationRequest,
  ShutdownRequest,
  ExitNotification,
  TextEdit,
  ApplyWorkspaceEditRequest,
  ApplyWorkspaceEditParams,
  ExecuteCommandRequest,
  HoverRequest,
  MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIST } from './helpers';

class Client {
  proc: ChildProcess;
  conn: ProtocolConnection;
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  last = new Map<string, PublishDiagnosticsParams>();
  config: unknown = null;
  configRequests = 0;
  applied: ApplyWorkspaceEditParams[] = [];
  exited = false;

  constructor() {
    this.proc = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.on('exit', () => (this.exited = true));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.last.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest(ConfigurationRequest.type, (params) => {
      this.configRequests++;
      return params.items.map(() => this.config);
    });
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applied.push(p);
      return { applied: true };
    });
    this.conn.listen();
  }

  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms`)), ms);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async initialize(withConfiguration: boolean, initializationOptions?: unknown, workspaceFolders?: { uri: string; name: string }[]) {
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders ?? null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: withConfiguration },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      },
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  async stop() {
    if (!this.exited) {
      await this.conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.conn.sendNotification(ExitNotification.type).catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
    this.conn.dispose();
    this.proc.kill();
  }
}

// Hardened but for two problems (and the info that chan_sip is deprecated, which every sip.conf gets).
const SIP = `[general]
alwaysauthreject=no
allowtransfer=no
allowguest=no
udpbindaddr=192.0.2.10
useragent=PBX
sdpsession=PBX

[1001]
type=friend
host=dynamic
secret=1001
deny=0.0.0.0/0.0.0.0
permit=192.0.2.0/255.255.255.0
`;

function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), edits);
}

describe('language server over stdio', () => {
  let c: Client;
  before(async () => {
    c = new Client();
    const init = await c.initialize(true);
    assert.ok(init.capabilities.codeActionProvider);
    assert.equal(init.serverInfo?.name, 'pbxlint');
  });
  after(async () => c.stop());

  test('open -> diagnostics -> code action -> apply -> cleared diagnostics', async () => {
    const uri = 'file:///etc/asterisk/sip.conf';
    const waiting = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    const pub = await waiting;
    const codes = pub.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['sip-alwaysauthreject', 'sip-chan-sip-deprecated', 'sip-secret-weak']);
    const d = pub.diagnostics.find((x) => x.code === 'sip-alwaysauthreject')!;
    assert.equal(d.source, 'pbxlint');
    assert.deepEqual(d.range.start, { line: 1, character: 17 });
    assert.match(d.codeDescription!.href, /docs\/rules\/sip-alwaysauthreject\.md$/);
    assert.ok(!pub.diagnostics.some((x) => String(x.message).includes('secret=1001')));

    const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred quick fix');
    assert.equal(fix.kind, 'quickfix');
    const edited = applyLspEdits(SIP, fix.edit!.changes![uri]);
    assert.equal(edited, SIP.replace('alwaysauthreject=no', 'alwaysauthreject=yes'));

    const cleared = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const after2 = await cleared;
    assert.deepEqual(after2.diagnostics.map((x) => x.code), ['sip-chan-sip-deprecated', 'sip-secret-weak']);
  });

  test('incremental edits, the weak-secret fix, and fix-all (source.fixAll.pbxlint)', async () => {
    const uri = 'file:///srv/pbx/asterisk/manager.conf';
    const text = '[general]\nenabled=yes\nbindaddr=127.0.0.1\n\n[admin]\nsecret=amp111\n';
    const opened = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const pub = await opened;
    const weak = pub.diagnostics.find((x) => x.code === 'ami-secret-weak') as Diagnostic;
    assert.ok(weak, 'kind decided from the path, not the language id');
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: weak.range, context: { diagnostics: [weak] } })) as CodeAction[];
    const gen = actions.find((a) => /generated 24-character secret/.test(a.title))!;
    assert.ok(gen && !gen.isPreferred, 'a secret change is offered, never preferred');
    const edit = gen.edit!.changes![uri][0];
    assert.match(edit.newText, /^[A-Za-z0-9._-]{24}$/);
    // Apply as an incremental change, exactly as an editor sends it.
    const cleared = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    assert.equal((await cleared).diagnostics.length, 0);

    const sip = 'file:///etc/asterisk/fixall/sip.conf';
    const text2 = SIP.replace('[general]', '[general]\nuseragent=PBX');
    const open2 = c.diagnostics(sip);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sip, languageId: 'asterisk-config', version: 1, text: text2 } });
    await open2;
    const fixAll = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: sip },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.pbxlint');
    // Only the safe fix is applied: the weak secret (a fix that needs the user) stays.
    assert.equal(applyLspEdits(text2, fixAll[0].edit!.changes![sip]), text2.replace('alwaysauthreject=no', 'alwaysauthreject=yes'));
  });

  test('a status notification after each lint: counts and timing, never content', async () => {
    const got: { files: number; lastFile: string; lastMs: number; findings: number; kind: string }[] = [];
    c.conn.onNotification('pbxlint/status', (p: unknown) => { got.push(p as (typeof got)[number]); });
    const uri = 'file:///etc/asterisk/status/manager.conf';
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: '[general]\nenabled=yes\n\n[admin]\nsecret=amp111\n' } });
    await w;
    await new Promise((r) => setTimeout(r, 50));
    const s = got.find((x) => x.lastFile === 'manager.conf')!;
    assert.ok(s && s.files >= 1 && s.findings >= 1 && s.kind === 'manager' && typeof s.lastMs === 'number');
    assert.ok(!JSON.stringify(got).includes('amp111'));
  });
  test('survives garbage, huge and binary input', async () => {
    const uri = 'file:///etc/asterisk/sip_custom.conf';
    const nasty = ['\0\0\0[', ';--'.repeat(300), '--;'.repeat(50) + '\n[x](', 'x'.repeat(200000), '\ufeff\r\r\n[a](!,+,)\n\\ \n'];
    let version = 1;
    const opened = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version, text: '' } });
    await opened;
    for (const t of nasty) {
      version++;
      const v = version;
      const w = c.diagnostics(uri, (p) => p.version === v);
      await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text: t }] });
      await w;
    }
    // A code action for a document that was never opened is answered, not fatal.
    const none = await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'file:///nope/sip.conf' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(none, []);
    assert.equal(c.exited, false);
  });
});

describe('a client that answers nothing to workspace/configuration', () => {
  test('falls back to the defaults', async () => {
    const c = new Client();
    c.config = null;
    await c.initialize(true);
    const uri = 'file:///etc/asterisk/sip.conf';
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    assert.equal((await w).diagnostics.length, 3);
    assert.ok(c.configRequests >= 1);
    await c.stop();
  });
  test('settings from the client apply (rule off)', async () => {
    const c = new Client();
    c.config = { rules: { 'sip-secret-weak': 'off' } };
    await c.initialize(true);
    const uri = 'file:///etc/asterisk/sip.conf';
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    assert.deepEqual((await w).diagnostics.map((d) => d.code), ['sip-chan-sip-deprecated', 'sip-alwaysauthreject']);
    await c.stop();
  });
  test('.pbxlintrc.json beside the file applies in the editor too (and wins over editor settings)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { pathToFileURL } = await import('node:url');
    const dir = mkdtempSync(join(tmpdir(), 'pbxlint-lsp-'));
    writeFileSync(join(dir, '.pbxlintrc.json'), JSON.stringify({ rules: { 'sip-alwaysauthreject': 'off' } }));
    const c = new Client();
    c.config = { rules: { 'sip-alwaysauthreject': 'error' } };
    await c.initialize(true);
    const uri = pathToFileURL(join(dir, 'sip.conf')).href;
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    assert.deepEqual((await w).diagnostics.map((d) => d.code), ['sip-chan-sip-deprecated', 'sip-secret-weak']);
    await c.stop();
  });
  test('a client without the configuration capability is never asked', async () => {
    const c = new Client();
    await c.initialize(false);
    const uri = 'file:///etc/asterisk/sip.conf';
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    assert.equal((await w).diagnostics.length, 3);
    assert.equal(c.configRequests, 0);
    await c.stop();
  });
});

describe('disable a rule from the editor, hover, show docs', () => {
  const uri = 'file:///etc/asterisk/sip.conf';
  async function openWith(c: Client) {
    const w = c.diagnostics(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'asterisk-config', version: 1, text: SIP } });
    return (await w).diagnostics.find((d) => d.code === 'sip-secret-weak')!;
  }
  test('disable for this line: the server writes the comment with the reason, the finding goes', async () => {
    const c = new Client();
    await c.initialize(true, { asksSuppressionReason: true });
    const d = await openWith(c);
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable sip-secret-weak for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable sip-secret-weak for this file'));
    const docs = actions.find((a) => a.title === 'Show documentation for sip-secret-weak')!;
    assert.match(String(docs.command!.arguments![0]), /docs\/rules\/sip-secret-weak\.md$/);
    const disable = actions.find((a) => a.title === 'Disable sip-secret-weak for this line')!;
    // The VS Code client asks for the reason itself, then runs the server command with it.
    assert.equal(disable.command!.command, 'pbxlint.addSuppression');
    const args = { ...(disable.command!.arguments![0] as object), reason: 'old handset, replaced next week' };
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'pbxlint.applySuppression', arguments: [args] });
    assert.equal(c.applied.length, 1);
    const edited = applyLspEdits(SIP, c.applied[0].edit.changes![uri]);
    assert.equal(edited, SIP.replace('secret=1001', '; pbxlint-disable-next-line sip-secret-weak -- old handset, replaced next week\nsecret=1001'));
    const after = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    assert.deepEqual((await after).diagnostics.map((x) => x.code), ['sip-chan-sip-deprecated', 'sip-alwaysauthreject']);
    await c.stop();
  });
  test('a client that cannot ask gets a placeholder that is itself reported', async () => {
    const c = new Client();
    await c.initialize(true);
    const d = await openWith(c);
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable sip-secret-weak for this file')!;
    assert.equal(disable.command!.command, 'pbxlint.applySuppression');
    await c.conn.sendRequest(ExecuteCommandRequest.type, { command: disable.command!.command, arguments: disable.command!.arguments });
    const edited = applyLspEdits(SIP, c.applied[0].edit.changes![uri]);
    assert.ok(edited.startsWith('; pbxlint-disable-file sip-secret-weak -- reason required\n[general]'));
    const after = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    assert.deepEqual((await after).diagnostics.map((x) => x.code).sort(), ['pbxlint-suppression-no-reason', 'sip-alwaysauthreject', 'sip-chan-sip-deprecated']);
    await c.stop();
  });
  test('hover on a finding explains the rule and links its page; on a key, the key; elsewhere nothing', async () => {
    const c = new Client();
    await c.initialize(true);
    const d = await openWith(c);
    const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
    const md = (h!.contents as MarkupContent).value;
    assert.match(md, /\*\*sip-secret-weak\*\* \(error\)/);
    assert.match(md, /docs\/rules\/sip-secret-weak\.md/);
    assert.ok(!md.includes('1001'), 'no secret in the hover');
    // A known key without a finding: what it does and its default.
    const key = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 2 } });
    assert.match((key!.contents as MarkupContent).value, /host/i);
    const none = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 0 } });
    assert.equal(none, null);
    await c.stop();
  });
});

describe('workspace audit over the protocol', () => {
  test('every recognised file is linted, closed files reach Problems, skips are reported, the watcher keeps them current', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync, unlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { pathToFileURL } = await import('node:url');
    const dir = mkdtempSync(join(tmpdir(), 'pbxlint-audit-'));
    mkdirSync(join(dir, 'asterisk'));
    mkdirSync(join(dir, 'ssh'));
    writeFileSync(join(dir, 'asterisk', 'manager.conf'), '[general]\nenabled=yes\nbindaddr=0.0.0.0\n\n[admin]\nsecret=amp111\n');
    writeFileSync(join(dir, 'asterisk', 'sip.conf'), SIP);
    writeFileSync(join(dir, 'ssh', 'sshd_config'), 'PermitRootLogin yes\n');
    writeFileSync(join(dir, 'asterisk', 'blob.conf'), Buffer.from([0x5b, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const c = new Client();
    c.conn.onRequest('window/workDoneProgress/create', () => null);
    const progress: string[] = [];
    c.conn.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => { progress.push(p.value.kind); });
    await c.initialize(true, undefined, [{ uri: pathToFileURL(dir).href, name: 'box' }]);
    const amiUri = pathToFileURL(join(dir, 'asterisk', 'manager.conf')).href;
    const sshUri = pathToFileURL(join(dir, 'ssh', 'sshd_config')).href;
    const ami = c.diagnostics(amiUri);
    const ssh = c.diagnostics(sshUri);
    const summary = (await c.conn.sendRequest('pbxlint/audit', { exclude: [] })) as { files: number; findings: Record<string, number>; byKind: Record<string, number>; skipped: { path: string; reason: string }[] };
    assert.equal(summary.files, 3);
    assert.deepEqual(summary.byKind, { manager: 1, sip: 1, sshd: 1 });
    assert.ok(summary.findings.error >= 3);
    assert.deepEqual(summary.skipped.map((x) => [x.path.split('/').pop(), x.reason.split(' ')[0]]), [['blob.conf', 'binary']]);
    assert.ok((await ami).diagnostics.some((d) => d.code === 'ami-secret-weak'), 'a closed file reaches Problems');
    assert.ok((await ssh).diagnostics.some((d) => d.code === 'sshd-permit-root-login'));
    assert.ok(progress.includes('begin') && progress.includes('end'), progress.join());
    // The file changes on disk: its findings follow. Then it is deleted: they go.
    writeFileSync(join(dir, 'asterisk', 'manager.conf'), '[general]\nenabled=no\n');
    const changed = c.diagnostics(amiUri);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: amiUri, type: 2 }] });
    assert.equal((await changed).diagnostics.length, 0);
    unlinkSync(join(dir, 'ssh', 'sshd_config'));
    const gone = c.diagnostics(sshUri);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: sshUri, type: 3 }] });
    assert.equal((await gone).diagnostics.length, 0);
    await c.stop();
  });
});
