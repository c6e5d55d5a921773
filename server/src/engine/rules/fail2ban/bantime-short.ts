import type { Rule } from '../../rule';
import type { F2bDocument, F2bEntry } from '../../host/fail2ban/parser';
import { anchorFor, duration, effective, fileRole, insertInSection, interpolate, jailEnabled, jailSections, listItems, replaceValue, sectionsNamed, seconds, jailLabel } from '../../host/fail2ban/model';
import { ownNetworks } from './util';

const STOCK = 600;

export const rule: Rule<F2bDocument> = {
  id: 'f2b-bantime-short',
  title: 'Bans are too short to stop a scanner',
  severity: 'info',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'SIP and SSH scanners simply wait out a short ban and carry on guessing; the stock 10 minutes costs a patient scanner little. A longer bantime, bantime.increment or the [recidive] jail make repeat offenders go away.',
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    const judge = (e: F2bEntry) => {
      const value = interpolate(doc, role, e.section.name, e.value);
      const s = seconds(value);
      if (s === undefined) return;
      const where = e.section.name === 'DEFAULT' ? 'every jail without its own bantime' : jailLabel(e.section.name);
      if (s < 0) {
        const ignore = effective(doc, role, e.section.name, 'ignoreip');
        const items = ignore?.entry ? listItems(ignore.entry).map((i) => i.text) : [];
        if (ownNetworks(items)) return;
        ctx.report({
          span: e.first,
          message: `bantime ${e.value} bans forever (${where}) while ignoreip does not list your own networks: one phone with a wrong password, or an admin typo, bans the office's shared address permanently. Add your networks to ignoreip (pbxlint cannot know them).`,
        });
        return;
      }
      if (s > STOCK) return;
      ctx.report({
        span: e.first,
        message: `bantime ${e.value} (${duration(s)}) for ${where}: a scanner waits ${s < STOCK ? 'less than the stock 10 minutes' : 'the stock 10 minutes'} and resumes guessing SIP/SSH passwords. Use 1h or more${role === 'conf' ? ' (in jail.local: package upgrades replace jail.conf)' : ''}, and consider bantime.increment = true and the [recidive] jail.`,
        fixes: role === 'conf' ? [] : [{ title: 'Set bantime = 1h', edits: [replaceValue(doc, e, '1h')], safety: 'offer' }],
      });
    };
    for (const e of doc.entries) if (e.name === 'bantime') judge(e);
    if (ctx.fragment || role !== 'local') return;
    if (doc.entries.some((e) => e.name === 'bantime' && e.section.name === 'DEFAULT')) return;
    // Every jail this file enables brings its own bantime: the DEFAULT does not matter to them.
    const enabled = jailSections(doc).filter((s) => jailEnabled(doc, role, s.name));
    if (enabled.length && enabled.every((s) => effective(doc, role, s.name, 'bantime')?.origin.endsWith('section'))) return;
    const def = sectionsNamed(doc, 'DEFAULT')[0];
    ctx.report({
      span: anchorFor(doc, 'DEFAULT'),
      message: 'No bantime in [DEFAULT] here, so jails without their own get jail.conf\'s 10 minutes: a scanner waits that out and resumes guessing SIP/SSH passwords. Set bantime = 1h (or more) and consider bantime.increment = true and the [recidive] jail.',
      fixes: [
        {
          title: 'Set bantime = 1h in [DEFAULT]',
          edits: [def ? insertInSection(doc, def, 'bantime', '1h') : { start: doc.bom ? 1 : 0, end: doc.bom ? 1 : 0, newText: `[DEFAULT]${eol(doc)}bantime = 1h${eol(doc)}${eol(doc)}` }],
          safety: 'offer',
        },
      ],
    });
  },
};

function eol(doc: F2bDocument): string {
  const l = doc.lines.find((x) => x.eolEnd > x.end);
  return l ? doc.text.slice(l.end, l.eolEnd) : '\n';
}
