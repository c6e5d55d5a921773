/**
 * pbxlint on the command line: the same engine as the editor, for CI and for auditing a
 * live server (`pbxlint /etc/asterisk`).
 *
 * Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage error or unreadable path.
 */
import { ALL_KINDS, FileKind } from './engine/kinds';
import { RULE_IDS } from './engine/rules';
import { resolveSettings, SeveritySetting } from './engine/settings';
import type { Severity } from './engine/rule';
import { makeReader } from './engine/walk';
import { auditFolders } from './engine/audit';
import { findProjectConfig, readProjectConfig } from './engine/projectConfig';
import { FileReport, SEVERITY_RANK, toFileReport } from './engine/report/model';
import { formatKinds, formatSuppressions, formatText } from './engine/report/text';
import { formatJson } from './engine/report/json';
import { formatSarif } from './engine/report/sarif';

declare const PBXLINT_VERSION: string | undefined;
const VERSION = typeof PBXLINT_VERSION === 'string' ? PBXLINT_VERSION : '0.0.0-dev';

const USAGE = `Usage: pbxlint [audit] [options] [PATH...]

Lints Asterisk configuration files (sip.conf, manager.conf, FreePBX *_custom.conf, ...)
for insecure settings. Directories are searched for files pbxlint recognises; a file named
explicitly is always linted. Without PATH, the current directory. 'pbxlint audit /etc' does the
same and adds a summary by file kind. Binary files, files over 8 MB and excluded files are
skipped with a note on stderr.

Options:
  --format text|json|sarif    output format (default: text)
  --fail-on error|warning|info
                              exit 1 when a finding of this severity or higher exists
                              (default: error)
  --asterisk-version V        Asterisk version whose defaults apply (default: 13)
  --kind KIND                 lint every named file as KIND (${ALL_KINDS.join(', ')})
  --rule ID=SEVERITY          override a rule: error, warning, info or off (repeatable)
  --min-secret-length N       secrets shorter than N are weak (default: 12, at least 8)
  --no-inline-suppressions    ignore pbxlint-disable comments
  --report-suppressions       list every pbxlint-disable comment (file:line, rules,
                              reason, findings hidden) after the findings
  --config FILE               project configuration (default: the nearest
                              .pbxlintrc.json at or above the current directory)
  --no-color                  plain text output
  -h, --help                  show this help
  -v, --version               show the version

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or
unreadable path.`;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json' | 'sarif';
  failOn: Severity;
  kind?: FileKind;
  paths: string[];
  settingsInput: Record<string, unknown>;
  color: boolean;
  reportSuppressions: boolean;
  config?: string;
  /** `pbxlint audit PATH`: the same run, with a summary by file kind. */
  audit: boolean;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', failOn: 'error', paths: [], settingsInput: {}, color: !!process.stdout.isTTY && !process.env.NO_COLOR, reportSuppressions: false, audit: false };
  const rules: Record<string, SeveritySetting> = {};
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  if (argv[0] === 'audit') {
    opts.audit = true;
    argv = argv.slice(1);
  }
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (name: string) => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const f = take(a);
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
        opts.format = f;
        break;
      }
      case '--fail-on': {
        const f = take(a);
        if (f !== 'error' && f !== 'warning' && f !== 'info') throw new UsageError(`--fail-on must be error, warning or info, not '${f}'`);
        opts.failOn = f;
        break;
      }
      case '--asterisk-version':
        opts.settingsInput.asteriskVersion = take(a);
        break;
      case '--min-secret-length': {
        const n = Number(take(a));
        if (!Number.isInteger(n)) throw new UsageError('--min-secret-length needs a whole number');
        opts.settingsInput.minSecretLength = n;
        break;
      }
      case '--kind': {
        const k = take(a);
        if (!(ALL_KINDS as readonly string[]).includes(k)) throw new UsageError(`unknown kind '${k}' (known: ${ALL_KINDS.join(', ')})`);
        opts.kind = k as FileKind;
        break;
      }
      case '--rule': {
        const r = take(a);
        const m = /^([a-z0-9-]+)[=:](error|warning|info|off)$/.exec(r);
        if (!m) throw new UsageError(`--rule takes ID=SEVERITY (error, warning, info, off), not '${r}'`);
        if (!RULE_IDS.includes(m[1])) throw new UsageError(`unknown rule '${m[1]}'`);
        rules[m[1]] = m[2] as SeveritySetting;
        break;
      }
      case '--no-inline-suppressions':
        opts.settingsInput.inlineSuppressions = false;
        break;
      case '--config':
        opts.config = take(a);
        break;
      case '--report-suppressions':
        opts.reportSuppressions = true;
        break;
      case '--no-color':
        opts.color = false;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${argv[i]}'`);
        opts.paths.push(argv[i]);
    }
  }
  if (Object.keys(rules).length) opts.settingsInput.rules = rules;
  if (!opts.paths.length) opts.paths.push('.');
  return opts;
}

export async function main(argv: string[]): Promise<number> {
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`pbxlint: ${err.message}\nTry 'pbxlint --help'.\n`);
      return 2;
    }
    throw err;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  // The project file first, then the command line on top of it.
  const configPath = opts.config ?? findProjectConfig(process.cwd());
  let input: Record<string, unknown> = opts.settingsInput;
  if (configPath) {
    const cfg = readProjectConfig(configPath);
    if (cfg.error) {
      process.stderr.write(`pbxlint: ${cfg.error}\n`);
      return 2;
    }
    const rules = { ...((cfg.values.rules as object) ?? {}), ...((opts.settingsInput.rules as object) ?? {}) };
    input = { ...cfg.values, ...opts.settingsInput, ...(Object.keys(rules).length ? { rules } : {}) };
  }
  const { settings, problems } = resolveSettings(input, RULE_IDS);
  for (const p of problems) {
    process.stderr.write(`pbxlint: ${configPath ? `${configPath}: ` : ''}${p.message}\n`);
  }
  if (problems.length) return 2;

  // Rules may read a neighbouring file (sshd_config and pam.d/sshd), only inside the trees given.
  const readFile = makeReader(opts.paths);
  const reports: FileReport[] = [];
  // Each file becomes its (small) report at once; the parsed document is not kept.
  const audit = await auditFolders(opts.paths, { settings, readFile, kind: opts.kind, onFile: (f) => void reports.push(toFileReport(f.path, f.text, f.result)) });
  for (const s of audit.skipped) {
    if (s.error) reports.push({ path: s.path, findings: [], suppressed: 0, suppressions: [], error: s.reason });
    else if (opts.paths.includes(s.path) || !/^excluded/.test(s.reason)) process.stderr.write(`pbxlint: skipped ${s.path}: ${s.reason}\n`);
  }
  if (opts.audit) reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const out =
    opts.format === 'json'
      ? formatJson(reports, VERSION)
      : opts.format === 'sarif'
        ? formatSarif(reports, VERSION, process.cwd())
        : formatText(reports, opts.color) + (opts.audit ? '\n' + formatKinds(reports) : '') + (opts.reportSuppressions ? '\n' + formatSuppressions(reports) : '');
  await new Promise<void>((resolve) => process.stdout.write(out.endsWith('\n') ? out : out + '\n', () => resolve()));

  const unreadable = reports.filter((r) => r.error);
  for (const r of unreadable) process.stderr.write(`pbxlint: cannot read ${r.path}: ${r.error}\n`);
  if (unreadable.length) return 2;
  const threshold = SEVERITY_RANK[opts.failOn];
  return reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`pbxlint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
