import type { Rule } from '../../rule';
import type { F2bDocument, F2bEntry } from '../../host/fail2ban/parser';
import { duration, effective, fileRole, insertInSection, interpolate, jailEnabled, replaceValue, sectionsNamed, seconds, jailLabel } from '../../host/fail2ban/model';

/** Jails the rule judges (host-rules.md §E): the PBX's SIP jail and SSH. */
const JAILS = ['asterisk', 'sshd'];
const LIMIT = 10;

export const rule: Rule<F2bDocument> = {
  id: 'f2b-maxretry-high',
  title: 'Too many failures allowed before a ban',
  severity: 'info',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'Each failure fail2ban tolerates is one more password guess; with maxretry 10 (the stock [asterisk] value) or more, or a findtime under a minute, a scanner gets many guesses per ban cycle or slips under the counting window.',
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    const intOf = (e: F2bEntry) => {
      const v = interpolate(doc, role, e.section.name, e.value)?.trim();
      return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
    };
    const fix = (e: F2bEntry) => (role === 'conf' ? [] : [{ title: 'Set maxretry = 5', edits: [replaceValue(doc, e, '5')], safety: 'offer' as const }]);
    const inLocal = role === 'conf' ? ' Override it in jail.local (package upgrades replace jail.conf).' : '';
    for (const e of doc.entries) {
      if (e.name === 'maxretry' && (JAILS.includes(e.section.name) || e.section.name === 'DEFAULT')) {
        const n = intOf(e);
        if (n === undefined || n < LIMIT) continue;
        const who = e.section.name === 'DEFAULT' ? 'jails without their own maxretry ([sshd] among them; jail.conf\'s [asterisk] sets its own)' : jailLabel(e.section.name);
        ctx.report({ span: e.first, message: `maxretry ${n} for ${who}: a scanner gets ${n} password guesses per ban cycle. 5 or fewer is plenty for a person who mistyped.${inLocal}`, fixes: fix(e) });
      }
      if (e.name === 'findtime' && (JAILS.includes(e.section.name) || e.section.name === 'DEFAULT')) {
        const s = seconds(interpolate(doc, role, e.section.name, e.value));
        if (s === undefined || s >= 60) continue;
        ctx.report({
          span: e.first,
          message: `findtime ${e.value} (${duration(s)}): failures older than that are forgotten, so a scanner that guesses a little slower than maxretry per ${duration(s)} is never banned. Use 10m or more.${inLocal}`,
          fixes: role === 'conf' ? [] : [{ title: 'Set findtime = 10m', edits: [replaceValue(doc, e, '10m')], safety: 'offer' }],
        });
      }
    }
    if (ctx.fragment || role === 'drop-in' || role === 'conf') return;
    for (const jail of JAILS) {
      const section = sectionsNamed(doc, jail)[0];
      if (!section || !jailEnabled(doc, role, jail)) continue;
      const eff = effective(doc, role, jail, 'maxretry');
      if (!eff || eff.origin !== 'stock-section') continue;
      const n = Number(eff.value);
      if (!(n >= LIMIT)) continue;
      const def = effective(doc, role, 'DEFAULT', 'maxretry');
      ctx.report({
        span: section.nameSpan,
        message: `[${jail}] inherits jail.conf's own maxretry = ${eff.value}${def?.origin === 'file-default' && /^\d+$/.test(def.value) ? ` (this file's [DEFAULT] maxretry = ${def.value} does not reach it: a jail's own key in jail.conf beats every [DEFAULT])` : ''}: a scanner gets ${eff.value} password guesses per ban cycle. Set maxretry in [${jail}].`,
        fixes: [{ title: 'Add maxretry = 5 to the jail', edits: [insertInSection(doc, section, 'maxretry', '5')], safety: 'offer' }],
      });
    }
  },
};
