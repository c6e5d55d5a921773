import type { Rule } from '../../rule';
import type { Entry, Section } from '../../asterisk/parser';
import { all, autoDigest, endpointAuths, last, pjsipModel, usesMd5Cred, wizardObjectEntries, wizardObjectValue, wizardTrue } from '../../asterisk/pjsip';
import { crackDigest, describeWeakKind, parseDigestValue, DigestItem } from './digest';
import { fromTemplate } from './util';

interface Candidate {
  entry: Entry;
  item: DigestItem;
  key: string;
}

/** The digest lines that apply: per algorithm the last one wins (`password_digests[alg] = pw`). */
function effectiveDigests(entries: { entry: Entry; lkey: string }[]): Candidate[] {
  const byAlg = new Map<string, Candidate>();
  for (const { entry, lkey } of entries) {
    if (lkey !== 'password_digest' && lkey !== 'md5_cred') continue;
    for (const item of parseDigestValue(entry.value)) byAlg.set(item.algorithm.toLowerCase(), { entry, item, key: lkey });
  }
  return [...byAlg.values()];
}

export const rule: Rule = {
  id: 'pjsip-auth-digest-weak',
  title: 'Pre-hashed PJSIP password is the hash of a guessable password',
  severity: 'error',
  fileKinds: ['pjsip'],
  description:
    "password_digest= / md5_cred= store hash(username:realm:password) instead of the password, but a hash of a weak password is as good as the password: anyone who reads this file (a backup, a leaked config) finds it by hashing a dictionary, in milliseconds, then registers as the endpoint or logs in to your provider.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const report = (section: Section, label: string, c: Candidate, username: string, realms: string[], names: string[]) => {
      const kind = crackDigest(c.item, username, realms, names);
      if (!kind) return;
      const v = c.entry.line.assign!.value;
      const span = c.entry.line.codeMap ? v : { start: v.start + c.item.from, end: v.start + c.item.to };
      ctx.report({
        span,
        message: `The ${c.item.algorithm.toUpperCase()} ${c.key} of ${label}${fromTemplate(c.entry, section)} is the hash of ${describeWeakKind(kind)} for user '${username}': whoever reads this file recovers the password by hashing a dictionary, then registers or calls with it. Replace it with the digest of a long random password.`,
      });
    };
    if (!model.wizardFile) {
      const globals = model.byType('global');
      const defaultRealm = globals.length ? last(globals[0].section, 'default_realm')?.value : undefined;
      const users = new Map<string, string[]>();
      for (const ep of model.byType('endpoint')) {
        for (const a of endpointAuths(ep.section).inbound.names) users.set(a, [...(users.get(a) ?? []), ep.id]);
      }
      for (const auth of model.byType('auth')) {
        const username = last(auth.section, 'username')?.value;
        if (!username) continue; // res_pjsip rejects an auth without username
        const entries = [...all(auth.section, 'password_digest'), ...all(auth.section, 'md5_cred')]
          .sort((a, b) => a.line.start - b.line.start)
          .map((entry) => ({ entry, lkey: entry.lkey }))
          .filter((x) => x.lkey === 'password_digest' || usesMd5Cred(auth.section, ctx.settings));
        const realm = last(auth.section, 'realm')?.value;
        const realms = [...new Set([realm && realm !== '*' ? realm : '', defaultRealm ?? '', 'asterisk'].filter(Boolean))];
        const names = [auth.id, username, ...(users.get(auth.id) ?? [])];
        for (const c of effectiveDigests(entries)) report(auth.section, `auth '${auth.id}'`, c, username, realms, names);
      }
      return;
    }
    for (const wiz of model.wizards) {
      for (const [dir, flag] of [['inbound', 'accepts_auth'], ['outbound', 'sends_auth']] as const) {
        if (!wizardTrue(wiz, flag)) continue;
        const prefix = `${dir}_auth/`;
        const username = wizardObjectValue(wiz, prefix, 'username')?.value;
        if (!username) continue;
        const type = (wizardObjectValue(wiz, prefix, 'auth_type')?.value || 'userpass').toLowerCase();
        const entries = wizardObjectEntries(wiz, prefix).filter(
          (x) => x.lkey === 'password_digest' || (x.lkey === 'md5_cred' && type !== 'google_oauth' && (autoDigest(ctx.settings) || type === 'md5')),
        );
        const realm = wizardObjectValue(wiz, prefix, 'realm')?.value;
        const realms = [...new Set([realm && realm !== '*' ? realm : '', 'asterisk'].filter(Boolean))];
        for (const c of effectiveDigests(entries)) report(wiz, `wizard '${wiz.name}' (${dir}_auth)`, c, username, realms, [wiz.name, username]);
      }
    }
  },
};
