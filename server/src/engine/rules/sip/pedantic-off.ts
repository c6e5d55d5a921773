import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { compareVersion } from '../../settings';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'sip-pedantic-off',
  title: 'Strict SIP checking (pedantic) is off',
  severity: 'info',
  fileKinds: ['sip'],
  fix: 'safe',
  description:
    'With pedantic off, chan_sip matches dialogs without checking the From/To tags and accepts sloppy headers, which makes it easier to inject requests into existing calls. It defaults to on since Asterisk 1.8.',
  check(ctx) {
    const modern = compareVersion(ctx.settings, 1, 8) >= 0;
    const e = generalValue(ctx, 'pedantic');
    // Since 1.8 pedantic=yes is the default that nearly every system runs: writing it back is safe.
    const safety = modern ? ('safe' as const) : ('offer' as const);
    const why = 'dialogs are matched without checking their tags and malformed headers are accepted, which helps an attacker inject requests into calls.';
    if (e) {
      if (astTrue(e.value)) return;
      ctx.report({
        span: e.line.assign!.value,
        message: `pedantic is off${/^(no|false|n|f|0|off)$/i.test(e.value) ? '' : ` ('${e.value}' is not a yes-word, so chan_sip reads it as no)`}: ${why}${modern ? ' It is on by default since Asterisk 1.8.' : ''}`,
        fixes: [{ title: 'Set pedantic=yes', safety, edits: [replaceValue(e, 'yes')] }],
      });
      return;
    }
    if (modern || ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    ctx.report({
      span: anchor.span,
      message: `pedantic is not set and defaults to no on Asterisk ${ctx.settings.asteriskVersion}${caveat.note}: ${why}`,
      fixes: [{ title: 'Set pedantic=yes', safety, edits: [setInGeneral(ctx.doc, 'pedantic', 'yes')] }],
      related: caveat.related,
    });
  },
};
