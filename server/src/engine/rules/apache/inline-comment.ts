import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { directiveLabel, fix, indentOf, insertLinesBefore } from './util';

/**
 * Directives with a fixed number of arguments, or whose arguments httpd validates: a '#…' word
 * after them stops httpd from starting ("takes one argument", "Illegal option #").
 */
const STRICT = new Set([
  'servertokens', 'serversignature', 'traceenable', 'listen', 'servername', 'serveradmin', 'documentroot', 'serverroot',
  'user', 'group', 'timeout', 'keepalive', 'maxkeepaliverequests', 'keepalivetimeout', 'hostnamelookups', 'errorlog',
  'pidfile', 'sethandler', 'adddefaultcharset', 'usecanonicalname', 'enablesendfile', 'enablemmap', 'accessfilename',
  'options', 'allowoverride', 'require', 'order', 'allow', 'deny', 'satisfy', 'alias', 'scriptalias', 'redirect',
  'sslengine', 'sslprotocol', 'sslcertificatefile', 'sslcertificatekeyfile', 'loadmodule', 'include', 'includeoptional',
  'defaultruntimedir', 'limitrequestbody', 'fileetag', 'authtype', 'authname', 'authuserfile', 'directoryslash',
]);

export const rule: Rule<ApacheDocument> = {
  id: 'apache-inline-comment',
  title: "A '#' after a directive is not a comment",
  severity: 'error',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    "Apache allows comments only on their own line. 'ServerTokens Prod # hide version' makes httpd refuse to start (\"ServerTokens takes one argument\"), so a restart after a hardening edit takes the PBX web interface down; for other directives the comment silently becomes arguments.",
  check(ctx) {
    const doc = ctx.doc;
    for (const d of doc.directives) {
      const at = d.args.findIndex((a) => !a.quoted && a.text.startsWith('#'));
      if (at < 0) continue;
      const hash = d.args[at];
      const strict = STRICT.has(d.lname);
      const prev = at > 0 ? d.args[at - 1].end : d.name.end;
      const fixes = [];
      if (doc.lines[d.lastLine] && hash.start >= doc.lines[d.lastLine].start && prev >= doc.lines[d.lastLine].start) {
        const comment = doc.text.slice(hash.start, d.end);
        fixes.push(
          fix('Move the comment to its own line above', [insertLinesBefore(doc, d, [`${indentOf(doc, d)}${comment}`]), { start: prev, end: d.end, newText: '' }], 'safe'),
        );
      }
      ctx.report({
        span: { start: hash.start, end: d.end },
        severity: strict ? 'error' : 'warning',
        message: strict
          ? `'#' is not a comment here: Apache allows comments only on their own line, so ${directiveLabel(d)} gets extra arguments and httpd refuses to start. Move the comment to the line above.`
          : `'#' is not a comment here: Apache allows comments only on their own line, so the text becomes more arguments of ${directiveLabel(d)}. Move the comment to the line above.`,
        fixes,
      });
    }
  },
};
