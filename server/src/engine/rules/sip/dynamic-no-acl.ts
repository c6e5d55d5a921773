import type { Rule } from '../../rule';
import { effective, lastValue } from '../../asterisk/parser';
import { isDynamic, sipPeers } from '../../asterisk/sip';
import { evaluateAcl, parseAcl, PROBE_V4 } from '../../acl';
import { hasUnknownBases } from './util';

/** True when the permit/deny lines (in the order chan_sip applies them) turn away an Internet address. */
function restricts(lines: ReturnType<typeof effective>, permit: string, deny: string): boolean {
  const entries = lines.filter((e) => e.lkey === permit || e.lkey === deny).map((e) => ({ ...e, lkey: e.lkey === permit ? 'permit' : 'deny' }));
  const acl = parseAcl(entries);
  return acl.rules.length > 0 && evaluateAcl(acl.rules, PROBE_V4) === 'deny';
}

export const rule: Rule = {
  id: 'sip-dynamic-no-acl',
  title: 'Dynamic SIP device accepted from any address',
  severity: 'warning',
  fileKinds: ['sip'],
  description:
    'A host=dynamic peer registers from wherever it is. Without deny=/permit= (or acl=) chan_sip accepts its REGISTER and calls from the whole Internet, so the secret is the only thing between a scanner and your account, and every attempt can be made from anywhere.',
  check(ctx) {
    for (const { section, type } of sipPeers(ctx.doc)) {
      if (!isDynamic(section) || hasUnknownBases(ctx, section)) continue;
      const lines = effective(section);
      // A named ACL (acl.conf) is not visible from here: trust that it restricts.
      if (lastValue(section, 'acl')?.value) continue;
      if (restricts(lines, 'permit', 'deny')) continue;
      const hasRules = lines.some((e) => e.lkey === 'permit' || e.lkey === 'deny');
      const contactLimited = !!lastValue(section, 'contactacl')?.value || restricts(lines, 'contactpermit', 'contactdeny');
      // contactdeny limits where it may register; a peer is then only matched from there, but a
      // friend or user is also matched by name, from anywhere.
      if (contactLimited && type === 'peer') continue;
      const what = type === 'peer' ? 'Dynamic peer' : type === 'friend' ? 'Dynamic friend' : 'Dynamic user';
      const tmpl = section.bases.find((b) => b.template);
      const where = tmpl ? ` (in template '${tmpl.name}' it covers every section that uses it)` : '';
      ctx.report({
        span: section.header.header!.name,
        severity: contactLimited ? 'info' : undefined,
        message: contactLimited
          ? `${what} '${section.name}' may only register from the addresses its contactpermit/contactdeny allow, but as a ${type} it is also matched by name, so calls and password guesses for it are accepted from anywhere: add deny=0.0.0.0/0.0.0.0 and permit=<its network>.`
          : `${what} '${section.name}' ${hasRules ? 'has permit/deny lines that still admit any Internet address' : 'has no deny=/permit= ACL'}: registrations, calls and password guesses for it are accepted from anywhere. Add deny=0.0.0.0/0.0.0.0 and then permit=<the network its device is on>${where} (and deny=::/0 if chan_sip listens on IPv6).`,
      });
    }
  },
};
