/**
 * The VS Code side: starts the language server and registers the commands. Everything
 * else (which files, which findings, which fixes) is decided by the server's engine.
 */
import * as path from 'node:path';
import { ExtensionContext, LanguageStatusSeverity, commands, languages, window, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

interface AuditSummary {
  files: number;
  findings: { error: number; warning: number; info: number };
  byKind: Record<string, number>;
  skipped: { path: string; reason: string }[];
  cancelled: boolean;
}

interface SuppressionArgs {
  uri: string;
  version: number;
  line: number;
  ruleId: string;
  scope: 'next-line' | 'file';
  reason?: string;
}

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = window.createOutputChannel('PBX Lint', { log: true });
  // The files the server may claim; it decides each one's kind (or that it is not ours) from
  // its path and content, so a pattern here only means "send it over".
  const patterns = [
    '**/asterisk/**/*.conf',
    '**/{amportal,freepbx}.conf',
    '**/*.cnf',
    '**/{apache2,httpd,ports}.conf',
    '**/{apache2,httpd}/**/*.conf',
    '**/pam.d/*',
    '**/security/faillock.conf',
    '**/sshd_config',
    '**/sshd_config.d/*.conf',
    '**/fail2ban/**/*.{conf,local}',
    '**/jail.{conf,local}',
    '**/{rules.v4,rules.v6}',
    '**/sysconfig/{iptables,ip6tables}',
    '**/vsftpd.conf',
    '**/xinetd.d/*',
  ];
  const languageIds = ['asterisk-config', 'pbxlint-mycnf', 'pbxlint-apache', 'pbxlint-pam', 'pbxlint-sshd'];
  const selector = [...languageIds.map((language) => ({ language })), ...patterns.map((pattern) => ({ scheme: 'file', pattern }))];
  const clientOptions: LanguageClientOptions = {
    // The server decides each file's kind from its path and content; these are the files
    // it may claim. Files of another language id under an asterisk/ folder are covered by pattern.
    documentSelector: selector,
    // The project file, and the files an audit published findings for (kept current when they change on disk).
    synchronize: {
      configurationSection: 'pbxlint',
      fileEvents: [workspace.createFileSystemWatcher('**/.pbxlintrc.json'), ...patterns.map((p) => workspace.createFileSystemWatcher(p))],
    },
    outputChannel: output,
    initializationOptions: { asksSuppressionReason: true },
  };
  client = new LanguageClient('pbxlint', 'PBX Lint', serverOptions, clientOptions);

  const status = languages.createLanguageStatusItem('pbxlint.status', selector);
  status.name = 'PBX Lint';
  status.text = 'PBX Lint: starting';
  status.command = { title: 'Restart', command: 'pbxlint.restartServer' };
  client.onNotification('pbxlint/status', (s: { files: number; lastFile?: string; lastMs: number; findings: number; kind: string | null }) => {
    status.text = `PBX Lint: ${s.files} file${s.files === 1 ? '' : 's'}`;
    status.detail = `${s.lastFile ?? ''}${s.kind ? ` (${s.kind})` : ' (not a file pbxlint knows)'}: ${s.findings} finding${s.findings === 1 ? '' : 's'}, linted in ${s.lastMs} ms at ${new Date().toLocaleTimeString()}`;
  });
  client.onDidChangeState((e) => {
    status.text = e.newState === State.Running ? 'PBX Lint' : e.newState === State.Starting ? 'PBX Lint: starting' : 'PBX Lint: stopped';
    status.severity = e.newState === State.Stopped ? LanguageStatusSeverity.Error : LanguageStatusSeverity.Information;
  });

  context.subscriptions.push(
    status,
    output,
    commands.registerCommand('pbxlint.restartServer', async () => {
      await client?.restart();
    }),
    // Lints every file pbxlint recognises in the workspace folders; findings go to Problems.
    commands.registerCommand('pbxlint.auditWorkspace', async () => {
      if (!client) return undefined;
      const filesExclude = workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
      const exclude = Object.entries(filesExclude).filter(([, on]) => on).map(([glob]) => glob);
      const s = await client.sendRequest<AuditSummary>('pbxlint/audit', { exclude });
      const skipped = s.skipped.length ? `, ${s.skipped.length} skipped (see the PBX Lint output)` : '';
      for (const k of s.skipped) output.info(`audit skipped ${k.path}: ${k.reason}`);
      void window.showInformationMessage(
        `PBX Lint audit${s.cancelled ? ' (cancelled)' : ''}: ${s.files} files, ${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} info${skipped}.`,
      );
      await commands.executeCommand('workbench.actions.view.problems');
      return s;
    }),
    // A suppression needs a reason: ask for it, then let the server write the comment.
    commands.registerCommand('pbxlint.addSuppression', async (args: SuppressionArgs) => {
      const reason = await window.showInputBox({
        title: `Disable ${args.ruleId} ${args.scope === 'file' ? 'for this file' : 'for this line'}`,
        prompt: 'Why is this acceptable here? (kept in the comment for the next reviewer)',
        validateInput: (v) => (v.trim() ? undefined : 'A reason is required'),
        ignoreFocusOut: true,
      });
      if (!reason) return;
      await commands.executeCommand('pbxlint.applySuppression', { ...args, reason });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
