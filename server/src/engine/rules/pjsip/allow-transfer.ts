import type { Rule } from '../../rule';
import type { Entry, Section } from '../../asterisk/parser';
import { astTrue } from '../../asterisk/values';
import { endpointAuths, endpointContext, last, partial, pjsipModel, refList, wizardObjectValue, wizardTrue } from '../../asterisk/pjsip';
import { groupByEntry, headerSpan, nameOf, setOnObject, valueSpan } from './util';

interface Item {
  section: Section;
  entry?: Entry;
  owner: string;
  key: string;
  context: string;
}

export const rule: Rule = {
  id: 'pjsip-allow-transfer',
  title: 'Transfers allowed on an endpoint that does not authenticate',
  severity: 'info',
  fileKinds: ['pjsip'],
  fix: 'offer',
  description:
    "allow_transfer defaults to yes. A REFER from an endpoint that is not authenticated (a trunk identified by address, the anonymous endpoint) transfers the call in that endpoint's context: a spoofed or hijacked leg can bounce your call to a paid destination. Phones that log in need transfers; trunks rarely do.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const items: Item[] = [];
    if (!model.wizardFile) {
      for (const ep of model.byType('endpoint')) {
        if (partial(ep.section) || endpointAuths(ep.section).inbound.names.length) continue;
        const e = last(ep.section, 'allow_transfer');
        if (e && !astTrue(e.value)) continue;
        items.push({ section: ep.section, entry: e, owner: `endpoint '${ep.id}'`, key: 'allow_transfer', context: endpointContext(ep.section) });
      }
    } else {
      for (const wiz of model.wizards) {
        if (partial(wiz) || wizardTrue(wiz, 'accepts_auth') || refList(wizardObjectValue(wiz, 'endpoint/', 'auth')?.value).length) continue;
        const e = wizardObjectValue(wiz, 'endpoint/', 'allow_transfer');
        if (e && !astTrue(e.value)) continue;
        const context = wizardObjectValue(wiz, 'endpoint/', 'context')?.value || 'default';
        items.push({ section: wiz, entry: e, owner: `wizard '${wiz.name}'`, key: 'endpoint/allow_transfer', context });
      }
    }
    const fixFor = (group: Item[]) => ({
      title: `Set ${group[0].key}=no on ${nameOf(group.map((g) => g.owner))}`,
      safety: 'offer' as const,
      edits: group.map((g) => setOnObject(ctx.doc, g.section, g.entry, g.key, 'no')),
    });
    for (const it of items.filter((i) => !i.entry)) {
      ctx.report({
        span: headerSpan(it.section),
        message: `${it.owner.charAt(0).toUpperCase()}${it.owner.slice(1)} does not authenticate and ${it.key} is not set (default yes): a REFER on its calls is carried out in context '${it.context}', so a spoofed or hijacked leg can transfer calls to paid destinations.`,
        fixes: [fixFor([it])],
      });
    }
    for (const [entry, group] of groupByEntry(items.filter((i): i is Item & { entry: Entry } => !!i.entry))) {
      ctx.report({
        span: valueSpan(entry),
        message: `${entry.key} is on for ${nameOf(group.map((g) => g.owner))}, which ${group.length > 1 ? 'do not authenticate: a REFER on their calls is carried out in their context' : `does not authenticate: a REFER on its calls is carried out in context '${group[0].context}'`}, so a spoofed or hijacked leg can transfer calls to paid destinations.`,
        fixes: [fixFor(group)],
      });
    }
  },
};
