import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { setInGeneral } from '../../asterisk/edits';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'sip-allowguest',
  title: 'Unauthenticated SIP calls are accepted',
  severity: 'error',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'With allowguest on (the default in every chan_sip version), an INVITE that matches no peer is accepted without authentication into the [general] context. If that context can reach a trunk, anyone on the Internet can call out at your expense.',
  check(ctx) {
    const entry = generalValue(ctx, 'allowguest');
    const context = generalValue(ctx, 'context')?.value || 'default';
    const fix = { title: 'Set allowguest=no (anonymous SIP calls and unlisted providers are then rejected)', safety: 'offer' as const, edits: [setInGeneral(ctx.doc, 'allowguest', 'no')] };
    const why = `unauthenticated calls from anyone are accepted into context '${context}'; if it can dial out, that is toll fraud.`;
    if (entry) {
      if (!astTrue(entry.value)) return;
      ctx.report({ span: entry.line.assign!.value, message: `allowguest is on: ${why}`, fixes: [fix] });
      return;
    }
    if (ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'error');
    ctx.report({
      span: anchor.span,
      severity: caveat.note ? caveat.severity : undefined,
      message: `allowguest is not set, and it defaults to yes${caveat.note}: ${why}`,
      fixes: [fix],
      related: caveat.related,
    });
  },
};
