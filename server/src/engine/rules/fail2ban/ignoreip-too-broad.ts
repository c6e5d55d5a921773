import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { listItems, jailLabel } from '../../host/fail2ban/model';
import { tooBroad } from './util';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-ignoreip-too-broad',
  title: 'ignoreip exempts the whole Internet (or a huge public range)',
  severity: 'error',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'fail2ban never bans an address that ignoreip matches; 0.0.0.0/0, ::/0 or a public range wider than one organisation switches banning off for every scanner in it, silently (fail2ban accepts it without a warning).',
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.entries) {
      if (e.name !== 'ignoreip') continue;
      const where = jailLabel(e.section.name);
      for (const item of listItems(e)) {
        const why = tooBroad(item.text);
        if (!why) continue;
        // Remove the word and the blank before it (or after it when it comes first on its line).
        const t = doc.text;
        let start = item.span.start;
        let end = item.span.end;
        while (start > 0 && /[ \t,]/.test(t[start - 1])) start--;
        const firstOnLine = start === 0 || t[start - 1] === '\n' || start <= e.first.start;
        if (firstOnLine) {
          start = item.span.start;
          while (end < t.length && /[ \t,]/.test(t[end])) end++;
        }
        ctx.report({
          span: item.span,
          message: `ignoreip ${item.text} covers ${why}: fail2ban never bans any of them, so ${where} lets SIP/SSH scanners guess passwords forever. List only your own addresses and networks.`,
          fixes: [{ title: `Remove ${item.text} from ignoreip`, edits: [{ start, end, newText: '' }], safety: 'offer' }],
        });
      }
    }
  },
};
