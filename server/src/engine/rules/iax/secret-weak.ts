import type { Rule, Severity } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { lastValue } from '../../asterisk/parser';
import { deleteLine, replaceValue } from '../../asterisk/edits';
import { iaxObjects, iaxRegistrations, peerSecret, userSecrets } from '../../asterisk/iax';
import { assessSecret, describeReasons, generateSecret, SecretVerdict, secretPolicy } from '../../secrets';
import { nameList } from '../helpers';

interface Use {
  owners: string[];
  names: Set<string>;
  passwords: string[];
  addsEmpty: boolean;
  /** Some owner is a user (every secret line counts) rather than a peer (only the last). */
  user: boolean;
}

const IMPACT = 'IAX2 accounts are brute-forced like SIP ones; a guessed secret means calls billed to you.';

function worst(passwords: string[], names: string[], policy: { minLength: number; checks?: readonly string[] }): { verdict: SecretVerdict; weakCount: number } | undefined {
  let best: SecretVerdict | undefined;
  let weakCount = 0;
  const rank = (s: Severity) => (s === 'error' ? 2 : s === 'warning' ? 1 : 0);
  for (const p of passwords) {
    if (p === '') continue;
    const v = assessSecret(p, { names, ...policy });
    if (!v) continue;
    weakCount++;
    if (!best || rank(v.severity) > rank(best.severity)) best = v;
  }
  return best ? { verdict: best, weakCount } : undefined;
}

export const rule: Rule = {
  id: 'iax-secret-weak',
  title: 'Weak, default or guessable IAX2 secret',
  severity: 'error',
  fileKinds: ['iax'],
  fix: 'offer',
  description:
    'IAX2 users and peers are brute-forced like SIP accounts. chan_iax2 accepts every secret= line of a user as a valid password, so one short, numeric, default or name-derived secret among them is enough for an attacker to call as that user.',
  check(ctx) {
    const uses = new Map<Entry, Use>();
    const add = (entry: Entry, owner: string, names: string[], passwords: string[], addsEmpty: boolean, user: boolean) => {
      const u = uses.get(entry) ?? { owners: [], names: new Set<string>(), passwords, addsEmpty, user };
      u.owners.push(owner);
      for (const n of names) u.names.add(n);
      u.addsEmpty = u.addsEmpty || addsEmpty;
      u.user = u.user || user;
      uses.set(entry, u);
    };
    for (const obj of iaxObjects(ctx.doc)) {
      const s = obj.section;
      const names = [s.name];
      const username = lastValue(s, 'username')?.value;
      if (username) names.push(username);
      if (obj.user) {
        for (const line of userSecrets(s).lines) {
          if (line.passwords.length) add(line.entry, s.name, names, line.passwords, line.addsEmpty, true);
        }
      } else {
        const p = peerSecret(s);
        if (p) add(p.entry, s.name, names, p.passwords, p.passwords.includes(''), false);
      }
    }
    for (const [entry, u] of uses) {
      const inherited = entry.writtenIn && !u.owners.includes(entry.writtenIn.name);
      const kind = u.user ? 'user' : 'peer';
      const who = `${kind}${u.owners.length > 1 ? 's' : ''} ${nameList(u.owners)}${inherited ? ` (set in template '${entry.writtenIn!.name}')` : ''}`;
      const generate = {
        title: 'Replace with a generated 24-character secret (then give the other side the new secret)',
        edits: [replaceValue(entry, generateSecret(24))],
        safety: 'offer' as const,
      };
      if (u.addsEmpty) {
        const why =
          entry.value === ''
            ? 'this empty secret= line follows another secret, and chan_iax2 joins secret lines with \u2018;\u2019 and accepts every part, so the empty password is accepted too'
            : 'its value contains an escaped \u2018;\u2019 with nothing on one side, and chan_iax2 splits secrets at \u2018;\u2019 and accepts every part, so the empty password is accepted';
        ctx.report({
          span: entry.line.assign!.value,
          severity: 'error',
          message: `Empty password accepted for ${who}: ${why}. Anyone can authenticate as this account without knowing a secret.`,
          fixes:
            entry.value === ''
              ? [{ title: 'Delete this empty secret= line', edits: [deleteLine(entry.line)], safety: 'offer' }]
              : [generate],
        });
        continue;
      }
      const judged = worst(u.passwords, [...u.names], secretPolicy(ctx.settings));
      if (!judged) continue;
      const many = u.passwords.length > 1;
      const part = many
        ? ` (${judged.weakCount === 1 ? 'one' : judged.weakCount} of the ${u.passwords.length} passwords this line holds: chan_iax2 splits it at \u2018;\u2019)`
        : '';
      const alsoValid = u.user ? ' Every secret= line of an IAX2 user is accepted, so this one is a way in even if the others are strong.' : '';
      ctx.report({
        span: entry.line.assign!.value,
        severity: judged.verdict.severity,
        message: `Weak secret for ${who}${part}: ${describeReasons(judged.verdict.reasons)}.${alsoValid} ${IMPACT}`,
        fixes: [generate],
      });
    }
    for (const reg of iaxRegistrations(ctx.doc, ctx.fragment)) {
      if (!reg.secret) continue;
      const judged = worst([reg.secret.text], [reg.user], secretPolicy(ctx.settings));
      if (!judged) continue;
      ctx.report({
        span: reg.secret.span,
        severity: judged.verdict.severity,
        message: `Weak secret in the registration to ${reg.host}: ${describeReasons(judged.verdict.reasons)}. Whoever guesses it can register as '${reg.user}' at that server and receive or place calls as you.`,
        fixes: [
          {
            title: 'Replace with a generated 24-character secret (then set the same secret on the remote server)',
            safety: 'offer',
            edits: [{ start: reg.secret.span.start, end: reg.secret.span.end, newText: generateSecret(24) }],
          },
        ],
      });
    }
  },
};
