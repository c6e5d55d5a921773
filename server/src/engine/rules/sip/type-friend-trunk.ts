import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { fixedHost, isDynamic, registeredPeers, sipPeers } from '../../asterisk/sip';
import { replaceValue, setInSection } from '../../asterisk/edits';
import { nameList } from '../helpers';
import { groupByEntry, inheritedNote } from './util';

export const rule: Rule = {
  id: 'sip-type-friend-trunk',
  title: 'Provider trunk defined as type=friend',
  severity: 'warning',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'A type=friend is matched by the name in the From header, from any address, as well as by its IP. For a provider trunk that means anyone who knows or guesses the trunk name can try its secret (or, with insecure=invite, call without one) from anywhere. type=peer is matched by the provider\'s address only.',
  check(ctx) {
    const peers = sipPeers(ctx.doc);
    const registered = registeredPeers(ctx.doc, peers);
    const items = [];
    for (const { section, type } of peers) {
      if (type !== 'friend' || isDynamic(section)) continue;
      const host = fixedHost(section);
      const insecure = lastValue(section, 'insecure')?.value;
      const reasons: string[] = [];
      if (host) reasons.push(`a fixed host=${host}`);
      if (registered.has(section)) reasons.push('a register => line');
      if (insecure) reasons.push(`insecure=${insecure}`);
      if (!reasons.length) continue;
      items.push({ entry: lastValue(section, 'type')!, section, data: reasons });
    }
    for (const [entry, g] of groupByEntry(items)) {
      // Replace the shared line only when every section that uses it is a trunk; else give each trunk its own type=peer.
      const users = peers.filter((p) => lastValue(p.section, 'type') === entry).map((p) => p.section);
      const edits = users.every((s) => g.sections.includes(s)) ? [replaceValue(entry, 'peer')] : g.sections.map((s) => setInSection(ctx.doc, s, 'type', 'peer'));
      const one = g.sections.length === 1;
      ctx.report({
        span: entry.line.assign!.value,
        message: `${one ? 'Friend' : 'Friends'} ${nameList(g.sections.map((s) => s.name))}${inheritedNote(entry, g.sections)} ${one ? 'looks' : 'look'} like a provider trunk (${g.data.join(', ')}): a friend is also matched by the name in the From header, from any address, so the trunk's identity can be tried${/invite/i.test(g.data.join()) ? ' (and, with insecure=invite, used without a password)' : ''} from anywhere. Use type=peer, which is matched by the provider's address only.`,
        fixes: [
          {
            title: `Set type=peer${one ? '' : ` for ${nameList(g.sections.map((s) => s.name))}`} (calls are then matched by the provider's address: check host= and insecure=port for providers that send from other addresses)`,
            safety: 'offer',
            edits,
          },
        ],
      });
    }
  },
};
