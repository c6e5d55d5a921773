import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { shownWord } from '../../host/apache/model';
import { fix, insertLinesBefore, indentOf, lowered } from './util';
import { absentAnchor } from './server-defaults';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-servertokens-verbose',
  title: 'The Server header reveals more than the product name',
  severity: 'info',
  fileKinds: ['apache'],
  fix: 'safe',
  description:
    "ServerTokens other than Prod puts the Apache version, the OS and often module versions in every response's Server header, which lets a scanner pick exploits for exactly this box. The compiled-in default is Full; Debian ships OS.",
  check(ctx) {
    const doc = ctx.doc;
    const all = doc.directives.filter((d) => d.lname === 'servertokens');
    const last = all[all.length - 1];
    if (last) {
      const v = last.args[0]?.text ?? '';
      if (!v || /^#/.test(v) || /^(prod|productonly)$/i.test(v)) return;
      ctx.report({
        span: last.args[0],
        severity: lowered('info', last),
        message: `ServerTokens ${shownWord(v)} announces the Apache version${/^full$/i.test(v) ? ', the operating system and module versions' : /^os$/i.test(v) ? ' and the operating system' : ''} in every response: a scanner learns which exploits fit this box. Use Prod.`,
        fixes: [fix('Set ServerTokens Prod', [{ start: last.args[0].start, end: last.args[0].end, newText: 'Prod' }], 'safe')],
      });
      return;
    }
    const a = absentAnchor(doc, ctx.path);
    if (!a) return;
    ctx.report({
      span: a.at.name,
      message: `ServerTokens is not set: Apache's compiled-in default is Full, which announces the version, the OS and module versions in every response${a.caveat}. Set ServerTokens Prod.`,
      fixes: [fix('Add ServerTokens Prod', [insertLinesBefore(doc, a.at, [`${indentOf(doc, a.at)}ServerTokens Prod`])], 'safe')],
    });
  },
};
