import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { astTrue } from '../../asterisk/values';
import { sipPeers } from '../../asterisk/sip';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'sip-allowtransfer',
  title: 'Call transfers allowed for every peer',
  severity: 'info',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    "Transfers (REFER) run in the transferring peer's context. With allowtransfer on (the default), a guest or hijacked leg can bounce a call to a paid destination. Turn it off globally and back on for the phones that need it.",
  check(ctx) {
    const entry = generalValue(ctx, 'allowtransfer');
    const guest = generalValue(ctx, 'allowguest');
    const guestsOn = guest ? astTrue(guest.value) : !ctx.fragment;
    const severity = guestsOn && !ctx.fragment ? 'warning' : undefined;
    const tail = guestsOn ? ' Guests are allowed too, so an unauthenticated caller can transfer out.' : '';
    const fix = { title: 'Set allowtransfer=no in [general] (re-enable per trusted phone with allowtransfer=yes)', safety: 'offer' as const, edits: [setInGeneral(ctx.doc, 'allowtransfer', 'no')] };
    if (entry) {
      // chan_sip reads it with ast_true: only a true word opens transfers.
      if (astTrue(entry.value)) ctx.report({ span: entry.line.assign!.value, severity, message: `allowtransfer is on for every peer: transfers run in the caller's context and can reach paid destinations.${tail}`, fixes: [fix] });
    } else if (!ctx.fragment) {
      const anchor = generalAnchor(ctx.doc);
      const caveat = includeCaveat(anchor.section, 'info');
      ctx.report({
        span: anchor.span,
        severity: caveat.note ? caveat.severity : severity,
        message: `allowtransfer is not set and defaults to yes for every peer${caveat.note}: transfers run in the caller's context and can reach paid destinations.${tail}`,
        fixes: [fix],
        related: caveat.related,
      });
    }
    // A peer that turns transfers on explicitly while guests are allowed.
    if (ctx.fragment) return;
    for (const { section } of sipPeers(ctx.doc)) {
      const e = lastValue(section, 'allowtransfer');
      if (!e || e.writtenIn?.name.toLowerCase() === 'general' || !astTrue(e.value) || !guestsOn) continue;
      ctx.report({
        span: e.line.assign!.value,
        message: `Peer '${section.name}' allows transfers while guests are allowed: an unauthenticated leg bridged to it can be transferred out.`,
        fixes: [{ title: 'Set allowtransfer=no for this peer', safety: 'offer', edits: [replaceValue(e, 'no')] }],
      });
    }
  },
};
