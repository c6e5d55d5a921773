import type { Rule } from '../../rule';
import { endpointAuths, endpointContext, partial, pjsipModel, refList, wizardObjectValue, wizardTrue } from '../../asterisk/pjsip';
import { aclRestricts, globalAclRestricts, headerSpan, outboundLooking } from './util';

export const rule: Rule = {
  id: 'pjsip-anonymous-endpoint',
  title: "An endpoint named 'anonymous' accepts every unidentified request",
  severity: 'error',
  fileKinds: ['pjsip'],
  description:
    "res_pjsip_endpoint_identifier_anonymous maps every request that no other endpoint claims to the endpoint named exactly 'anonymous'. Without auth=, anyone on the Internet reaches its context without credentials: if that context can dial out, this is toll fraud.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    const restrictedAll = globalAclRestricts(model);
    const report = (span: { start: number; end: number }, what: string, context: string, restricted: boolean) => {
      const dangerous = outboundLooking(context);
      ctx.report({
        span,
        severity: dangerous && !restricted ? 'error' : 'warning',
        message: `${what}: every SIP request no other endpoint matches is accepted without authentication${restricted ? ' (from the addresses the ACL admits)' : ' from any address'} into context '${context}'. ${
          dangerous
            ? `'${context}' looks like a context that reaches phones or trunks: anonymous callers could dial out at your expense.`
            : `Make sure '${context}' only reaches inbound extensions and DIDs, or remove this endpoint.`
        }`,
      });
    };
    if (!model.wizardFile) {
      for (const ep of model.byType('endpoint')) {
        if (ep.id !== 'anonymous' || partial(ep.section)) continue;
        if (endpointAuths(ep.section).inbound.names.length) continue; // challenged like any other endpoint
        report(headerSpan(ep.section), "Endpoint 'anonymous' has no auth=", endpointContext(ep.section), restrictedAll || aclRestricts(ep.section, true));
      }
      return;
    }
    for (const wiz of model.wizards) {
      if (wiz.name !== 'anonymous' || partial(wiz)) continue;
      if (wizardTrue(wiz, 'accepts_auth') || refList(wizardObjectValue(wiz, 'endpoint/', 'auth')?.value).length) continue;
      const context = wizardObjectValue(wiz, 'endpoint/', 'context')?.value || 'default';
      const restricted = ['deny', 'acl'].some((k) => wizardObjectValue(wiz, 'endpoint/', k));
      report(headerSpan(wiz), "Wizard 'anonymous' creates the endpoint 'anonymous' without inbound authentication", context, restricted);
    }
  },
};
