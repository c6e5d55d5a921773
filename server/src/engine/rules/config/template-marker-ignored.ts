import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

export const rule: Rule = {
  id: 'config-template-marker-ignored',
  title: 'Template or inheritance marker that Asterisk ignores',
  severity: 'error',
  fileKinds: ASTERISK_KINDS,
  fix: 'safe',
  description:
    'Asterisk reads `(!)` or `(base)` only when it follows `]` immediately. `[tmpl] (!)` is an ordinary, live section (a "template" peer with a default secret that anyone can register as), and `[peer] (tmpl)` inherits nothing. `[x]()` inherits the first section of the file.',
  check(ctx) {
    for (const s of ctx.doc.sections) {
      const h = s.header.header!;
      const t = h.trailing;
      if (t && /^\s+\(.*\)$/.test(t.text)) {
        ctx.report({
          span: t,
          message: `'${t.text.trim()}' is ignored because of the space after ']': section '${s.name}' is ${t.text.includes('!') ? 'a live section, not a template' : 'not inheriting anything'}.`,
          fixes: [{ title: 'Remove the space so Asterisk reads the marker', safety: 'safe', edits: [{ start: t.start, end: t.start + (t.text.length - t.text.trimStart().length), newText: '' }] }],
        });
      }
      if (h.options && h.options.text === '') {
        ctx.report({ span: h.options, message: `Empty '()' makes '${s.name}' inherit from the first section of the file.` });
      }
    }
  },
};
