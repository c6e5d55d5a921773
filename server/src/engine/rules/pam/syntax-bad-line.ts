import type { Fix, Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { pamView } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-syntax-bad-line',
  title: 'PAM line that libpam cannot read: the stack fails',
  severity: 'error',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'libpam does not skip a line it cannot parse (unknown type, missing control or module, unbalanced bracket): it installs a rule that always fails, so one typo in /etc/pam.d locks everybody out of the service.',
  check(ctx) {
    const view = pamView(ctx);
    for (const p of view.problems) {
      const fixes: Fix[] = [];
      if (p.code === 'bom') fixes.push({ title: 'Remove the byte order mark', edits: [{ start: 0, end: 1, newText: '' }], safety: 'safe' });
      if (p.code === 'crlf') {
        const edits = ctx.doc.lines.filter((l) => l.cr).map((l) => ({ start: l.end, end: l.end + 1, newText: '' }));
        fixes.push({ title: 'Convert the file to LF line endings', edits, safety: 'offer' });
      }
      ctx.report({ span: p.span, severity: p.severity, message: p.message, fixes });
    }
  },
};
