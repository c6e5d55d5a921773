import type { Rule, Fix } from '../../rule';
import { findSection, lastValue } from '../../asterisk/parser';
import { describeRport, rportMode, RportMode, sipPeers } from '../../asterisk/sip';
import { deleteLine } from '../../asterisk/edits';
import { compareVersion } from '../../settings';
import type { Settings } from '../../settings';
import { generalValue, nameList } from '../helpers';
import { groupByEntry, inheritedNote, setAllInGeneral } from './util';

/** [general] nat when absent: no (1.6 and older), force_rport (1.8 and 10, after AST-2011-013), auto_force_rport (11+). */
function defaultMode(settings: Settings): { mode: RportMode; word: string } {
  if (compareVersion(settings, 11) >= 0) return { mode: 'auto', word: 'auto_force_rport' };
  if (compareVersion(settings, 1, 8) >= 0) return { mode: 'force', word: 'force_rport' };
  return { mode: 'off', word: 'no' };
}

const MODERN = new Set(['yes', 'no', 'false', 'n', 'f', '0', 'off', 'force_rport', 'comedia', 'auto_force_rport', 'auto_comedia']);

/** The peer's own words when the target understands them all, else the plain word for its mode. */
function canonical(value: string, mode: RportMode, legacy: boolean): string {
  const words = value.split(',').map((w) => w.toLowerCase());
  if (legacy ? words.every((w) => ['yes', 'no', 'never', 'route'].includes(w)) : words.every((w) => MODERN.has(w))) return value;
  if (legacy) return mode === 'off' ? 'no' : 'yes';
  return mode === 'off' ? 'no' : mode === 'auto' ? 'auto_force_rport' : 'force_rport';
}

export const rule: Rule = {
  id: 'sip-nat-mismatch',
  title: 'Per-peer nat= differs from [general]: peer names can be enumerated',
  severity: 'warning',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'chan_sip answers a request for an existing peer according to that peer\'s nat= and a request for an unknown name according to [general]. When the two differ, the reply goes to a different port, so a scanner learns which peer names exist (AST-2011-013, CVE-2011-4597).',
  check(ctx) {
    const legacy = compareVersion(ctx.settings, 1, 8) < 0;
    const g = generalValue(ctx, 'nat');
    // In a fragment the including file's [general] decides.
    if (!g && ctx.fragment) return;
    const def = defaultMode(ctx.settings);
    const generalMode = g ? rportMode(g.value, legacy) : def.mode;
    const generalText = g ? `[general] nat=${g.value}` : `the [general] default on Asterisk ${ctx.settings.asteriskVersion} (nat=${def.word})`;
    const peers = sipPeers(ctx.doc);
    const items = [];
    const explicitModes = new Set<RportMode>();
    for (const { section } of peers) {
      const e = lastValue(section, 'nat');
      if (!e) continue;
      const mode = rportMode(e.value, legacy);
      explicitModes.add(mode);
      if (mode !== generalMode) items.push({ entry: e, section, data: mode });
    }
    for (const [entry, grp] of groupByEntry(items)) {
      const names = nameList(grp.sections.map((s) => s.name));
      const fixes: Fix[] = [
        {
          title: `Remove this nat= line (${names} then follow ${g ? `[general] nat=${g.value}` : 'the [general] default'}; make sure that handles their NAT)`,
          safety: 'offer',
          edits: [deleteLine(entry.line)],
        },
      ];
      // Moving the value to [general] is consistent only if no other peer sets a third behaviour.
      if (explicitModes.size === 1 && (findSection(ctx.doc, 'general') || !ctx.fragment)) {
        const value = canonical(entry.value, grp.data, legacy);
        fixes.push({ title: `Set nat=${value} in [general] instead (every peer then answers the same way)`, safety: 'offer', edits: setAllInGeneral(ctx.doc, [['nat', value]]) });
      }
      ctx.report({
        span: entry.line.assign!.value,
        message: `nat=${entry.value} for ${grp.sections.length > 1 ? 'peers' : 'peer'} ${names}${inheritedNote(entry, grp.sections)} answers ${describeRport(grp.data)}, but requests for unknown names are answered ${describeRport(generalMode)} (${generalText}): a scanner can tell that ${grp.sections.length > 1 ? 'these peers exist' : 'this peer exists'} and target ${grp.sections.length > 1 ? 'them' : 'it'} (AST-2011-013). Set nat= in [general] only.`,
        fixes,
      });
    }
  },
};
