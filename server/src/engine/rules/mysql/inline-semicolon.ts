import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options, shown } from '../../host/mycnf/model';
import { SECRETISH, fix, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-inline-semicolon',
  title: "A ';' after a value is not a comment: it becomes part of the value",
  severity: 'warning',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    "In option files ';' starts a comment only at the beginning of a line. 'bind-address = 127.0.0.1 ; local only' gives the value '127.0.0.1 ; local only', which the server cannot bind to: it fails to start, or a security setting silently does not apply.",
  check(ctx) {
    for (const o of options(ctx.doc)) {
      const syn = o.line.option!;
      if (!syn.value || syn.quoted || o.resolved?.option.name === 'password' || SECRETISH.test(syn.name.text)) continue;
      const raw = ctx.doc.text.slice(syn.value.start, syn.value.end);
      const m = /[ \t];/.exec(raw);
      if (!m) continue;
      const semi = syn.value.start + m.index + 1;
      ctx.report({
        span: { start: semi, end: syn.value.end },
        message: `The value of '${shown(syn.name.text)}' in ${where(o)} runs on past the ';': ';' is a comment only at the start of a line, so the text after it is part of the value (which the server may reject, or apply as written). Use '#' for a comment after a value.`,
        fixes: [fix("Turn ';' into '#' (a comment)", [{ start: semi, end: semi + 1, newText: '#' }], 'offer')],
      });
    }
  },
};
