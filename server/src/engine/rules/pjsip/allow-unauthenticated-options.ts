import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { replaceValue } from '../../asterisk/edits';
import { astTrue } from '../../asterisk/values';
import { endpointAuths, last, pjsipModel, refList, wizardObjectValue, wizardTrue } from '../../asterisk/pjsip';
import { groupByEntry, nameOf, valueSpan } from './util';

export const rule: Rule = {
  id: 'pjsip-allow-unauthenticated-options',
  title: 'Endpoint answers OPTIONS without authentication',
  severity: 'info',
  fileKinds: ['pjsip'],
  fix: 'offer',
  description:
    'With allow_unauthenticated_options=yes an OPTIONS request for the endpoint is answered 200 without a challenge, so a scanner can tell which endpoint names exist (and see their capabilities) before it brute-forces their passwords.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const items: { entry: Entry; owner: string }[] = [];
    if (!model.wizardFile) {
      for (const ep of model.byType('endpoint')) {
        // Without auth= nothing is challenged anyway (pjsip-endpoint-no-auth covers that).
        if (!endpointAuths(ep.section).inbound.names.length) continue;
        const e = last(ep.section, 'allow_unauthenticated_options');
        if (e && astTrue(e.value)) items.push({ entry: e, owner: `endpoint '${ep.id}'` });
      }
    } else {
      for (const wiz of model.wizards) {
        if (!wizardTrue(wiz, 'accepts_auth') && !refList(wizardObjectValue(wiz, 'endpoint/', 'auth')?.value).length) continue;
        const e = wizardObjectValue(wiz, 'endpoint/', 'allow_unauthenticated_options');
        if (e && astTrue(e.value)) items.push({ entry: e, owner: `wizard '${wiz.name}'` });
      }
    }
    for (const [entry, group] of groupByEntry(items)) {
      const owners = group.map((g) => g.owner);
      ctx.report({
        span: valueSpan(entry),
        message: `allow_unauthenticated_options is on for ${nameOf(owners)}: OPTIONS requests are answered without a challenge, so scanners learn which endpoint names exist before brute-forcing them.`,
        fixes: [{ title: 'Set allow_unauthenticated_options=no (OPTIONS pings must then authenticate)', safety: 'offer', edits: [replaceValue(entry, 'no')] }],
      });
    }
  },
};
