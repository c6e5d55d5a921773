import type { Rule } from '../../rule';
import { pjsipModel, SINGLE_OBJECT_TYPES, PjsipObject } from '../../asterisk/pjsip';
import { headerSpan, nameOf } from './util';

const PLURAL: Record<string, string> = { identify: 'identify objects', 'outbound-publish': 'outbound-publish objects' };

function plural(type: string): string {
  return PLURAL[type] ?? `${type} objects`;
}

export const rule: Rule = {
  id: 'pjsip-duplicate-object',
  title: 'Two PJSIP objects of one type with the same name',
  severity: 'error',
  fileKinds: ['pjsip'],
  description:
    'res_sorcery_config refuses to load a type when the file holds two objects of that type with the same (case-sensitive) name: "configuration contains a duplicate object". None of that type\'s objects from the file are loaded; on reload the old ones stay, so new passwords and ACLs silently never take effect.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return;
    const seen = new Map<string, PjsipObject>();
    const single = new Map<string, PjsipObject>();
    for (const o of model.objects) {
      const key = `${o.type}\0${o.id}`;
      const first = seen.get(key);
      if (first) {
        ctx.report({
          span: headerSpan(o.section),
          message: `A second ${o.type} named '${o.id}' (the first is on line ${first.section.header.index + 1}): Asterisk rejects every ${o.type} object of this file ("configuration contains a duplicate object"), so ${plural(o.type)} keep their previous configuration, or do not exist after a restart. Merge the two sections or rename one.`,
          related: [{ span: headerSpan(first.section), message: `first ${o.type} '${o.id}'` }],
        });
        continue;
      }
      seen.set(key, o);
      // global and system are single objects (13.23+, 15.6+, 16+): a second one, whatever its name, fails the load.
      if (model.explicitNames && SINGLE_OBJECT_TYPES.includes(o.type)) {
        const one = single.get(o.type);
        if (one) {
          ctx.report({
            span: headerSpan(o.section),
            message: `A second ${o.type} object ('${o.id}'; the first is '${one.id}' on line ${one.section.header.index + 1}): Asterisk ${ctx.settings.asteriskVersion} loads ${o.type} only when the file has exactly one ("more than one object of type '${o.type}'"), so none of ${nameOf([`'${one.id}'`, `'${o.id}'`])} apply. Merge them into one [${o.type}] section.`,
            related: [{ span: headerSpan(one.section), message: `first ${o.type} object` }],
          });
        } else single.set(o.type, o);
      }
    }
  },
};
