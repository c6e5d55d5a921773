/**
 * The VS Code side: starts the language server and registers the commands. Everything
 * else (which files, which findings, which fixes) is decided by the server's engine.
 */
import * as path from 'node:path';
import { ExtensionContext, commands, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = window.createOutputChannel('PBX Lint', { log: true });
  const clientOptions: LanguageClientOptions = {
    // The server decides each file's kind from its path and content; these are the files
    // it may claim. Files of another language id under an asterisk/ folder are covered by pattern.
    documentSelector: [
      { language: 'asterisk-config' },
      { scheme: 'file', pattern: '**/asterisk/**/*.conf' },
    ],
    synchronize: { configurationSection: 'pbxlint' },
    outputChannel: output,
  };
  client = new LanguageClient('pbxlint', 'PBX Lint', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('pbxlint.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
