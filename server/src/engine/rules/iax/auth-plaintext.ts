import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { findSection, lastValue } from '../../asterisk/parser';
import { replaceValue } from '../../asterisk/edits';
import { authEntry, authMethods, iaxObjects } from '../../asterisk/iax';
import { nameList } from '../helpers';

export const rule: Rule = {
  id: 'iax-auth-plaintext',
  title: 'IAX2 authentication allows plaintext passwords',
  severity: 'error',
  fileKinds: ['iax'],
  fix: 'offer',
  description:
    'With auth=plaintext the IAX2 secret crosses the network in clear text: anyone who can capture the UDP traffic (a shared network, a compromised router, the path to the provider) learns the password and can then call or register as that account.',
  check(ctx) {
    const general = findSection(ctx.doc, 'general');
    const generalAuth = general ? lastValue(general, 'auth') : undefined;
    const users = new Map<Entry, string[]>();
    for (const { section } of iaxObjects(ctx.doc)) {
      const e = authEntry(ctx.doc, section);
      if (!e || !authMethods(e.value).plaintext) continue;
      const list = users.get(e) ?? [];
      list.push(section.name);
      users.set(e, list);
    }
    if (generalAuth && authMethods(generalAuth.value).plaintext && !users.has(generalAuth)) users.set(generalAuth, []);
    for (const [entry, owners] of users) {
      const m = authMethods(entry.value);
      const replacement = m.rsa ? 'md5,rsa' : 'md5';
      const isGeneral = entry === generalAuth;
      const inherited = !isGeneral && entry.writtenIn && !owners.includes(entry.writtenIn.name);
      const scope = isGeneral
        ? `the [general] default auth method${owners.length ? ` (used by ${nameList(owners)})` : ', used by every user and peer without its own auth='}`
        : `${owners.length > 1 ? 'accounts' : 'account'} ${nameList(owners)}${inherited ? ` (set in template '${entry.writtenIn!.name}')` : ''}`;
      ctx.report({
        span: entry.line.assign!.value,
        message: `auth includes plaintext for ${scope}: the IAX2 secret may be sent in clear text, and anyone who can see the traffic learns it and can then call or register as that account. md5 challenge/response is supported by every IAX2 implementation.`,
        fixes: [
          {
            title: `Use auth=${replacement} (the remote side must then answer the md5 challenge)`,
            edits: [replaceValue(entry, replacement)],
            safety: 'offer',
          },
        ],
      });
    }
  },
};
