import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { setInGeneral } from '../../asterisk/edits';
import { compareVersion } from '../../settings';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'sip-alwaysauthreject',
  title: 'Failed logins reveal which extensions exist',
  severity: 'warning',
  fileKinds: ['sip'],
  fix: 'safe',
  description:
    'Without alwaysauthreject, chan_sip answers "no such user" differently from "wrong password", so scanners (SIPVicious and friends) list your extensions before they brute-force them. It defaults to no before Asterisk 1.8 (CVE-2011-2666) and to yes since.',
  check(ctx) {
    const entry = generalValue(ctx, 'alwaysauthreject');
    const fix = { title: 'Set alwaysauthreject=yes', safety: 'safe' as const, edits: [setInGeneral(ctx.doc, 'alwaysauthreject', 'yes')] };
    if (entry) {
      if (astTrue(entry.value)) return;
      ctx.report({
        span: entry.line.assign!.value,
        message: `alwaysauthreject is off${/^(no|false|n|f|0|off)$/i.test(entry.value) ? '' : ` ('${entry.value}' is not a word Asterisk reads as yes)`}: attackers can tell valid extensions from invalid ones and then brute-force only the valid ones.`,
        fixes: [fix],
      });
      return;
    }
    if (ctx.fragment || compareVersion(ctx.settings, 1, 8) >= 0) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'warning');
    ctx.report({
      span: anchor.span,
      severity: caveat.note ? caveat.severity : undefined,
      message: `alwaysauthreject is not set and defaults to no on Asterisk ${ctx.settings.asteriskVersion}${caveat.note}: attackers can enumerate your extensions.`,
      fixes: [fix],
      related: caveat.related,
    });
  },
};
