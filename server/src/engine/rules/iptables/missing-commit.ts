import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import { eolOf } from '../../host/iptables/model';

export const rule: Rule<IptDocument> = {
  id: 'iptables-missing-commit',
  title: 'A table without COMMIT (iptables-restore loads nothing)',
  severity: 'error',
  fileKinds: ['iptables'],
  fix: 'offer',
  description:
    'iptables-restore applies a table only at its COMMIT line and rejects a file with a table left open or a rule outside any table; netfilter-persistent tests the file first (IPTABLES_TEST_RULESET=yes), so at boot nothing at all is loaded and the PBX runs without a firewall.',
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.problems) {
      if (p.code === 'outside-table') {
        ctx.report({ span: p.span, message: p.message });
        continue;
      }
      if (p.code !== 'no-commit' || !p.table) continue;
      const t = p.table;
      // Insert COMMIT after the table's last non-blank line.
      let last = t.lastLine;
      while (last > t.line && doc.lines[last].kind === 'blank') last--;
      const l = doc.lines[last];
      const eol = eolOf(doc);
      const edit = l.eolEnd > l.end ? { start: l.eolEnd, end: l.eolEnd, newText: `COMMIT${eol}` } : { start: l.end, end: l.end, newText: `${eol}COMMIT` };
      ctx.report({
        span: p.span,
        message: p.message,
        fixes: [{ title: `Insert COMMIT at the end of *${t.name.text} (the table's rules then load: check them first)`, edits: [edit], safety: 'offer' }],
      });
    }
  },
};
