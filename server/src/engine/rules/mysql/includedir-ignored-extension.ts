import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { shown } from '../../host/mycnf/model';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-includedir-ignored-extension',
  title: 'This file is in an !includedir directory but the server never reads it',
  severity: 'warning',
  fileKinds: ['mycnf'],
  description:
    '!includedir reads only files ending in .cnf on Unix: settings put in a .conf or .ini file there (a bind-address, local-infile = 0) silently do not apply, and the server keeps its insecure defaults.',
  check(ctx) {
    const m = /[\\/](conf\.d|mariadb\.conf\.d|mysql\.conf\.d|my\.cnf\.d)[\\/]([^\\/]+\.(conf|ini))$/i.exec(ctx.path);
    if (!m || !ctx.path.includes('/')) return;
    const doc = ctx.doc;
    const g = doc.groups[0];
    const first = doc.lines.find((l) => l.kind !== 'blank' && l.kind !== 'comment') ?? doc.lines[0];
    const span = g ? g.header.header!.name : { start: first.start, end: Math.max(first.end, first.start) };
    ctx.report({
      span,
      message: `${shown(m[2])} is never read: !includedir takes only files ending in .cnf, so none of the settings in this file apply. Rename it to ${shown(m[2].replace(/\.(conf|ini)$/i, '.cnf'))}.`,
    });
  },
};
