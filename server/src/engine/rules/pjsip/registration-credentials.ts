import type { Rule } from '../../rule';
import type { Section } from '../../asterisk/parser';
import { last, pjsipModel, refs, usesPassword, wizardObjectValue, wizardTrue, wizardValue } from '../../asterisk/pjsip';
import { valueSpan } from './util';

/** Over TLS the digest exchange is not visible on the wire. */
function sipsUri(uri: string | undefined): boolean {
  return !!uri && (/^\s*sips:/i.test(uri) || /;\s*transport=tls\b/i.test(uri));
}

function hostOfUri(uri: string | undefined): string | undefined {
  const m = uri && /^\s*<?sips?:(?:[^@>]*@)?([^;>:]+|\[[^\]]+\])/i.exec(uri);
  return m ? m[1] : undefined;
}

function hasCredential(section: Section, get: (k: string) => string | undefined, settings: Parameters<typeof usesPassword>[1]): boolean {
  return (!!get('password') && usesPassword(section, settings)) || !!get('password_digest') || !!get('md5_cred');
}

export const rule: Rule = {
  id: 'pjsip-registration-credentials',
  title: 'Password registration to a provider where IP authentication should be used',
  severity: 'info',
  fileKinds: ['pjsip'],
  description:
    'An outbound registration logs in to the provider with a username and password: the credential sits in this file, is used in every digest exchange, and whoever obtains it can register as you and call on your account. Most providers offer IP authentication for a PBX with a fixed address (a type=identify with match= for their servers): nothing to steal.',
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (!model.wizardFile) {
      for (const reg of model.byType('registration')) {
        const oa = refs(reg.section, 'outbound_auth');
        if (!oa.entry || !oa.names.length) continue;
        const auth = oa.names.map((n) => model.find('auth', n)).find((a) => a && hasCredential(a.section, (k) => last(a.section, k)?.value, ctx.settings));
        if (!auth) continue;
        const server = last(reg.section, 'server_uri')?.value;
        const transport = last(reg.section, 'transport')?.value.trim();
        const tobj = transport ? model.find('transport', transport) : undefined;
        const tls = sipsUri(server) || (!!tobj && (last(tobj.section, 'protocol')?.value ?? '').toLowerCase() === 'tls');
        if (tls) continue;
        const host = hostOfUri(server);
        ctx.report({
          span: valueSpan(oa.entry),
          message: `Registration '${reg.id}'${host ? ` to ${host}` : ''} logs in with the password of auth '${auth.id}' over a plain transport: it can be stolen from this file or its backups, and whoever has it can register as you and call on your account. Prefer IP authentication with the provider (type=identify with match= for its servers), or register over TLS.`,
        });
      }
      return;
    }
    for (const wiz of model.wizards) {
      if (!wizardTrue(wiz, 'sends_registrations') || !wizardTrue(wiz, 'sends_auth')) continue;
      const get = (k: string) => wizardObjectValue(wiz, 'outbound_auth/', k)?.value;
      const type = (get('auth_type') || 'userpass').toLowerCase();
      if (type === 'google_oauth' || !(get('password') || get('password_digest') || get('md5_cred'))) continue;
      if (sipsUri(wizardValue(wiz, 'server_uri_pattern')?.value)) continue;
      const hosts = wizardValue(wiz, 'remote_hosts')?.value;
      const sends = wizardValue(wiz, 'sends_registrations')!;
      ctx.report({
        span: valueSpan(sends),
        message: `Wizard '${wiz.name}' registers${hosts ? ` to ${hosts}` : ''} with outbound_auth/password: the credential can be stolen from this file or its backups, and whoever has it can register as you and call on your account. Prefer IP authentication with the provider (sends_registrations=no, sends_auth=no, and remote_hosts for IP matching), or register over TLS.`,
      });
    }
  },
};
