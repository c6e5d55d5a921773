import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { boolWord, options, shownWord } from '../../host/mycnf/model';
import { fix, where } from './util';

const YES = /^(yes|y|enabled?|enable)$/i;
const NO = /^(no|n|disabled?|disable)$/i;

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-invalid-boolean',
  title: 'A boolean option has a value the server does not read as on or off',
  severity: 'warning',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    "Boolean options accept only 1/0, ON/OFF and TRUE/FALSE. MariaDB reads 'local-infile = yes' as OFF (with a warning) and ignores 'symbolic-links = NO' altogether, so the setting does the opposite of what it says or nothing at all.",
  check(ctx) {
    for (const o of options(ctx.doc)) {
      const r = o.resolved;
      if (!r || !r.option.bool || r.negated || o.value === undefined) continue;
      if (boolWord(o.value) !== 'invalid' || r.option.extra?.includes(o.value.trim().toLowerCase())) continue;
      const syn = o.line.option!;
      if (!syn.value) continue;
      const effect = r.option.invalid === 'ignored' ? 'MariaDB ignores the line and the default stays' : 'MariaDB reads it as OFF (with a warning)';
      const v = o.value.trim();
      const to = YES.test(v) ? 'ON' : NO.test(v) ? 'OFF' : undefined;
      ctx.report({
        span: syn.value,
        message: `'${shownWord(v)}' is not a boolean value for ${r.option.name} in ${where(o)}: ${effect}. Write ON or OFF (or 1/0).`,
        fixes: to ? [fix(`Write ${to}`, [{ start: syn.value.start, end: syn.value.end, newText: to }], 'offer')] : [],
      });
    }
  },
};
