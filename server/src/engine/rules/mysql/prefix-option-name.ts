import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options } from '../../host/mycnf/model';
import { fix, styled, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-prefix-option-name',
  title: 'Abbreviated option name',
  severity: 'info',
  fileKinds: ['mycnf'],
  fix: 'safe',
  description:
    "MariaDB accepts any unambiguous prefix of an option name ('bind = 0.0.0.0' sets bind-address); MySQL 5.7 and later refuse to start with it, and a review that searches for the full name misses the setting.",
  check(ctx) {
    for (const o of options(ctx.doc)) {
      const r = o.resolved;
      if (!r?.abbreviated || !r.abbrev) continue;
      const syn = o.line.option!;
      const written = syn.name.text;
      const part = written.slice(r.abbrev.from, r.abbrev.to);
      const full = styled(written, r.abbrev.full);
      ctx.report({
        span: syn.name,
        message: `'${part}' in ${where(o)} is an abbreviation of ${r.abbrev.full}: MariaDB expands it, MySQL 5.7+ aborts with "unknown variable", and anyone searching the file for ${r.abbrev.full} misses it. Write the full name.`,
        fixes: [fix(`Write ${full}`, [{ start: syn.name.start + r.abbrev.from, end: syn.name.start + r.abbrev.to, newText: full }], 'safe')],
      });
    }
  },
};
