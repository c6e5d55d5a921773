/** file:// URIs to paths and back, without a dependency (the engine only needs the path's name). */
import { pathToFileURL, fileURLToPath } from 'node:url';

export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through: a malformed file URI still has a usable path part
    }
  }
  const m = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?(.*)$/i.exec(uri);
  try {
    return decodeURIComponent(m ? m[1] : uri);
  } catch {
    return m ? m[1] : uri;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
