import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

export const rule: Rule = {
  id: 'config-section-name-whitespace',
  title: 'Section name with spaces inside the brackets',
  severity: 'warning',
  fileKinds: ASTERISK_KINDS,
  fix: 'safe',
  description:
    'Asterisk does not trim section names: `[ general ]` is a section called " general ", which modules looking for `general` never read. Its settings (bindaddr=127.0.0.1, allowguest=no, …) silently do not apply.',
  check(ctx) {
    for (const s of ctx.doc.sections) {
      const name = s.header.header!.name;
      const trimmed = name.text.trim();
      if (trimmed === name.text || trimmed === '') continue;
      const isGeneral = trimmed.toLowerCase() === 'general';
      ctx.report({
        span: name,
        severity: isGeneral ? 'error' : undefined,
        message: `Section '${name.text}' has spaces inside the brackets; Asterisk will not find it as '${trimmed}'${isGeneral ? ', so none of these general settings apply' : ''}.`,
        fixes: [{ title: `Rename to [${trimmed}]`, safety: 'safe', edits: [{ start: name.start, end: name.end, newText: trimmed }] }],
      });
    }
  },
};
