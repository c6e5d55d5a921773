import type { Rule } from '../../rule';
import type { ApacheDocument } from '../../host/apache/parser';
import { directiveLabel, fix } from './util';

export const rule: Rule<ApacheDocument> = {
  id: 'apache-backslash-trailing-space',
  title: 'A backslash followed by spaces does not continue the line',
  severity: 'warning',
  fileKinds: ['apache'],
  fix: 'offer',
  description:
    'Apache joins a line with the next only when the backslash is the very last character. With a space or tab after it, the backslash becomes an argument and the next line is read as a directive of its own: httpd refuses to start, or half of a Require ip list silently goes missing.',
  check(ctx) {
    const doc = ctx.doc;
    for (const l of doc.lines) {
      if (!l.backslashSpace || !l.item || l.item.kind === 'comment') continue;
      const bs = l.backslashSpace;
      ctx.report({
        span: bs,
        message: `This backslash is followed by ${/\t/.test(doc.text.slice(bs.start + 1, bs.end)) ? 'a tab' : 'spaces'}, so it does not continue the line: '\\' becomes an argument of ${l.item.kind === 'directive' ? directiveLabel(l.item) : 'the section tag'} and line ${l.index + 2} is read on its own. Delete the trailing whitespace.`,
        fixes: [fix('Delete the whitespace after the backslash (the next line is joined)', [{ start: bs.start + 1, end: bs.end, newText: '' }], 'offer')],
      });
    }
  },
};
