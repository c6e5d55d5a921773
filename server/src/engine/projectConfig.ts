/**
 * The project configuration file, `.pbxlintrc.json`, read by the CLI and the language server
 * alike so that the editor and CI agree. It holds the same keys as the `pbxlint.*` settings:
 *
 *   { "asteriskVersion": "18", "rules": { "sip-allowtransfer": "off" }, "minSecretLength": 16 }
 *
 * It is looked up from the linted file's folder upwards (the nearest one wins), never above
 * the filesystem root. Keys it sets override the editor's settings for files below it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE = '.pbxlintrc.json';

export interface ProjectConfig {
  path: string;
  values: Record<string, unknown>;
  /** A problem reading or parsing it (the file is then ignored, and the problem shown). */
  error?: string;
}

/** The nearest `.pbxlintrc.json` at or above `dir`, or undefined. */
export function findProjectConfig(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const candidate = join(d, CONFIG_FILE);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable folder: keep looking upwards
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export function readProjectConfig(path: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { path, values: {}, error: `cannot read ${path}: ${(err as Error).message}` };
  }
  try {
    const values = JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
    if (!values || typeof values !== 'object' || Array.isArray(values)) return { path, values: {}, error: `${path} must hold a JSON object` };
    const { $schema: _schema, ...rest } = values as Record<string, unknown>;
    void _schema;
    return { path, values: rest };
  } catch (err) {
    return { path, values: {}, error: `${path} is not valid JSON: ${(err as Error).message}` };
  }
}
