import type { Rule } from '../../rule';
import type { PamDocument, PamRule } from '../../host/pam/parser';
import { Migration, actionFor, confAdvice, debianFaillockMigration, DEBIAN_SYSTEM_ADVICE, faillockMode, includeEndsFailures, inStack, isFaillock, isInclude, isModule, isPasswordModule, migrationFix, modeWord, pamView, RHEL_ADVICE } from '../../host/pam/model';

/** Why the failure path never reaches this authfail rule, or undefined when it does. */
function unreachable(rules: PamRule[], authfail: PamRule): string | undefined {
  const stack = rules.filter((r) => inStack(r, 'auth'));
  const before = stack.slice(0, stack.indexOf(authfail));
  for (let i = before.length - 1; i >= 0; i--) {
    const r = before[i];
    if (isPasswordModule(r)) break;
    const ends = includeEndsFailures(r);
    if (ends === 'debian') {
      return `it comes after the include of ${r.moduleName}, whose default stack ends a wrong password itself (\`requisite pam_deny.so\`): only a correct password gets here, so every successful login is recorded as a failure and refused (verified with pamtester), while wrong passwords are never counted. pbxlint assumes ${r.moduleName} is the distribution's default`;
    }
    if (ends === 'substack') {
      return `it comes after \`substack ${r.moduleName}\`: a substack's \`sufficient pam_unix.so\` only ends the substack (pam.conf(5)), so a correct password also reaches this rule, is recorded as a failure and refused`;
    }
    if (isModule(r, 'pam_deny.so')) {
      const a = actionFor(r, 'auth_err');
      if (a === 'die' || a === 'done') return 'it comes after `pam_deny.so`, which ends every failed attempt first: only jumps taken on success reach it, so correct passwords are recorded as failures and refused, and wrong ones are never counted';
    }
  }
  if (!before.some((r) => isPasswordModule(r) || isInclude(r))) {
    return 'it runs before any password check, so it records a failure and fails the stack on every login attempt, correct passwords included';
  }
  return undefined;
}

export const rule: Rule<PamDocument> = {
  id: 'pam-faillock-authfail-unreachable',
  title: 'pam_faillock authfail is not on the failure path: correct passwords are refused',
  severity: 'error',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    "pam_faillock's authfail rule must run only after the password module failed. Placed after a stack that already ends failed attempts (Debian's `@include common-auth`), or before the password module, it runs after correct passwords instead: every successful login is counted as a failure and refused, while the attacker's wrong guesses are never counted.",
  check(ctx) {
    const view = pamView(ctx);
    let migration: Migration | null | undefined;
    for (const r of view.rules) {
      if (r.type !== 'auth' || !isFaillock(r) || faillockMode(r) !== 'authfail') continue;
      const why = unreachable(view.rules, r);
      if (!why) continue;
      migration ??= view.format === 'pamd' ? debianFaillockMigration(ctx.doc, view.rules) ?? null : null;
      const how = migration
        ? `The quick fix replaces the preauth line, the include and this line with the sshd-only stack verified on Debian 12 (authfail between pam_unix and pam_deny, with the jump count adjusted). ${confAdvice(migration.conf)}`
        : `Put authfail right after the password module, on its failure path, and adjust the success=N jump over it. ${DEBIAN_SYSTEM_ADVICE} ${RHEL_ADVICE}`;
      ctx.report({
        span: modeWord(r)!,
        message: `This pam_faillock authfail rule is not on the failure path: ${why}. ${how}`,
        fixes: migration ? migrationFix(ctx.doc, view.rules, 'Replace these lines') : [],
      });
    }
  },
};
