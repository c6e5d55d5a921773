import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { STOCK_SECTION_NAMES } from '../../host/fail2ban/model';

const STOCK = new Set(STOCK_SECTION_NAMES);
const BY_FOLDED = new Map(STOCK_SECTION_NAMES.map((n) => [n.toLowerCase(), n]));

export const rule: Rule<F2bDocument> = {
  id: 'f2b-section-case',
  title: 'A section name that only looks like a stock jail',
  severity: 'warning',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'Section names are case-sensitive: [Asterisk] or [ sshd ] is a new, separate jail (which fails, having no filter of that name) and the real [asterisk] jail never gets the settings written under it; [default] is not [DEFAULT].',
  check(ctx) {
    const { doc } = ctx;
    const names = new Set(doc.sections.map((s) => s.name));
    for (const s of doc.sections) {
      if (STOCK.has(s.name)) continue;
      const stock = BY_FOLDED.get(s.name.trim().toLowerCase());
      if (!stock) continue;
      const what = stock === 'DEFAULT' ? 'the [DEFAULT] section (its settings reach no jail)' : stock === 'INCLUDES' ? 'the [INCLUDES] section (nothing is included)' : `the stock [${stock}] jail`;
      ctx.report({
        span: s.nameSpan,
        message: `[${s.name}] is not ${what}: fail2ban's section names are case-sensitive and keep spaces, so this is a different ${stock === 'DEFAULT' || stock === 'INCLUDES' ? 'section' : 'jail (which fails to start, having no filter.d/' + s.name.trim() + '.conf)'} and the settings under it never reach [${stock}].`,
        // Renaming onto a section this file already has would make a duplicate section (fatal).
        fixes: names.has(stock) ? [] : [{ title: `Rename to [${stock}]`, edits: [{ start: s.nameSpan.start, end: s.nameSpan.end, newText: stock }], safety: 'offer' }],
      });
    }
  },
};
