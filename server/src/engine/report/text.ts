/** Human output, grouped by file, in the style of ESLint's "stylish" formatter. */
import { FileReport, countBySeverity } from './model';

/** The audit summary: findings per file kind, worst first. */
export function formatKinds(files: FileReport[]): string {
  const by = new Map<string, { files: number; error: number; warning: number; info: number }>();
  for (const f of files) {
    if (f.error || !f.kind) continue;
    const k = by.get(f.kind) ?? { files: 0, error: 0, warning: 0, info: 0 };
    k.files++;
    for (const x of f.findings) k[x.severity]++;
    by.set(f.kind, k);
  }
  const rows = [...by].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
  let out = 'By file kind:\n';
  for (const [kind, k] of rows) out += `  ${kind.padEnd(16)} ${String(k.files).padStart(4)} file${k.files === 1 ? ' ' : 's'}  ${k.error} errors, ${k.warning} warnings, ${k.info} info\n`;
  return out;
}

/** The --report-suppressions listing: every suppression, for review in CI. */
export function formatSuppressions(files: FileReport[]): string {
  let out = '';
  let n = 0;
  for (const f of files) {
    for (const s of f.suppressions ?? []) {
      n++;
      out += `${f.path}:${s.line}: ${s.scope} ${s.rules.join(', ')} -- ${s.reason || '(no reason)'} [hides ${s.hidden}]\n`;
    }
  }
  return `${out}${n} inline suppression${n === 1 ? '' : 's'}\n`;
}

export function formatText(files: FileReport[], color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sev = { error: c('31', 'error  '), warning: c('33', 'warning'), info: c('36', 'info   ') };
  let out = '';
  for (const f of files) {
    if (f.error) {
      out += `${c('4', f.path)}\n  ${c('31', 'cannot read')}: ${f.error}\n\n`;
      continue;
    }
    if (!f.findings.length) continue;
    out += `${c('4', f.path)}${f.kind ? c('2', `  (${f.kind})`) : ''}\n`;
    for (const x of f.findings) {
      const pos = `${x.line}:${x.column}`.padEnd(7);
      const fix = x.fixes.length ? c('2', x.fixes[0].safety === 'safe' ? ' [fixable]' : ' [fix offered]') : '';
      out += `  ${c('2', pos)} ${sev[x.severity]}  ${x.message}  ${c('2', x.ruleId)}${fix}\n`;
    }
    out += '\n';
  }
  const n = countBySeverity(files);
  const total = n.error + n.warning + n.info;
  const linted = files.filter((f) => !f.error).length;
  const suppressed = files.reduce((a, f) => a + f.suppressed, 0);
  const summary = `${total} problem${total === 1 ? '' : 's'} (${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info) in ${linted} file${linted === 1 ? '' : 's'} checked${suppressed ? `, ${suppressed} suppressed inline` : ''}`;
  out += total ? c(n.error ? '31' : '33', `\u2716 ${summary}`) : c('32', `\u2714 ${summary}`);
  return out + '\n';
}
