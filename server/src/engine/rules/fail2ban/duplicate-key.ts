import type { Rule } from '../../rule';
import type { F2bDocument, F2bEntry } from '../../host/fail2ban/parser';
import { deleteEntry, optionLabel } from '../../host/fail2ban/model';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-duplicate-key',
  title: 'The same option (or section) twice in one file',
  severity: 'error',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'fail2ban reads each jail file with a strict parser: an option set twice in one section, or a section opened twice, makes it reject the whole configuration and not start, so no jail bans anything until it is fixed.',
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.problems) {
      if (p.code === 'duplicate-key') {
        const first = p.first as F2bEntry;
        ctx.report({
          span: p.span,
          message: p.message,
          related: [{ span: first.key, message: 'first set here' }],
          fixes: [{ title: `Delete the earlier ${optionLabel(first.name)} (line ${first.line + 1}); the later value stays`, edits: [deleteEntry(doc, first)], safety: 'offer' }],
        });
      } else if (p.code === 'duplicate-section') {
        ctx.report({ span: p.span, message: `${p.message} Merge the two sections into one.` });
      }
    }
  },
};
