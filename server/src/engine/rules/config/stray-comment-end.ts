import type { Rule } from '../../rule';
import { ASTERISK_KINDS } from '../../kinds';

export const rule: Rule = {
  id: 'config-stray-comment-end',
  title: '`--;` outside a block comment (or `;--;`) hides the rest of the file',
  severity: 'error',
  fileKinds: ASTERISK_KINDS,
  fix: 'offer',
  description:
    'Asterisk does not check that a `--;` closes an open `;--` block: its comment depth goes negative and every following line of the file is ignored, including later deny= lines or alwaysauthreject=yes.',
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.problems) {
      if (p.code === 'comment-open-close') {
        // Only when nothing closes that block is "a line comment" surely what was meant;
        // with a later --; the block may be deliberate, and the fix would strand that --;.
        const neverClosed = doc.problems.some((q) => q.code === 'unterminated-comment' && q.line === p.line);
        ctx.report({
          span: p.span,
          message: neverClosed ? '`;--;` opens a block comment that nothing closes: Asterisk ignores the rest of this file.' : `${p.message}.`,
          fixes: neverClosed ? [{ title: "Make it a line comment ('; --;')", safety: 'offer', edits: [{ start: p.span.start + 1, end: p.span.start + 1, newText: ' ' }] }] : [],
        });
        continue;
      }
      if (p.code !== 'stray-comment-end') continue;
      const following = doc.lines.length - 1 - p.line;
      ctx.report({
        span: p.span,
        message: `This '--;' closes no block comment: Asterisk ignores all ${following} following line(s) of this file.`,
        fixes: [{ title: "Escape it as '--\\;' (literal text)", safety: 'offer', edits: [{ start: p.span.end - 1, end: p.span.end - 1, newText: '\\' }] }],
      });
    }
  },
};
