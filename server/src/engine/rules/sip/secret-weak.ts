import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { registrations, sipPeers } from '../../asterisk/sip';
import { reportWeakSecrets } from '../helpers';
import { assessSecret, describeReasons, generateSecret, secretPolicy } from '../../secrets';

export const rule: Rule = {
  id: 'sip-secret-weak',
  title: 'Weak, default or guessable SIP secret',
  severity: 'error',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'SIP registration brute force is the number-one route to toll fraud: scanners try the extension number, short numbers, defaults and dictionary words against every account. A secret that is short, all digits, equal to the account name or a known default falls in minutes.',
  check(ctx) {
    const items = [];
    for (const { section } of sipPeers(ctx.doc)) {
      const names = [section.name];
      for (const k of ['username', 'defaultuser', 'fromuser', 'authuser']) {
        const v = lastValue(section, k);
        if (v?.value) names.push(v.value);
      }
      for (const key of ['secret', 'remotesecret']) {
        const e = lastValue(section, key);
        if (e && e.value !== '') items.push({ entry: e, owner: section.name, names, what: key });
      }
    }
    reportWeakSecrets(ctx, items, 'peer', 'give the device or provider the new secret', 'Scanners brute-force SIP accounts within hours of a box going online; a guessed secret means calls billed to you.');
    // auth = user:secret@realm (outbound credentials, in [authentication] or a peer).
    for (const e of ctx.doc.sections.flatMap((sec) => sec.own)) {
      if (e.lkey !== 'auth') continue;
      const m = /^([^#:@]+):([^@]*)@(.+)$/.exec(e.value);
      if (!m || !m[2]) continue;
      const verdict = assessSecret(m[2], { names: [m[1]], ...secretPolicy(ctx.settings) });
      if (!verdict) continue;
      const map = e.line.codeMap;
      const v = e.line.assign!.value;
      if (map) continue; // a block comment inside the value: no exact span for the secret
      const start = v.start + m[1].length + 1;
      ctx.report({
        span: { start, end: start + m[2].length },
        severity: verdict.severity,
        message: `Weak secret in the auth= credentials for realm ${m[3]}: ${describeReasons(verdict.reasons)}. Whoever guesses it can authenticate as '${m[1]}' at that provider and place calls billed to you.`,
        fixes: [
          {
            title: 'Replace with a generated 24-character secret (then set the same secret at the provider)',
            safety: 'offer',
            edits: [{ start, end: start + m[2].length, newText: generateSecret(24) }],
          },
        ],
      });
    }
    for (const reg of registrations(ctx.doc)) {
      if (!reg.secret) continue;
      const verdict = assessSecret(reg.secret.text, { names: [reg.user, reg.authuser ?? ''].filter(Boolean), ...secretPolicy(ctx.settings) });
      if (!verdict) continue;
      ctx.report({
        span: reg.secret.span,
        severity: verdict.severity,
        message: `Weak secret in the registration to ${reg.host}: ${describeReasons(verdict.reasons)}. Whoever guesses it can register as you at the provider and place calls billed to you.`,
        fixes: [
          {
            title: 'Replace with a generated 24-character secret (then set the same secret in your provider account)',
            safety: 'offer',
            edits: [{ start: reg.secret.span.start, end: reg.secret.span.end, newText: generateSecret(24) }],
          },
        ],
      });
    }
  },
};
