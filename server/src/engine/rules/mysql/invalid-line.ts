import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { fix } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-invalid-line',
  title: 'A line the server rejects or silently ignores',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    "Lines MySQL/MariaDB cannot read: a '[group' without ']', an option name with a space and no '=', '!include' without a path abort every program that reads the file (the server does not start); '!INCLUDEDIR' in capitals or a '#' after an include path silently loses the included settings.",
  check(ctx) {
    const doc = ctx.doc;
    for (const p of doc.problems) {
      if (!['unterminated-header', 'name-whitespace', 'empty-name', 'directive-no-path', 'directive-comment', 'directive-ignored', 'nul'].includes(p.code)) continue;
      const fixes = [];
      if (p.code === 'name-whitespace') {
        const syn = doc.lines[p.line].option!;
        if (!syn.eq) {
          const m = /[ \t]+/.exec(syn.name.text);
          if (m) {
            const at = syn.name.start + m.index;
            fixes.push(fix("Insert '=' between the name and the value", [{ start: at, end: at + m[0].length, newText: ' = ' }], 'offer'));
          }
        }
      }
      ctx.report({ span: p.span, severity: p.fatal ? 'error' : 'warning', message: p.message[0].toUpperCase() + p.message.slice(1) + '.', fixes });
    }
  },
};
