import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { allValues, findSection } from '../../asterisk/parser';
import { replaceValue } from '../../asterisk/edits';
import { calltokenSetting, iaxObjects } from '../../asterisk/iax';
import { parseAcl } from '../../acl';
import { nameList } from '../helpers';

function addresses(prefix: number, width: number): string {
  const bits = width - prefix;
  if (bits >= 32) return width === 32 ? 'every IPv4 address' : bits >= 128 ? 'every IPv6 address' : `2^${bits} addresses`;
  return `${(2 ** bits).toLocaleString('en-US')} addresses`;
}

export const rule: Rule = {
  id: 'iax-calltoken-disabled',
  title: 'IAX2 call-token validation is switched off',
  severity: 'warning',
  fileKinds: ['iax'],
  fix: 'offer',
  description:
    'Call tokens make an IAX2 caller prove it owns its source address before chan_iax2 allocates a call number. Where they are optional (requirecalltoken=no/auto, calltokenoptional ranges), an attacker can send spoofed NEW/REGREQ packets and tie up call numbers, a denial of service (AST-2009-006, CVE-2009-2346).',
  check(ctx) {
    const uses = new Map<Entry, { owners: string[]; mode: 'no' | 'auto' }>();
    for (const { section } of iaxObjects(ctx.doc)) {
      const s = calltokenSetting(section);
      if (!s) continue;
      const u = uses.get(s.entry) ?? { owners: [], mode: s.mode };
      u.owners.push(section.name);
      uses.set(s.entry, u);
    }
    for (const [entry, u] of uses) {
      const inherited = entry.writtenIn && !u.owners.includes(entry.writtenIn.name);
      const who = `${nameList(u.owners)}${inherited ? ` (set in template '${entry.writtenIn!.name}')` : ''}`;
      const guest = u.owners.some((o) => o === 'guest') ? " chan_iax2 also applies the 'guest' user's setting to every call that gives no username." : '';
      ctx.report({
        span: entry.line.assign!.value,
        severity: u.mode === 'auto' ? 'info' : undefined,
        message:
          u.mode === 'no'
            ? `requirecalltoken=${entry.value} for ${who}: packets naming this account skip call-token validation, so spoofed calls or registrations can tie up call numbers (AST-2009-006).${guest}`
            : `requirecalltoken=auto for ${who}: call tokens stay optional for this account until it first uses one, and spoofed packets can tie up call numbers until then (AST-2009-006). Once every device supports call tokens, use yes.${guest}`,
        fixes: [
          {
            title: 'Require call tokens (requirecalltoken=yes; an endpoint that cannot send them is then rejected)',
            edits: [replaceValue(entry, 'yes')],
            safety: 'offer',
          },
        ],
      });
    }
    const general = findSection(ctx.doc, 'general');
    const lines = general ? allValues(general, 'calltokenoptional') : ctx.fragment ? ctx.doc.preamble.filter((e) => e.lkey === 'calltokenoptional') : [];
    for (const entry of lines) {
      const acl = parseAcl([{ ...entry, lkey: 'permit' }]);
      const wide = acl.rules.filter((r) => !r.negate && r.prefix < (r.family === 4 ? 32 : 128));
      if (!wide.length) continue;
      const r = wide.reduce((a, b) => (b.prefix < a.prefix ? b : a));
      const width = r.family === 4 ? 32 : 128;
      ctx.report({
        span: entry.line.assign!.value,
        message: `calltokenoptional exempts ${addresses(r.prefix, width)} from call-token validation: an attacker can spoof source addresses in that range and tie up call numbers (AST-2009-006). List only the single hosts of endpoints that cannot send call tokens.`,
      });
    }
  },
};
