import { sshdAcceptsPasswords } from '../../host/crossfile';
import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { debianFaillockMigration, includesAuthStack, isFaillock, isTally, migrationFix, pamView, RHEL_ADVICE, ruleAnchor } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-lockout-missing',
  title: 'SSH password logins have no account lockout (no pam_faillock)',
  severity: 'warning',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    "Without pam_faillock an attacker can guess an account's password over SSH for as long as they like: fail2ban blocks addresses, not accounts, so guessing spread over many addresses is never stopped. pam_faillock locks the account after a few failures.",
  check(ctx) {
    const view = pamView(ctx);
    if (view.format !== 'pamd' || view.service !== 'sshd') return;
    const rules = view.rules;
    if (rules.some((r) => (isFaillock(r) || isTally(r)) && r.type === 'auth')) return;
    const anchor = rules.find((r) => includesAuthStack(r)) ?? rules.find((r) => r.type === 'auth');
    if (!anchor) return;
    const migration = debianFaillockMigration(ctx.doc, rules);
    const ssh = sshdAcceptsPasswords(ctx);
    const included = anchor.atInclude || anchor.control === 'include' || anchor.control === 'substack';
    const assumed = included
      ? `pbxlint reads one file at a time and assumes ${anchor.moduleName} is the distribution's default (no pam_faillock)`
      : 'no auth rule here loads pam_faillock, and pbxlint reads one file at a time: it assumes';
    const how = migration
      ? `The quick fix writes the sshd-only pam_faillock stack verified on Debian 12 (settings in /etc/security/faillock.conf); system-wide, pam-auth-update profiles do it (CIS). If ${anchor.moduleName} already loads pam_faillock, suppress this.`
      : `${RHEL_ADVICE} On Debian/Ubuntu, use pam-auth-update profiles for pam_faillock.`;
    ctx.report({
      span: ruleAnchor(anchor),
      severity: ssh && !ssh.value ? 'info' : undefined,
      message: `No account lockout for SSH password logins: ${assumed}${ssh ? `; ${ssh.path} ${ssh.value ? 'accepts passwords (checked)' : 'turns password logins off (checked), so this matters only if that changes'}` : `${included ? ' and' : ''} that sshd_config allows passwords (PasswordAuthentication defaults to yes)`}. An attacker can keep guessing one account's password; fail2ban only counts per address. ${how}`,
      fixes: migrationFix(ctx.doc, rules, 'Add account lockout'),
    });
  },
};
