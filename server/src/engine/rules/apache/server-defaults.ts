/** Where to report a server-wide directive that a main configuration file lacks. */
import type { ApacheDocument, ApItem } from '../../host/apache/parser';
import { isMainConfig } from '../../host/apache/model';
import { topLevel } from './util';

export interface AbsentAnchor {
  /** The first top-level directive: the finding's line, and where a new directive goes. */
  at: ApItem;
  /** " (not set here; …)" when included files may set it. */
  caveat: string;
}

/**
 * For a main configuration (httpd.conf, apache2.conf) that does not set a server-wide directive:
 * where to report it, or undefined when pbxlint should stay quiet. Debian's apache2.conf includes
 * conf-enabled/, where security.conf sets ServerTokens, ServerSignature and TraceEnable (and is
 * linted on its own); any other include may set it, which the message says.
 */
export function absentAnchor(doc: ApacheDocument, path: string): AbsentAnchor | undefined {
  if (!isMainConfig(path)) return undefined;
  if (doc.includes.some((d) => /conf-enabled/.test(d.args[0]?.text ?? ''))) return undefined;
  const top = topLevel(doc).filter((d) => d.parent === doc.root);
  if (!top.length) return undefined;
  const caveat = doc.includes.length ? ' (not set here; effective value depends on other files: this file includes others and pbxlint checks one file at a time)' : '';
  return { at: top[0], caveat };
}
