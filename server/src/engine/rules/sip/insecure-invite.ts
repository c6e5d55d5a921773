import type { Rule } from '../../rule';
import { allValues, lastValue } from '../../asterisk/parser';
import { sipPeers } from '../../asterisk/sip';
import { wordList } from '../../asterisk/values';
import { replaceValue } from '../../asterisk/edits';
import { evaluateAcl, parseAcl, PROBE_V4 } from '../../acl';

export const rule: Rule = {
  id: 'sip-insecure-invite',
  title: 'insecure=invite turns off authentication of calls',
  severity: 'error',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    "With 'invite' in insecure=, chan_sip does not challenge INVITEs for that peer. On a user or friend (matched by name) or a dynamic peer, anyone who knows the name calls in unauthenticated. On a trunk with a fixed host it is normal, but only with an ACL that admits the provider alone.",
  check(ctx) {
    for (const { section, type } of sipPeers(ctx.doc)) {
      const e = lastValue(section, 'insecure');
      if (!e) continue;
      const words = wordList(e.value);
      if (!words.includes('invite')) continue;
      const host = lastValue(section, 'host')?.value.toLowerCase() ?? '';
      const byName = type !== 'peer' || host === 'dynamic' || host === '';
      const inherited = e.writtenIn && e.writtenIn !== section ? ` (set in template '${e.writtenIn.name}')` : '';
      if (byName) {
        const keep = e.value.split(',').filter((w) => w.toLowerCase() !== 'invite');
        ctx.report({
          span: e.line.assign!.value,
          message: `${type === 'peer' ? (host === 'dynamic' ? 'Dynamic peer' : 'Peer without host') : type === 'user' ? 'User' : 'Friend'} '${section.name}' has insecure=invite${inherited}: anyone who sends its name places calls without a password.`,
          fixes: [{ title: keep.length ? `Remove 'invite' (keep insecure=${keep.join(',')})` : "Remove 'invite' (calls must authenticate)", safety: 'offer', edits: [replaceValue(e, keep.length ? keep.join(',') : 'no')] }],
        });
        continue;
      }
      const acl = parseAcl([...allValues(section, 'deny'), ...allValues(section, 'permit')].sort((a, b) => a.line.start - b.line.start));
      const open = acl.rules.length === 0 || evaluateAcl(acl.rules, PROBE_V4) === 'permit';
      ctx.report({
        span: e.line.assign!.value,
        severity: open ? 'warning' : 'info',
        message: open
          ? `Trunk '${section.name}' skips authentication (insecure=invite) and trusts the source address alone, with no ACL behind it: add deny=0.0.0.0/0.0.0.0 and permit=<provider address>, and keep its context inbound-only.`
          : `Trunk '${section.name}' skips authentication (insecure=invite), limited by its ACL to the provider's addresses. Keep its context inbound-only.`,
      });
    }
  },
};
