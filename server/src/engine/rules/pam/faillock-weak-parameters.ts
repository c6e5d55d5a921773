import type { Report, Rule } from '../../rule';
import type { PamDocument } from '../../host/pam/parser';
import { argValue } from '../../host/pam/parser';
import { isFaillock, pamView } from '../../host/pam/model';
import type { Span } from '../../text';

interface Setting {
  name: string;
  value: string;
  /** The value's span (for the replacement) and the whole setting's span (for the report). */
  valueSpan: Span;
  span: Span;
  where: string;
}

function judge(s: Setting): Report | undefined {
  if (!/^\d+$/.test(s.value)) return undefined;
  const v = Number(s.value);
  const replace = (to: string, title: string) => [{ title, edits: [{ start: s.valueSpan.start, end: s.valueSpan.end, newText: to }], safety: 'offer' as const }];
  switch (s.name) {
    case 'deny':
      if (v === 0) return { span: s.span, message: `deny = 0 ${s.where} turns the lockout off: pam_faillock never locks an account, so password guessing is unlimited. CIS Debian 12 asks for 5 or fewer.`, fixes: replace('5', 'Lock after 5 failures (deny = 5)') };
      if (v > 5) return { span: s.span, message: `deny = ${v} ${s.where} gives an attacker ${v} guesses per account before the lockout (per fail_interval); CIS Debian 12 asks for 5 or fewer.`, fixes: replace('5', 'Lock after 5 failures (deny = 5)') };
      return undefined;
    case 'unlock_time':
      if (v >= 1 && v < 900) {
        const seed = v === 120 ? ' (the value the old pam_tally advice used)' : '';
        return {
          span: s.span,
          message: `unlock_time = ${v}${seed} ${s.where} unlocks an account after ${v} s, so an attacker gets another round of guesses every ${v} s; CIS Debian 12 asks for 900 s or more, or 0 (unlock by hand with \`faillock --reset\`; then keep root exempt, the default, so the administrator cannot be locked out remotely).`,
          fixes: replace('900', 'Unlock after 15 minutes (unlock_time = 900)'),
        };
      }
      return undefined;
    case 'fail_interval':
      if (v < 300) {
        return { span: s.span, message: `fail_interval = ${v} ${s.where}: only failures within ${v} s count toward deny, so slow guessing (a few attempts every ${v} s) never locks the account. The default is 900.`, fixes: replace('900', 'Count failures over 15 minutes (fail_interval = 900)') };
      }
      return undefined;
    default:
      return undefined;
  }
}

export const rule: Rule<PamDocument> = {
  id: 'pam-faillock-weak-parameters',
  title: 'pam_faillock settings too weak to stop password guessing',
  severity: 'info',
  fileKinds: ['pam'],
  fix: 'offer',
  description:
    'pam_faillock only slows an attacker down as much as its settings allow: a high deny, deny = 0, a short unlock_time or a short fail_interval lets password guessing carry on at a steady rate without the account staying locked.',
  check(ctx) {
    const view = pamView(ctx);
    const settings: Setting[] = [];
    if (view.format === 'faillock') {
      for (const e of ctx.doc.faillock.entries) {
        if (!e.value) continue;
        settings.push({ name: e.key.text, value: e.value.text, valueSpan: e.value, span: { start: e.key.start, end: e.value.end }, where: 'in faillock.conf' });
      }
    } else {
      for (const r of view.rules) {
        if (!isFaillock(r)) continue;
        for (const a of r.args) {
          if (a.bracket) continue;
          for (const name of ['deny', 'unlock_time', 'fail_interval']) {
            const v = argValue(a, name);
            if (v === undefined) continue;
            settings.push({ name, value: v, valueSpan: { start: a.start + name.length + 1, end: a.end }, span: a, where: 'on this pam_faillock line (it overrides faillock.conf)' });
          }
        }
      }
    }
    for (const s of settings) {
      const r = judge(s);
      if (r) ctx.report(r);
    }
  },
};
