/**
 * The language server: translates between LSP and the engine, nothing more. Every decision
 * about files and findings is the engine's (server/src/engine), so the CLI and the tests see
 * exactly what the editor sees.
 *
 * Start with `node dist/server.js --stdio` (also `--node-ipc`, `--socket=N`): any LSP client
 * works, the file kind comes from the document's path and content, not the language id.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  CodeActionParams,
  Connection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  InitializeParams,
  MarkupKind,
  InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  TextEdit as LspTextEdit,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isExcluded, lintText, LintResult } from './engine/lint';
import { DOCS_BASE, Finding, Severity, docsUrl } from './engine/rule';
import { RULE_IDS } from './engine/rules';
import { DEFAULT_SETTINGS, Settings, resolveSettings } from './engine/settings';
import { LineIndex, Span, TextEdit } from './engine/text';
import { pathToUri, uriToPath } from './uri';
import { dirname } from 'node:path';
import { findProjectConfig, readProjectConfig } from './engine/projectConfig';
import { makeReader } from './engine/walk';
import { auditFolders } from './engine/audit';
import { readFileSync } from 'node:fs';
import { combineFixes, safeFixes } from './engine/fixes';
import { getRule } from './engine/rules';
import { suppressionEdit } from './engine/suppressions';
import { syntaxFor } from './engine/syntaxes';
import { hoverAt } from './engine/hover';
import { completeAt } from './engine/completion';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pbxlint`;
/** Request: audit the workspace folders. Params { exclude?: string[] }; result AuditSummary. */
export const AUDIT_REQUEST = 'pbxlint/audit';

export interface AuditSummary {
  files: number;
  findings: { error: number; warning: number; info: number };
  byKind: Record<string, number>;
  skipped: { path: string; reason: string }[];
  cancelled: boolean;
}

/** Sent after every lint: { files, lastFile, lastMs, findings, kind } (never file content). */
export const STATUS_NOTIFICATION = 'pbxlint/status';
/** Server command: add a suppression comment (arguments: SuppressionArgs). */
export const APPLY_SUPPRESSION = 'pbxlint.applySuppression';
/** Client command the VS Code extension implements: ask for the reason, then run APPLY_SUPPRESSION. */
export const ASK_SUPPRESSION = 'pbxlint.addSuppression';
/** Server command: open a rule's page through window/showDocument, which every 3.16+ client handles. */
export const OPEN_DOCS = 'pbxlint.openRuleDocs';

export interface SuppressionArgs {
  uri: string;
  version: number;
  line: number;
  ruleId: string;
  scope: 'next-line' | 'file';
  reason?: string;
}
const SOURCE = 'pbxlint';

interface DocState {
  version: number;
  result: LintResult;
  index: LineIndex;
  /** Milliseconds the last lint took: the next debounce adapts to it. */
  cost: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const reportedSettingProblems = new Set<string>();
  let hasConfiguration = false;
  let hasRelated = false;
  /** The VS Code client asks for a suppression's reason itself; other clients get a placeholder to fill in. */
  let clientAsksReason = false;
  let canRegisterConfiguration = false;
  /** Rules may read neighbouring files inside the workspace folders (open documents first). */
  let readFile: ((path: string) => string | undefined) | undefined;
  let folders: string[] = [];
  /** Files the audit published diagnostics for that are not open: kept current by the watcher. */
  const audited = new Set<string>();

  const log = (msg: string) => connection.console.log(`[pbxlint] ${msg}`);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = !!caps.workspace?.configuration;
    hasRelated = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    folders = [...new Set((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []).filter((u) => u.startsWith('file:')).map(uriToPath))];
    if (folders.length) {
      readFile = makeReader(folders, (path) => documents.all().find((d) => d.uri.startsWith('file:') && uriToPath(d.uri) === path)?.getText());
    }
    clientAsksReason = !!(params.initializationOptions as { asksSuppressionReason?: boolean } | undefined)?.asksSuppressionReason;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [APPLY_SUPPRESSION, OPEN_DOCS] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', ','], resolveProvider: false },
      },
      serverInfo: { name: 'pbxlint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // Only clients that say they support it are asked to register (eglot warns otherwise);
    // the others still send didChangeConfiguration, which is handled below.
    if (hasConfiguration && canRegisterConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'pbxlint' }).catch(() => undefined);
    }
    log(`ready (${RULE_IDS.length} rules)`);
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  });
  // .pbxlintrc.json, or an audited file that is not open, created, changed or deleted.
  connection.onDidChangeWatchedFiles(async (p) => {
    if (p.changes.some((c) => c.uri.endsWith('/.pbxlintrc.json'))) {
      settingsCache.clear();
      for (const doc of documents.all()) schedule(doc, 0);
    }
    for (const c of p.changes) {
      if (!audited.has(c.uri) || documents.get(c.uri)) continue;
      if (c.type === 3 /* deleted */) {
        audited.delete(c.uri);
        await connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
        continue;
      }
      await publishFile(c.uri);
    }
  });

  /** Lints a file that is not open, from disk, and publishes its findings. */
  async function publishFile(uri: string): Promise<void> {
    try {
      const path = uriToPath(uri);
      const settings = await settingsFor(uri);
      const text = readFileSync(path, 'utf8');
      const result = lintText({ path, text, settings, readFile });
      const index = new LineIndex(text);
      await connection.sendDiagnostics({ uri, diagnostics: result.findings.map((f, i) => toDiagnostic(f, i, index, uri)) });
    } catch {
      await connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  connection.onRequest(AUDIT_REQUEST, async (params: { exclude?: string[] } | undefined, token): Promise<AuditSummary> => {
    const summary: AuditSummary = { files: 0, findings: { error: 0, warning: 0, info: 0 }, byKind: {}, skipped: [], cancelled: false };
    if (!folders.length) return summary;
    const settings = await settingsFor(pathToUri(folders[0]));
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('PBX Lint: auditing the workspace', 0, 'finding files…', true);
    const result = await auditFolders(folders, {
      settings,
      exclude: Array.isArray(params?.exclude) ? params!.exclude.filter((x) => typeof x === 'string') : [],
      readFile,
      progress: (done, total, path) => {
        if (done % 10 === 1 || done === total) progress.report(Math.round((done / Math.max(1, total)) * 100), `${done} / ${total} files: ${path.split(/[\\/]/).pop()}`);
        return !token.isCancellationRequested && !progress.token.isCancellationRequested;
      },
      // Published as each file is done; nothing of it is kept but its URI.
      onFile: async (f) => {
        const uri = pathToUri(f.path);
        summary.files++;
        summary.byKind[f.result.kind!.kind] = (summary.byKind[f.result.kind!.kind] ?? 0) + 1;
        for (const x of f.result.findings) summary.findings[x.severity]++;
        if (documents.get(uri)) return; // open files are the live linter's
        audited.add(uri);
        const index = new LineIndex(f.text);
        await connection.sendDiagnostics({ uri, diagnostics: f.result.findings.map((x, i) => toDiagnostic(x, i, index, uri)) });
      },
    });
    summary.skipped = result.skipped.map((s) => ({ path: s.path, reason: s.reason }));
    summary.cancelled = result.cancelled;
    progress.done();
    log(`audit: ${summary.files} files, ${summary.skipped.length} skipped${summary.cancelled ? ', cancelled' : ''}`);
    return summary;
  });

  /** The project's .pbxlintrc.json for a document, if any: it wins over editor settings, so the editor agrees with CI. */
  function projectValues(uri: string): Record<string, unknown> | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = findProjectConfig(dirname(uriToPath(uri)));
    if (!path) return undefined;
    const cfg = readProjectConfig(path);
    if (cfg.error) {
      warnOnce(cfg.error);
      return undefined;
    }
    return cfg.values;
  }

  function warnOnce(message: string): void {
    if (reportedSettingProblems.has(message)) return;
    reportedSettingProblems.add(message);
    log(message);
    void connection.window.showWarningMessage(message);
  }

  function settingsFor(uri: string): Promise<Settings> {
    const cached = settingsCache.get(uri);
    if (cached) return cached;
    {
      const editor: Promise<unknown> = hasConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'pbxlint' }).then(
            (raw: unknown) => raw,
            () => undefined,
          )
        : Promise.resolve(undefined);
      const p: Promise<Settings> = editor
        .then(
          (raw: unknown) => {
            const project = projectValues(uri);
            let input = raw ?? undefined;
            if (project) {
              const base = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
              const rules = { ...((base.rules as object) ?? {}), ...((project.rules as object) ?? {}) };
              input = { ...base, ...project, rules };
            }
            const { settings, problems } = resolveSettings(input, RULE_IDS);
            for (const pr of problems) warnOnce(`pbxlint setting ${pr.key ? `"${pr.key}"` : ''}: ${pr.message}`);
            return settings;
          },
          () => DEFAULT_SETTINGS,
        );
      settingsCache.set(uri, p);
      return p;
    }
  }

  function schedule(doc: TextDocument, delay?: number): void {
    const uri = doc.uri;
    const prev = timers.get(uri);
    if (prev) clearTimeout(prev);
    // Adaptive debounce: a cheap lint runs at once (coalescing a burst of keystrokes),
    // an expensive one waits about twice its own cost, at most 250 ms.
    const cost = states.get(uri)?.cost ?? 0;
    const wait = delay ?? (cost < 5 ? 0 : Math.min(250, Math.round(cost * 2)));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, wait),
    );
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const settings = await settingsFor(uri);
      const current = documents.get(uri);
      if (!current || current.version !== doc.version) return; // a newer change is scheduled
      if (isExcluded(settings, uriToPath(uri))) {
        states.delete(uri);
        await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        return;
      }
      const text = doc.getText();
      const t0 = performance.now();
      const result = lintText({ path: uriToPath(uri), text, settings, languageId: doc.languageId, readFile });
      const index = new LineIndex(text);
      const cost = performance.now() - t0;
      states.set(uri, { version: doc.version, result, index, cost });
      // For the client's status item: how many files are checked, what the last lint cost.
      void connection.sendNotification(STATUS_NOTIFICATION, { files: states.size, lastFile: uriToPath(uri).split(/[\\/]/).pop(), lastMs: Math.round(cost * 10) / 10, findings: result.findings.length, kind: result.kind?.kind ?? null });
      const diagnostics = result.findings.map((f, i) => toDiagnostic(f, i, index, uri));
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (err) {
      log(`lint failed for a document: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function toRange(index: LineIndex, span: Span) {
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }

  function toDiagnostic(f: Finding, i: number, index: LineIndex, uri: string): Diagnostic {
    const d: Diagnostic = {
      range: toRange(index, f.span),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: docsUrl(f.ruleId) },
      source: SOURCE,
      message: f.message,
      data: { ruleId: f.ruleId, index: i, start: f.span.start, end: f.span.end },
    };
    if (hasRelated && f.related.length) {
      d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(index, r.span) }, message: r.message }));
    }
    return d;
  }

  /** The state for the document as it is now (re-linted synchronously if a change is pending). */
  async function currentState(uri: string): Promise<{ doc: TextDocument; state: DocState } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    let state = states.get(uri);
    if (!state || state.version !== doc.version) {
      const settings = await settingsFor(uri);
      const text = doc.getText();
      state = { version: doc.version, result: lintText({ path: uriToPath(uri), text, settings, languageId: doc.languageId, readFile }), index: new LineIndex(text), cost: 0 };
      states.set(uri, state);
    }
    return { doc, state };
  }

  function toLspEdits(index: LineIndex, edits: TextEdit[]): LspTextEdit[] {
    return edits.map((e) => ({ range: toRange(index, e), newText: e.newText }));
  }

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    try {
      const cur = await currentState(params.textDocument.uri);
      if (!cur) return [];
      const { doc, state } = cur;
      const uri = doc.uri;
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
      if (wantsQuickFix) {
        for (const d of params.context.diagnostics) {
          if (d.source !== SOURCE) continue;
          const f = matchFinding(state, d);
          if (!f) continue;
          f.fixes.forEach((fix, n) => {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: n === 0 && fix.safety === 'safe',
              edit: { changes: { [uri]: toLspEdits(state.index, fix.edits) } },
            });
          });
          const line = state.index.positionAt(f.span.start).line;
          for (const scope of ['next-line', 'file'] as const) {
            const args: SuppressionArgs = { uri, version: doc.version, line, ruleId: f.ruleId, scope };
            actions.push({
              title: scope === 'file' ? `Disable ${f.ruleId} for this file` : `Disable ${f.ruleId} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              command: { title: 'Disable', command: clientAsksReason ? ASK_SUPPRESSION : APPLY_SUPPRESSION, arguments: [args] },
            });
          }
          actions.push({
            title: `Show documentation for ${f.ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: { title: 'Show documentation', command: OPEN_DOCS, arguments: [docsUrl(f.ruleId)] },
          });
          const same = state.result.findings.filter((x) => x.ruleId === f.ruleId && x.fixes.length);
          if (same.length > 1) {
            const edits = combineFixes(same.map((x) => x.fixes[0]));
            if (edits.length) {
              actions.push({
                title: `Fix all ${f.ruleId} problems in this file`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [d],
                edit: { changes: { [uri]: toLspEdits(state.index, edits) } },
              });
            }
          }
        }
      }
      if (wantsFixAll) {
        const edits = combineFixes(safeFixes(state.result.findings));
        if (edits.length) {
          actions.push({ title: 'Fix all safe pbxlint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: toLspEdits(state.index, edits) } } });
        }
      }
      return actions;
    } catch (err) {
      log(`code actions failed: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  });

  connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    if (params.command === OPEN_DOCS) {
      const url = params.arguments?.[0];
      // Only our own rule pages: the argument comes from the client and is not trusted.
      if (typeof url === 'string' && url.startsWith(DOCS_BASE) && /^[a-z0-9-]+\.md$/.test(url.slice(DOCS_BASE.length))) {
        await connection.window.showDocument({ uri: url, external: true }).catch(() => undefined);
      }
      return null;
    }
    if (params.command !== APPLY_SUPPRESSION) return null;
    const args = params.arguments?.[0] as SuppressionArgs | undefined;
    const doc = args && documents.get(args.uri);
    if (!args || !doc || doc.version !== args.version || typeof args.ruleId !== 'string') return null;
    const kind = states.get(doc.uri)?.result.kind;
    if (!kind) return null;
    const text = doc.getText();
    const e = suppressionEdit(text, syntaxFor(kind.kind).commentLeader, args.line, args.ruleId, args.scope === 'file' ? 'file' : 'next-line', String(args.reason ?? ''));
    const index = new LineIndex(text);
    await connection.workspace.applyEdit({ label: `Disable ${args.ruleId}`, edit: { changes: { [doc.uri]: toLspEdits(index, [e]) } } });
    return null;
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    try {
      const cur = await currentState(params.textDocument.uri);
      if (!cur) return null;
      const { state } = cur;
      const offset = state.index.offsetAt(params.position);
      const hits = state.result.findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
      const settings = await settingsFor(params.textDocument.uri);
      const keyHover = hoverAt(cur.doc.getText(), uriToPath(params.textDocument.uri), offset, settings, state.result.kind, state.result.doc);
      if (!hits.length && !keyHover) return null;
      if (!hits.length) return { contents: { kind: MarkupKind.Markdown, value: keyHover!.markdown }, range: toRange(state.index, keyHover!.span) };
      const parts = hits.map((f) => {
        const rule = getRule(f.ruleId);
        const fix = f.fixes.length ? (f.fixes[0].safety === 'safe' ? 'Quick fix available (safe: fix-all applies it).' : 'Quick fix offered (review it: it changes behaviour).') : '';
        return [`**${f.ruleId}** (${f.severity}): ${rule?.title ?? ''}`, rule?.description ?? '', fix, `[Rule documentation](${docsUrl(f.ruleId)})`].filter((x) => x !== '').join('\n\n');
      });
      if (keyHover) parts.push(keyHover.markdown);
      return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(state.index, hits[0].span) };
    } catch (err) {
      log(`hover failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  });

  connection.onCompletion(async (params: CompletionParams): Promise<CompletionList | null> => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const settings = await settingsFor(doc.uri);
      const text = doc.getText();
      const index = new LineIndex(text);
      const r = completeAt(text, uriToPath(doc.uri), index.offsetAt(params.position), settings, states.get(doc.uri)?.result.kind, states.get(doc.uri)?.result.doc);
      if (!r) return null;
      const range = toRange(index, r.span);
      return {
        isIncomplete: false,
        items: r.items.map((i) => ({
          label: i.label,
          kind: i.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
          detail: i.detail,
          documentation: { kind: MarkupKind.Markdown, value: i.documentation },
          sortText: i.sortText,
          filterText: i.label,
          textEdit: { range, newText: i.insertText },
        })),
      };
    } catch (err) {
      log(`completion failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  });

  function matchFinding(state: DocState, d: Diagnostic): Finding | undefined {
    const data = d.data as { ruleId?: string; start?: number; end?: number } | undefined;
    const ruleId = data?.ruleId ?? (typeof d.code === 'string' ? d.code : undefined);
    const start = state.index.offsetAt(d.range.start);
    const end = state.index.offsetAt(d.range.end);
    return state.result.findings.find((f) => f.ruleId === ruleId && f.span.start === start && f.span.end === end);
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent(async (e) => {
    const settings = await settingsFor(e.document.uri);
    if (settings.run === 'onType') schedule(e.document);
  });
  documents.onDidSave((e) => schedule(e.document, 0));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    // An audited file keeps its findings in Problems after it is closed (from disk again).
    if (audited.has(e.document.uri)) void publishFile(e.document.uri);
    else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

declare const PBXLINT_VERSION: string | undefined;
const VERSION = typeof PBXLINT_VERSION === 'string' ? PBXLINT_VERSION : '0.0.0-dev';

if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  // The server must outlive any bad input: log and carry on.
  process.on('uncaughtException', (err) => connection.console.error(`[pbxlint] unexpected error: ${err.message}`));
  process.on('unhandledRejection', (err) => connection.console.error(`[pbxlint] unexpected rejection: ${err instanceof Error ? err.message : String(err)}`));
  startServer(connection);
}
