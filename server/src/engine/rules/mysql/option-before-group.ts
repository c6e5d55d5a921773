import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { normName } from '../../host/mycnf/model';
import { fix, insertBefore } from './util';

const CLIENT_ONLY = new Set(['password', 'pass', 'host', 'database', 'pager']);

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-option-before-group',
  title: 'Option before the first [group]: the file aborts every program that reads it',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'MySQL and MariaDB refuse an option that appears before any [group] header, in every file of the chain (the group of an including file does not carry over). The server does not start, so the hardening in this file (bind-address included) never applies, and an emergency restart fails.',
  check(ctx) {
    const doc = ctx.doc;
    const bom = doc.problems.find((p) => p.code === 'bom');
    if (bom) {
      ctx.report({
        span: bom.span,
        message: 'The file starts with a UTF-8 byte-order mark (an editor on Windows adds one): MySQL/MariaDB read it as an option outside any group and abort ("Found option without preceding group"). Save the file without a BOM.',
        fixes: [fix('Remove the byte-order mark', [{ start: 0, end: 1, newText: '' }], 'safe')],
      });
    }
    const before = doc.problems.filter((p) => p.code === 'option-before-group');
    if (!before.length) return;
    const first = before[0];
    const lines = before.map((p) => doc.lines[p.line]);
    const client = lines.some((l) => l.option && CLIENT_ONLY.has(normName(l.option.name.text)));
    const header = client ? '[client]' : '[mysqld]';
    const more = before.length > 1 ? ` (and ${before.length - 1} more line${before.length > 2 ? 's' : ''} before the first group)` : '';
    ctx.report({
      span: first.span,
      message: `This option comes before any [group]${more}: every MySQL/MariaDB program that reads the file aborts with "Found option without preceding group", so the server does not start. Put it under the group it is meant for (${header}).`,
      fixes: [fix(`Insert ${header} above this line`, [insertBefore(doc, doc.lines[first.line], header)], 'offer')],
    });
  },
};
