import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { iaxObjects, peerSecret, userHasCredentials } from '../../asterisk/iax';
import { lastValue } from '../../asterisk/parser';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'iax-delayreject',
  title: 'Failed IAX2 authentication is rejected at once',
  severity: 'warning',
  fileKinds: ['iax'],
  fix: 'safe',
  description:
    'Without delayreject, chan_iax2 answers a wrong password immediately, so a brute-force tool can try passwords as fast as the network allows. delayreject=yes holds each reject back (it defaults to no), which slows password guessing against every IAX2 user and peer.',
  check(ctx) {
    const entry = generalValue(ctx, 'delayreject');
    // An explicit line is replaced where it is (in an included fragment there may be no [general] header).
    const fix = { title: 'Set delayreject=yes', safety: 'safe' as const, edits: [entry ? replaceValue(entry, 'yes') : setInGeneral(ctx.doc, 'delayreject', 'yes')] };
    // Something to guess: a user with credentials, or a dynamic peer that registers with a secret.
    const guessable = iaxObjects(ctx.doc).some(
      (o) => (o.user && userHasCredentials(o.section)) || (o.peer && lastValue(o.section, 'host')?.value.toLowerCase() === 'dynamic' && (peerSecret(o.section) || lastValue(o.section, 'dbsecret')?.value)),
    );
    const why = guessable
      ? 'a wrong password is rejected at once, so password guessing against your IAX2 accounts runs at full speed.'
      : 'a wrong password would be rejected at once (no account in this file has a password yet, so this matters as soon as one does).';
    if (entry) {
      if (astTrue(entry.value)) return;
      ctx.report({
        span: entry.line.assign!.value,
        severity: guessable ? undefined : 'info',
        message: `delayreject is off${/^(no|false|n|f|0|off)$/i.test(entry.value) ? '' : ` ('${entry.value}' is not a word Asterisk reads as yes)`}: ${why}`,
        fixes: [fix],
      });
      return;
    }
    if (ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, guessable ? 'warning' : 'info');
    ctx.report({
      span: anchor.span,
      severity: caveat.note ? caveat.severity : guessable ? undefined : 'info',
      message: `delayreject is not set and defaults to no${caveat.note}: ${why}`,
      fixes: [fix],
      related: caveat.related,
    });
  },
};
