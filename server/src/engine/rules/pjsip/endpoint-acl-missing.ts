import type { Rule } from '../../rule';
import { all, last, pjsipModel, refs } from '../../asterisk/pjsip';
import { headerSpan, includeNote } from './util';

const ACL_KEYS = ['permit', 'deny', 'acl', 'contact_permit', 'contact_deny', 'contact_acl'];

export const rule: Rule = {
  id: 'pjsip-endpoint-acl-missing',
  title: 'Endpoint accepts registrations from any address',
  severity: 'info',
  fileKinds: ['pjsip'],
  description:
    'An endpoint whose AoR takes registrations (max_contacts > 0), with no permit/deny/acl on the endpoint and no type=acl section, can be registered from anywhere on the Internet: a guessed or leaked password is all an attacker needs. An ACL for the networks your phones use makes a stolen password useless elsewhere.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    // The wizard file cannot see pjsip.conf's type=acl sections; a fragment cannot see its siblings.
    if (model.wizardFile || ctx.fragment) return;
    const hasAcl = model.loads('acl') && model.byType('acl').some((o) => ACL_KEYS.some((k) => all(o.section, k).some((e) => e.value.trim() !== '')));
    if (hasAcl) return;
    const note = includeNote(model, 'defines a type=acl section');
    const where = !model.byType('acl').length
      ? 'and no type=acl section in this file'
      : !model.loads('acl')
        ? "and this file's type=acl sections are not loaded (duplicate names, see pjsip-duplicate-object)"
        : "and this file's type=acl sections hold no rules";
    for (const ep of model.byType('endpoint')) {
      if (ACL_KEYS.some((k) => all(ep.section, k).some((e) => e.value.trim() !== ''))) continue;
      const dynamic: string[] = [];
      for (const name of refs(ep.section, 'aors').names) {
        const aor = model.find('aor', name);
        const max = aor && Number.parseInt(last(aor.section, 'max_contacts')?.value ?? '0', 10);
        if (max && max > 0) dynamic.push(`'${name}'`);
      }
      if (!dynamic.length) continue;
      ctx.report({
        span: headerSpan(ep.section),
        message: `Endpoint '${ep.id}' accepts registrations (AoR ${dynamic.join(', ')}) from any address: no permit/deny/acl on it ${where}${note.note}. A guessed or leaked password works from anywhere; permit only the networks its phone uses.`,
        related: note.related,
      });
    }
  },
};
