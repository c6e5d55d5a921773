import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { actionFor, confAdvice, debianFaillockMigration, DEBIAN_SYSTEM_ADVICE, isTally, migrationFix, pamView, RHEL_ADVICE } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-tally-removed',
  title: 'pam_tally / pam_tally2 no longer exist: this line fails every login',
  severity: 'error',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'pam_tally.so and pam_tally2.so were removed from Linux-PAM 1.5.0 (Debian 11+, Ubuntu 22.04+, RHEL 9). A rule that loads them gets "Module is unknown": as required or requisite it refuses every SSH login, key logins included when it is in the account stack, so the old lockout advice locks the administrator out instead of the attacker.',
  check(ctx) {
    const view = pamView(ctx);
    const tally = view.rules.filter(isTally);
    if (!tally.length) return;
    const fixes = view.format === 'pamd' ? migrationFix(ctx.doc, view.rules, 'Replace pam_tally') : [];
    const migration = view.format === 'pamd' ? debianFaillockMigration(ctx.doc, view.rules) : undefined;
    for (const r of tally) {
      const unknown = actionFor(r, 'module_unknown');
      const fatal = unknown === 'bad' || unknown === 'die';
      const phase = r.type === 'account' ? 'the account phase, which sshd runs for every login (public keys included)' : r.type === 'auth' ? 'the auth phase (every password login)' : `the ${r.type ?? 'first'} phase`;
      const effect = fatal
        ? `On a current system the module cannot be loaded ("Module is unknown"), and as a ${r.control === 'bracket' ? 'rule whose module_unknown result is a failure' : `${r.control} rule`} it fails ${phase}: nobody can log in${r.silent ? ' (the "-" prefix only hides the log line)' : ''}.`
        : `On a current system the module cannot be loaded, so this line gives no protection at all: failed logins are never counted.`;
      const replacement = migration
        ? `Replace it with pam_faillock (the quick fix writes the sshd-only stack verified on Debian 12). ${confAdvice(migration.conf)}`
        : `Replace it with pam_faillock: ${DEBIAN_SYSTEM_ADVICE}`;
      ctx.report({
        span: r.module!,
        message: `${r.moduleName} was removed in Linux-PAM 1.5 (Debian 11+, Ubuntu 22.04+, RHEL 9; RHEL 8 still ships a deprecated pam_tally2). ${effect} ${replacement} ${RHEL_ADVICE}`,
        fixes,
      });
    }
  },
};
