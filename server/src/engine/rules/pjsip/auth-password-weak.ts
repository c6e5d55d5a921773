import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { autoDigest, endpointAuths, last, pjsipModel, usesPassword, wizardObjectValue, wizardTrue } from '../../asterisk/pjsip';
import { reportWeakSecrets } from '../helpers';

const IMPACT =
  'Scanners brute-force SIP accounts within hours of a box going online; a guessed password means calls billed to you (or your provider account used by someone else).';

export const rule: Rule = {
  id: 'pjsip-auth-password-weak',
  title: 'Weak, default or guessable PJSIP auth password',
  severity: 'error',
  fileKinds: ['pjsip'],
  fix: 'offer',
  description:
    'SIP registration brute force is the number-one route to toll fraud: scanners try the extension number, short numbers, sample-file defaults and dictionary words against every endpoint. A type=auth password that is short, all digits, equal to the endpoint or user name or a known default falls in minutes.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const items: { entry: Entry; owner: string; names: string[]; what: string }[] = [];
    if (!model.wizardFile) {
      // Endpoints that challenge with each auth: their ids are what scanners try as user names.
      const users = new Map<string, string[]>();
      for (const ep of model.byType('endpoint')) {
        for (const a of endpointAuths(ep.section).inbound.names) users.set(a, [...(users.get(a) ?? []), ep.id]);
      }
      for (const auth of model.byType('auth')) {
        if (!usesPassword(auth.section, ctx.settings)) continue;
        const pw = last(auth.section, 'password');
        if (!pw || pw.value === '') continue;
        const names = [auth.id, last(auth.section, 'username')?.value ?? '', ...(users.get(auth.id) ?? [])].filter(Boolean);
        items.push({ entry: pw, owner: auth.id, names, what: 'password' });
      }
      reportWeakSecrets(ctx, items, 'auth', 'give the phone or provider the new password, then run pjsip reload', IMPACT);
      return;
    }
    for (const wiz of model.wizards) {
      for (const [dir, flag] of [['inbound', 'accepts_auth'], ['outbound', 'sends_auth']] as const) {
        // Without accepts_auth/sends_auth the wizard creates no auth object: the password is unused.
        if (!wizardTrue(wiz, flag)) continue;
        const prefix = `${dir}_auth/`;
        const type = (wizardObjectValue(wiz, prefix, 'auth_type')?.value || 'userpass').toLowerCase();
        if (type === 'google_oauth' || (type === 'md5' && !autoDigest(ctx.settings))) continue;
        const pw = wizardObjectValue(wiz, prefix, 'password');
        if (!pw || pw.value === '') continue;
        const names = [wiz.name, wizardObjectValue(wiz, prefix, 'username')?.value ?? ''].filter(Boolean);
        items.push({ entry: pw, owner: wiz.name, names, what: `${dir}_auth/password` });
      }
    }
    reportWeakSecrets(ctx, items, 'wizard', 'give the phone or provider the new password, then run pjsip reload', IMPACT);
  },
};
