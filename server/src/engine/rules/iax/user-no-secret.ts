import type { Rule } from '../../rule';
import { allValues } from '../../asterisk/parser';
import { hasUnseenBase, iaxUsers, userContexts, userHasCredentials } from '../../asterisk/iax';
import { evaluateAcl, parseAcl, PROBE_V4 } from '../../acl';
import { includeCaveat, nameList } from '../helpers';

export const rule: Rule = {
  id: 'iax-user-no-secret',
  title: 'IAX2 user accepts calls without authentication',
  severity: 'warning',
  fileKinds: ['iax'],
  description:
    "An IAX2 user (type=user or friend) without secret, dbsecret or inkeys is accepted without authentication: chan_iax2's check_access picks it for calls that name it and for calls that give no username at all. Whatever its contexts can dial, anyone on the Internet can dial.",
  check(ctx) {
    for (const { section, type } of iaxUsers(ctx.doc)) {
      if (userHasCredentials(section)) continue;
      // In an included fragment the including file's template may hold the secret.
      if (hasUnseenBase(section)) continue;
      const ctxs = userContexts(section);
      const acl = parseAcl(allValues(section, 'permit').concat(allValues(section, 'deny')).sort((a, b) => a.line.start - b.line.start));
      const restricted = acl.rules.length > 0 && evaluateAcl(acl.rules, PROBE_V4) === 'deny';
      const named = allValues(section, 'acl').filter((e) => e.value !== '');
      const what = type === 'friend' ? 'Friend' : 'User';
      const contexts =
        ctxs.entries.length === 0
          ? "context 'default' (no context= line)"
          : ctxs.names.length === 1
            ? `context '${ctxs.names[0]}'`
            : `contexts ${nameList(ctxs.names, 5)} (the caller picks one; '${ctxs.names[0]}' is the default)`;
      const from = restricted
        ? ' from the addresses its permit/deny ACL allows'
        : named.length
          ? ` from any address its named ACL ${nameList(named.map((e) => e.value))} allows (acl.conf is not checked here)`
          : ' from any address';
      const caveat = includeCaveat(section, restricted ? 'info' : 'warning');
      if (ctxs.wildcard) {
        ctx.report({
          span: ctxs.wildcard.line.assign!.value,
          severity: caveat.note || restricted ? 'warning' : 'error',
          message: `${what} '${section.name}' has no secret, dbsecret or inkeys and context=*${caveat.note}: anyone${from} can call in without a password and ask for ANY dialplan context, including the ones your phones use to dial out. That is toll fraud.`,
          related: caveat.related,
        });
        continue;
      }
      const severity = caveat.note ? caveat.severity : restricted ? 'info' : 'warning';
      ctx.report({
        span: section.header.header!.name,
        severity,
        message: `${what} '${section.name}' has no secret, dbsecret or inkeys${caveat.note}: chan_iax2 accepts calls that name it, and calls that give no username at all, without a password${from}, into ${contexts}. If that dialplan can reach a trunk, this is toll fraud; pbxlint checks one file at a time and cannot see extensions.conf here, so make sure these contexts reach only inbound extensions, or add a secret.`,
        related: caveat.related,
      });
    }
  },
};
