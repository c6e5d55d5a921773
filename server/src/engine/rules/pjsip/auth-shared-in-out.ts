import type { RelatedInfo, Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { pjsipModel, refs } from '../../asterisk/pjsip';
import { headerSpan, nameOf, valueSpan } from './util';

interface Ref {
  entry: Entry;
  owner: string;
}

export const rule: Rule = {
  id: 'pjsip-auth-shared-in-out',
  title: 'One auth section used for inbound and outbound authentication',
  severity: 'warning',
  fileKinds: ['pjsip'],
  description:
    "When the same type=auth is both an endpoint's auth= (callers log in with it) and an outbound_auth= (you log in to a provider with it), the provider credential is also a login to your PBX: whoever learns one side, from the provider portal or a leaked config, gets the other. The sample says it is not recommended.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return; // the wizard always creates separate -iauth and -oauth objects
    const inbound = new Map<string, Ref[]>();
    const outbound = new Map<string, Ref[]>();
    const add = (map: Map<string, Ref[]>, name: string, ref: Ref) => map.set(name, [...(map.get(name) ?? []), ref]);
    for (const o of model.objects) {
      if (o.type === 'endpoint') {
        const a = refs(o.section, 'auth');
        for (const n of a.names) add(inbound, n, { entry: a.entry!, owner: `endpoint '${o.id}'` });
      }
      if (o.type === 'endpoint' || o.type === 'registration' || o.type === 'outbound-publish') {
        const a = refs(o.section, 'outbound_auth');
        for (const n of a.names) add(outbound, n, { entry: a.entry!, owner: `${o.type} '${o.id}'` });
      }
    }
    for (const [name, ins] of inbound) {
      const outs = outbound.get(name);
      if (!outs) continue;
      const auth = model.find('auth', name);
      const related: RelatedInfo[] = [
        ...ins.map((r) => ({ span: valueSpan(r.entry), message: `inbound: ${r.owner} challenges callers with it` })),
        ...outs.map((r) => ({ span: valueSpan(r.entry), message: `outbound: ${r.owner} logs in to the far end with it` })),
      ];
      ctx.report({
        span: auth ? headerSpan(auth.section) : valueSpan(ins[0].entry),
        message: `Auth '${name}' is used to authenticate callers (${nameOf(ins.map((r) => r.owner))}) and to log in to the far end (${nameOf(outs.map((r) => r.owner))}): the provider credential is also a login to this PBX. Use two auth sections with different passwords.`,
        related,
      });
    }
  },
};
