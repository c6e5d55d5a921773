import type { Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { accountAnchor, faillockMode, insertAccountLine, isFaillock, isInclude, LOCKOUT_WARNING, pamView } from '../../host/pam/model';

export const rule: Rule<PamDocument> = {
  id: 'pam-faillock-no-reset',
  title: 'pam_faillock never clears the failure count after a successful login',
  severity: 'warning',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'pam_faillock clears an account\'s failure records only from its account-phase call (or an authsucc rule). Without one, occasional typos add up inside fail_interval and lock legitimate users, including the administrator, out; an attacker who knows a user name can help that along.',
  check(ctx) {
    const view = pamView(ctx);
    const rules = view.rules;
    const auth = rules.filter((r) => r.type === 'auth' && isFaillock(r));
    const counting = auth.find((r) => faillockMode(r) === 'authfail') ?? auth.find((r) => faillockMode(r) === 'preauth');
    if (!counting) return;
    if (auth.some((r) => faillockMode(r) === 'authsucc')) return;
    if (rules.some((r) => r.type === 'account' && isFaillock(r))) return;
    // A file without an account stack (Debian common-auth) leaves that to common-account.
    const anchor = accountAnchor(rules);
    const accountVia = rules.find((r) => r.atInclude && r.moduleName === 'common-account') ?? rules.find((r) => r.type === 'account' && isInclude(r));
    if (!anchor) return;
    const assumed = accountVia ? ` (pbxlint reads one file at a time and assumes ${accountVia.moduleName} is the distribution's default, without pam_faillock)` : '';
    const ins = insertAccountLine(ctx.doc, rules);
    ctx.report({
      span: counting.module!,
      message: `pam_faillock counts failures here, but no \`account required pam_faillock.so\` (nor an authsucc rule) clears them after a successful login${assumed}: typos accumulate within fail_interval and end up locking legitimate users out. This is what the old \`account required pam_tally.so reset\` did.`,
      fixes: ins ? [{ title: `Insert \`account required pam_faillock.so\` before ${accountVia ? accountVia.moduleName : 'the account rules'} (${LOCKOUT_WARNING})`, edits: [ins], safety: 'offer' }] : [],
    });
  },
};
