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
        // The marker Asterisk would read once the space is gone: only safe when every item is
        // valid there (no spaces, bases defined earlier), else removing the space rejects the file.
        const items = t.text.trim().slice(1, -1).split(',');
        const earlier = new Set(ctx.doc.sections.slice(0, s.index).map((x) => x.name.toLowerCase()));
        const valid = items.every((it) => it === '!' || it.startsWith('+') || (it !== '' && it.trim() === it && earlier.has(it.toLowerCase())));
        ctx.report({
          span: t,
          message: `'${t.text.trim()}' is ignored because of the space after ']': section '${s.name}' is ${t.text.includes('!') ? 'a live section, not a template' : 'not inheriting anything'}.${valid ? '' : ' Without the space this list would make Asterisk reject the file: write it without spaces, naming only sections defined above.'}`,
          fixes: valid
            ? [{ title: 'Remove the space so Asterisk reads the marker', safety: 'safe', edits: [{ start: t.start, end: t.start + (t.text.length - t.text.trimStart().length), newText: '' }] }]
            : [],
        });
      }
      if (h.options && h.options.text === '') {
        ctx.report({ span: h.options, message: `Empty '()' makes '${s.name}' inherit from the first section of the file.` });
      }
    }
  },
};
