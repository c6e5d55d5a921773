import type { Rule } from '../../rule';

const SECURITY_KEYS = new Set(['allowguest', 'alwaysauthreject', 'allowtransfer', 'autocreatepeer', 'bindaddr', 'udpbindaddr', 'enabled', 'webenabled', 'tlsenable', 'delayreject', 'insecure', 'permit', 'deny']);

export const rule: Rule = {
  id: 'config-duplicate-general',
  title: 'A second [general] section is never read',
  severity: 'warning',
  fileKinds: ['sip', 'iax', 'manager', 'http', 'ari'],
  description:
    'Modules read [general] by name, and a look-up by name returns the first match only. Settings in a second [general] (or [General]) are ignored.',
  check(ctx) {
    if (ctx.fragment) return;
    const generals = ctx.doc.sections.filter((s) => !s.template && !s.append && s.name.toLowerCase() === 'general');
    for (const s of generals.slice(1)) {
      const ignored = s.own.filter((e) => SECURITY_KEYS.has(e.lkey)).map((e) => e.key);
      ctx.report({
        span: s.header.header!.name,
        severity: ignored.length ? 'error' : undefined,
        message: `Second [${s.name}] section: Asterisk reads only the first one (line ${generals[0].header.index + 1}), so ${ignored.length ? `${[...new Set(ignored)].join(', ')} here ${new Set(ignored).size === 1 ? 'does' : 'do'} not apply` : 'nothing here applies'}. Merge it into the first.`,
        related: [{ span: generals[0].header.header!.name, message: 'the [general] that Asterisk reads' }],
      });
    }
  },
};
