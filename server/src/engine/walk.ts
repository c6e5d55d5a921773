/**
 * Finds the files pbxlint lints under the given paths. Symbolic links to directories are not
 * followed (no loops, nothing outside the tree); unreadable paths are reported, not thrown.
 */
import { promises as fs, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { mayBeKnownFile } from './kinds';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface WalkResult {
  files: string[];
  errors: { path: string; message: string }[];
}

/** `also` claims more files than the names pbxlint knows (the fileKinds setting). */
export async function collectFiles(paths: string[], also: (path: string) => boolean = () => false): Promise<WalkResult> {
  const out: WalkResult = { files: [], errors: [] };
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (err) {
      out.errors.push({ path: p, message: errMessage(err) });
      continue;
    }
    if (st.isDirectory()) await walkDir(p, out, also);
    else out.files.push(p); // an explicitly named file is always linted (its kind may be forced)
  }
  return out;
}

async function walkDir(dir: string, out: WalkResult, also: (path: string) => boolean): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ path: dir, message: errMessage(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walkDir(full, out, also);
    } else if ((e.isFile() || e.isSymbolicLink()) && (mayBeKnownFile(full) || also(full))) {
      out.files.push(full);
    }
  }
}

export function errMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return 'no such file or directory';
  if (e && e.code === 'EACCES') return 'permission denied';
  if (e && e.code === 'EISDIR') return 'is a directory';
  return e && e.message ? e.message : String(err);
}

/**
 * A reader for RuleContext.readFile that only reads regular files under the given roots
 * (after resolving symbolic links, so a link cannot lead outside), at most 1 MB each.
 */
export function makeReader(roots: readonly string[], overlay?: (path: string) => string | undefined): (path: string) => string | undefined {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const allowed = roots.map(real).filter((r): r is string => !!r);
  return (path: string) => {
    const open = overlay?.(path);
    if (open !== undefined) return open;
    const p = real(resolve(path));
    if (!p || !allowed.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep))) return undefined;
    try {
      const st = statSync(p);
      if (!st.isFile() || st.size > 1_000_000) return undefined;
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
}
