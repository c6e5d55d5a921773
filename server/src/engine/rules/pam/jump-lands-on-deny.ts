import type { Rule } from '../../rule';
import type { PamDocument, PamRule } from '../../host/pam/parser';
import { PAM_TYPES } from '../../host/pam/parser';
import { actionFor, inStack, isModule, jumpTarget, LOCKOUT_WARNING, pamView, successKey } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-jump-lands-on-deny',
  title: 'A success=N jump lands on pam_deny: correct passwords are refused',
  severity: 'error',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'Jump counts in `[success=N …]` are positional. When a line is inserted after the module without raising N (typically pam_faillock authfail after pam_unix), the jump taken on success lands on `pam_deny.so`: every correct password is refused and nobody can log in.',
  check(ctx) {
    const view = pamView(ctx);
    const stacks = new Map(PAM_TYPES.map((t) => [t, view.rules.filter((x) => inStack(x, t))]));
    const position = new Map<PamRule, number>();
    for (const stack of stacks.values()) stack.forEach((x, i) => { if (!x.atInclude) position.set(x, i); });
    for (const r of view.rules) {
      if (r.control !== 'bracket' || r.bad || !r.type) continue;
      const n = actionFor(r, 'success');
      if (typeof n !== 'number') continue;
      const stack = stacks.get(r.type)!;
      const i = position.get(r)!;
      const target = jumpTarget(stack, i, n);
      if (!target || !isModule(target, 'pam_deny.so')) continue;
      // The fix: land on the rule after pam_deny (N + 1), when there is one and it is not another deny.
      const after = stack[i + n + 2];
      const key = successKey(r)!;
      const fixes = [];
      const src = ctx.doc.text.slice(r.controlWord!.start, r.controlWord!.end);
      const m = new RegExp(`(^|[\\s\\[])(${key}\\s*=\\s*)(\\d+)`).exec(src);
      if (after && !isModule(after, 'pam_deny.so') && !after.atInclude && m) {
        const at = r.controlWord!.start + m.index + m[1].length + m[2].length;
        fixes.push({ title: `Jump over pam_deny: ${key}=${n + 1} (${LOCKOUT_WARNING}; on Debian, pam-auth-update recomputes the counts)`, edits: [{ start: at, end: at + m[3].length, newText: String(n + 1) }], safety: 'offer' as const });
      }
      ctx.report({
        span: r.controlWord!,
        message: `On success this rule skips ${n} rule${n === 1 ? '' : 's'} and lands on \`pam_deny.so\` (line ${target.line + 1}): every correct password is refused and nobody can log in (verified with pamtester). A line was probably inserted after ${r.moduleName} without raising the jump count${after ? `; ${key}=${n + 1} lands on ${after.moduleName ?? 'the next rule'} instead` : ''}. On Debian, \`pam-auth-update\` regenerates the common-* files with correct counts.`,
        fixes,
      });
    }
  },
};
