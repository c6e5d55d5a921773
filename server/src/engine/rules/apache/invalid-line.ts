import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { fix } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-invalid-line',
  title: 'Sections that do not nest, or a line httpd cannot parse',
  severity: 'error',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    "httpd refuses to start on a section that is never closed, a closing tag without its opening one, or a tag missing its '>': one bad edit takes the web interface (and the FreePBX GUI needed to repair it) offline at the next restart.",
  check(ctx) {
    for (const p of ctx.doc.problems) {
      ctx.report({
        span: p.span,
        severity: p.fatal ? 'error' : 'warning',
        message: p.message[0].toUpperCase() + p.message.slice(1) + '.',
        fixes: p.code === 'bom' ? [fix('Remove the byte-order mark', [{ start: 0, end: 1, newText: '' }], 'safe')] : [],
      });
    }
  },
};
