import type { Fix, Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { lastValue } from '../../asterisk/parser';
import { astTrue } from '../../asterisk/values';
import { fixedHost, registeredPeers, sipPeers } from '../../asterisk/sip';
import { replaceValue, setInSection } from '../../asterisk/edits';
import { generalValue, nameList } from '../helpers';
import { groupByEntry, hasUnknownBases, inheritedNote } from './util';

/** chan_sip reads qualify as `no`, `yes` or a number of milliseconds (anything else: a warning and off). */
export function qualifyOn(value: string): boolean {
  if (value.toLowerCase() === 'yes') return true;
  const m = /^\s*([+-]?\d+)/.exec(value);
  return !!m && Number(m[1]) > 0;
}

export const rule: Rule = {
  id: 'sip-qualify-trunk',
  title: 'Provider trunk is not monitored (qualify)',
  severity: 'info',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'Without qualify, chan_sip never checks that a trunk answers: a dead, moved or hijacked provider address goes unnoticed (no PeerStatus events, "UNKNOWN" in sip show peers), and NAT pinholes towards the provider close.',
  check(ctx) {
    const peers = sipPeers(ctx.doc);
    const registered = registeredPeers(ctx.doc, peers);
    const general = generalValue(ctx, 'qualify');
    const items: { entry: Entry; section: (typeof peers)[number]['section']; data: null }[] = [];
    for (const { section, type } of peers) {
      if (type === 'user') continue;
      const host = fixedHost(section);
      if (!host && !registered.has(section)) continue;
      const own = lastValue(section, 'qualify');
      const what = host ? `trunk '${section.name}' (host=${host})` : `trunk '${section.name}' (registered with a register => line)`;
      if (own) {
        if (!qualifyOn(own.value)) items.push({ entry: own, section, data: null });
        continue;
      }
      // Peers start from [general] qualify= (default_qualify).
      if (general && qualifyOn(general.value)) continue;
      if (hasUnknownBases(ctx, section) || (ctx.fragment && !general)) continue;
      const deliberate = !!general;
      ctx.report({
        span: section.header.header!.name,
        message: `${what[0].toUpperCase()}${what.slice(1)} is not qualified${deliberate ? ` ([general] qualify=${general!.value})` : ''}: if the provider goes down or its address is taken over, nothing shows it, and NAT pinholes towards it close. Set qualify=yes.`,
        // Offered, never safe: a provider that ignores OPTIONS would be marked UNREACHABLE and get no calls.
        fixes: [{ title: 'Set qualify=yes for this peer (check that the provider answers OPTIONS)', safety: 'offer', edits: [setInSection(ctx.doc, section, 'qualify', 'yes')] }],
      });
    }
    for (const [entry, g] of groupByEntry(items)) {
      const v = entry.value;
      // `qualify=true`/`on` mean yes to a reader, but chan_sip only knows yes/no/a number: writing yes is what was meant.
      const meantYes = astTrue(v) && v.toLowerCase() !== 'yes';
      const fixes: Fix[] = [{ title: 'Set qualify=yes', safety: meantYes ? 'safe' : 'offer', edits: [replaceValue(entry, 'yes')] }];
      ctx.report({
        span: entry.line.assign!.value,
        message: `${g.sections.length > 1 ? 'Trunks' : 'Trunk'} ${nameList(g.sections.map((s) => s.name))}${inheritedNote(entry, g.sections)} ${g.sections.length > 1 ? 'are' : 'is'} not qualified${meantYes ? ` (chan_sip reads only yes, no or a number of milliseconds: '${v}' turns qualify off with a warning)` : ''}: if the provider goes down or its address is taken over, nothing shows it. Set qualify=yes unless the provider refuses OPTIONS.`,
        fixes,
      });
    }
  },
};
