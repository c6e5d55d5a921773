import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { generalValue } from '../helpers';
import type { Entry } from '../../asterisk/parser';
import { findSection } from '../../asterisk/parser';

export const rule: Rule = {
  id: 'sip-srvlookup',
  title: 'Calls and transfers to any Internet SIP domain are possible',
  severity: 'info',
  fileKinds: ['sip'],
  description:
    'With srvlookup on, chan_sip resolves any SIP domain through DNS, and with allowexternaldomains on it accepts INVITE and REFER for domains this server does not serve. If the dialplan puts caller input into a SIP URI (Dial(SIP/${EXTEN}@...)), a caller can make the PBX call or transfer to any Internet host.',
  check(ctx) {
    // pbxlint checks one file at a time: the dialplan half of this risk is not visible here,
    // so the rule stays quiet on the defaults (they would flag every sip.conf) and speaks only
    // when the file itself shows that the admin meant to restrict domains and did not.
    const srv = generalValue(ctx, 'srvlookup');
    if (srv && !astTrue(srv.value)) return;
    const ext = generalValue(ctx, 'allowexternaldomains');
    const general = findSection(ctx.doc, 'general');
    const domains: Entry[] = (general ? general.added : ctx.fragment ? ctx.doc.preamble : []).filter((e) => e.lkey === 'domain' && e.value !== '');
    if (ext && !astTrue(ext.value)) {
      if (domains.length || ctx.fragment) return;
      // chan_sip: "To disallow external domains, you need to configure local SIP domains." and it turns the option back on.
      ctx.report({
        span: ext.line.assign!.value,
        message: `allowexternaldomains=${ext.value} has no effect without domain= lines: chan_sip logs a warning and keeps accepting INVITE and REFER for any domain. With srvlookup on, a dialplan that builds SIP URIs from caller input can still reach any Internet host. Add domain= lines for the domains this server serves.`,
      });
      return;
    }
    // In a fragment an absent allowexternaldomains may be set by the including file.
    if (!domains.length || (!ext && ctx.fragment)) return;
    ctx.report({
      span: ext ? ext.line.assign!.value : domains[0].line.assign!.key,
      message: `domain= lists the domains this server serves, but allowexternaldomains is ${ext ? 'on' : 'not set (default yes)'}: INVITE and REFER for any other domain are still accepted, and with srvlookup on chan_sip resolves them on the Internet. If no caller needs to reach foreign domains, set allowexternaldomains=no, and make sure the dialplan never puts caller input into a SIP URI.`,
    });
  },
};
