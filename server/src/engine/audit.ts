/**
 * The workspace audit: every file pbxlint recognises under the given folders, linted with the
 * same engine, with a note for each file it skipped (excluded, binary, too large, unreadable).
 * Used by the server's pbxlint/audit request and by `pbxlint audit`.
 */
import { promises as fs } from 'node:fs';
import { collectFiles, errMessage } from './walk';
import { isExcluded, kindFromSettings, lintText, LintResult } from './lint';
import type { Settings } from './settings';
import type { FileKind } from './kinds';

/** Files larger than this are not linted (a config file this large is not a config file). */
export const MAX_AUDIT_BYTES = 8 * 1024 * 1024;

export interface AuditFile {
  path: string;
  text: string;
  result: LintResult;
}

export interface AuditSkip {
  path: string;
  reason: string;
  /** True when the path could not be read (the CLI exits 2); false for a deliberate skip. */
  error: boolean;
}

export interface AuditOptions {
  settings: Settings;
  /** Extra globs to leave out (the editor's files.exclude). */
  exclude?: string[];
  readFile?: (path: string) => string | undefined;
  /** Forces the kind of every file (the CLI's --kind). */
  kind?: FileKind;
  /**
   * Receives each linted file as soon as it is done; the audit then keeps nothing of it, so
   * memory stays flat however large the tree. Without it, files are collected and returned.
   */
  onFile?: (file: AuditFile) => void | Promise<void>;
  /** Called after each file; return false to stop (cancellation). */
  progress?: (done: number, total: number, path: string) => boolean;
}

export async function auditFolders(folders: string[], opts: AuditOptions): Promise<{ files: AuditFile[]; skipped: AuditSkip[]; cancelled: boolean }> {
  const settings = opts.settings;
  const walk = await collectFiles(folders, (p) => kindFromSettings(settings, p) !== undefined);
  const files: AuditFile[] = [];
  const skipped: AuditSkip[] = walk.errors.map((e) => ({ path: e.path, reason: e.message, error: true }));
  const extra = { ...settings, exclude: [...settings.exclude, ...(opts.exclude ?? [])] };
  let done = 0;
  for (const path of walk.files) {
    done++;
    if (opts.progress && !opts.progress(done, walk.files.length, path)) return { files, skipped, cancelled: true };
    if (isExcluded(extra, path)) {
      skipped.push({ path, reason: 'excluded by the exclude setting', error: false });
      continue;
    }
    try {
      const st = await fs.stat(path);
      if (!st.isFile()) {
        skipped.push({ path, reason: 'not a regular file', error: false });
        continue;
      }
      if (st.size > MAX_AUDIT_BYTES) {
        skipped.push({ path, reason: `too large to lint (${Math.round(st.size / 1048576)} MB; the limit is ${MAX_AUDIT_BYTES / 1048576} MB)`, error: false });
        continue;
      }
      const buf = await fs.readFile(path);
      if (buf.subarray(0, 8192).includes(0)) {
        skipped.push({ path, reason: 'binary (a NUL byte in the first 8 KB)', error: false });
        continue;
      }
      const text = buf.toString('utf8');
      const result = lintText({ path, text, settings, readFile: opts.readFile, kind: opts.kind });
      if (result.kind) {
        if (opts.onFile) await opts.onFile({ path, text, result });
        else files.push({ path, text, result });
      }
      else if (folders.includes(path)) skipped.push({ path, reason: 'not a file kind pbxlint knows; use --kind or the fileKinds setting to choose one', error: false });
    } catch (err) {
      skipped.push({ path, reason: errMessage(err), error: true });
    }
  }
  return { files, skipped, cancelled: false };
}
