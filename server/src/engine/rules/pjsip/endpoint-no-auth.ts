import type { Fix, Rule } from '../../rule';
import {
  defaultIdentifyBy,
  endpointAuths,
  endpointContext,
  endpointIdentifyBy,
  identifyBy,
  last,
  partial,
  pjsipModel,
  refList,
  wizardCreatesIdentify,
  wizardObjectValue,
  wizardTrue,
  wizardValue,
  IdentifyBy,
} from '../../asterisk/pjsip';
import type { Settings } from '../../settings';
import { aclRestricts, globalAclRestricts, fromTemplate, headerSpan, ownLine, setOnObject } from './util';

/** identify_by without username (and auth_username, useless without auth), with ip. */
function ipOnly(ident: IdentifyBy): string {
  const keep = (ident.methods ?? []).filter((m) => m !== 'username' && m !== 'auth_username');
  if (!keep.includes('ip')) keep.unshift('ip');
  return keep.join(',');
}

function identifyNote(ident: IdentifyBy, settings: Settings): string {
  return ident.defaulted
    ? `identify_by is not set and defaults to '${defaultIdentifyBy(settings)}' on Asterisk ${settings.asteriskVersion}`
    : `identify_by includes username`;
}

export const rule: Rule = {
  id: 'pjsip-endpoint-no-auth',
  title: 'PJSIP endpoint accepts requests without authentication, identified by user name',
  severity: 'error',
  fileKinds: ['pjsip'],
  fix: 'offer',
  description:
    "An endpoint without auth= is never challenged. If it can be identified by username (identify_by's default), any request whose From user equals the endpoint name is accepted as that endpoint, from any address: an attacker places calls from its context without a password.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const globallyRestricted = globalAclRestricts(model);
    if (!model.wizardFile) {
      for (const ep of model.byType('endpoint')) {
        if (ep.id === 'anonymous' || partial(ep.section)) continue; // anonymous: pjsip-anonymous-endpoint explains that one
        const auths = endpointAuths(ep.section).inbound;
        if (auths.names.length) continue;
        const ident = endpointIdentifyBy(ep.section, ctx.settings);
        if (!ident.methods || !ident.methods.includes('username')) continue;
        const restricted = globallyRestricted || aclRestricts(ep.section, true);
        const context = endpointContext(ep.section);
        const fixes: Fix[] = [];
        const hasIdentify = model.byType('identify').some((o) => last(o.section, 'endpoint')?.value.trim() === ep.id);
        if (hasIdentify) {
          const value = ipOnly(ident);
          fixes.push({
            title: `Identify '${ep.id}' by source address only: identify_by=${value} (its type=identify section matches the provider)`,
            safety: 'offer',
            edits: [setOnObject(ctx.doc, ep.section, ident.entry, 'identify_by', value)],
          });
        }
        const noAuth = auths.entry ? `has an empty auth=${fromTemplate(auths.entry, ep.section)}` : 'has no auth=';
        ctx.report({
          span: headerSpan(ep.section),
          severity: restricted ? 'warning' : undefined,
          message: `Endpoint '${ep.id}' ${noAuth} and ${identifyNote(ident, ctx.settings)}: any request with From user '${ep.id}' is accepted without a password${restricted ? ' from the addresses the ACL admits' : ', from any address'}, into context '${context}'. ${hasIdentify ? 'For a trunk, identify it by IP only.' : 'Add auth= with a type=auth section, or (for a trunk) a type=identify section and identify_by=ip.'}`,
          fixes,
        });
      }
      return;
    }
    for (const wiz of model.wizards) {
      if (wiz.name === 'anonymous' || partial(wiz)) continue;
      const accepts = wizardValue(wiz, 'accepts_auth');
      if (wizardTrue(wiz, 'accepts_auth')) continue;
      if (refList(wizardObjectValue(wiz, 'endpoint/', 'auth')?.value).length) continue;
      const identEntry = wizardObjectValue(wiz, 'endpoint/', 'identify_by');
      const ident = identifyBy(identEntry?.value, identEntry, ctx.settings);
      if (!ident.methods || !ident.methods.includes('username')) continue;
      const context = wizardObjectValue(wiz, 'endpoint/', 'context')?.value || 'default';
      const restricted = ['deny', 'acl'].some((k) => wizardObjectValue(wiz, 'endpoint/', k));
      const fixes: Fix[] = [];
      if (wizardCreatesIdentify(wiz)) {
        const value = ipOnly(ident);
        fixes.push({
          title: `Identify '${wiz.name}' by its remote_hosts only: endpoint/identify_by=${value}`,
          safety: 'offer',
          edits: [setOnObject(ctx.doc, wiz, identEntry, 'endpoint/identify_by', value)],
        });
      }
      const registrations = wizardTrue(wiz, 'accepts_registrations');
      ctx.report({
        span: accepts && ownLine(accepts, wiz) ? accepts.line.assign!.value : headerSpan(wiz),
        severity: restricted && !registrations ? 'warning' : undefined,
        message: `Wizard '${wiz.name}' creates endpoint '${wiz.name}' without inbound authentication (accepts_auth is ${accepts ? 'off' : 'not set, default no'}) and ${identifyNote(ident, ctx.settings)}: any request with From user '${wiz.name}' is accepted without a password${restricted ? ' from the addresses its ACL admits' : ', from any address'}, into context '${context}'.${registrations ? ' It also accepts registrations, so anyone can register as it and take its calls.' : ''}`,
        fixes,
      });
    }
  },
};
