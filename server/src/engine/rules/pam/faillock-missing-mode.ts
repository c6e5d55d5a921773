import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { confAdvice, debianFaillockMigration, DEBIAN_SYSTEM_ADVICE, faillockMode, isFaillock, migrationFix, pamView, RHEL_ADVICE } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-faillock-missing-mode',
  title: 'pam_faillock in the auth stack without preauth, authfail or authsucc',
  severity: 'error',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'An auth rule that loads pam_faillock.so without a mode behaves like preauth only: it refuses locked accounts but never records a failure, so no account is ever locked and password guessing goes on unchecked. This is what a literal translation of the old pam_tally line produces.',
  check(ctx) {
    const view = pamView(ctx);
    const bare = view.rules.filter((r) => r.type === 'auth' && isFaillock(r) && !faillockMode(r));
    if (!bare.length) return;
    const migration = view.format === 'pamd' ? debianFaillockMigration(ctx.doc, view.rules) : undefined;
    const fixes = view.format === 'pamd' ? migrationFix(ctx.doc, view.rules, 'Replace it') : [];
    for (const r of bare) {
      const how = migration
        ? `The quick fix replaces it with the sshd-only stack verified on Debian 12. ${confAdvice(migration.conf)}`
        : `pam_faillock needs a preauth rule before the password module and an authfail rule on its failure path (see pam_faillock(8)). ${DEBIAN_SYSTEM_ADVICE} ${RHEL_ADVICE}`;
      ctx.report({
        span: r.module!,
        message: `pam_faillock.so without preauth, authfail or authsucc acts as preauth only: failures are never recorded, so nobody is ever locked out (verified with pamtester: 4 wrong passwords, then the right one, succeeded). ${how}`,
        fixes,
      });
    }
  },
};
