import type { Rule } from '../../rule';
import { allValues, lastValue } from '../../asterisk/parser';
import { sipPeers } from '../../asterisk/sip';
import { setInSection } from '../../asterisk/edits';
import { generateSecret } from '../../secrets';
import { parseAcl, evaluateAcl, PROBE_V4 } from '../../acl';

export const rule: Rule = {
  id: 'sip-peer-no-secret',
  title: 'SIP device accepted without a password',
  severity: 'error',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    "chan_sip's check_auth accepts a user, friend or dynamic peer without a secret or md5secret at once: anyone who sends its name can register as it and call from its context.",
  check(ctx) {
    for (const { section, type } of sipPeers(ctx.doc)) {
      const host = lastValue(section, 'host')?.value.toLowerCase();
      if (type === 'peer' && host !== 'dynamic') continue;
      if (lastValue(section, 'secret')?.value || lastValue(section, 'md5secret')?.value) continue;
      const acl = parseAcl(allValues(section, 'permit').concat(allValues(section, 'deny')).sort((a, b) => a.line.start - b.line.start));
      const restricted = acl.rules.length > 0 && evaluateAcl(acl.rules, PROBE_V4) === 'deny';
      ctx.report({
        span: section.header.header!.name,
        severity: restricted ? 'warning' : 'error',
        message: `${type === 'peer' ? 'Dynamic peer' : type === 'user' ? 'User' : 'Friend'} '${section.name}' has no secret: anyone who claims this name is accepted${restricted ? ' from the addresses its ACL permits' : ' from anywhere'} and can call from its context.`,
        fixes: [
          {
            title: 'Add a generated 24-character secret (then configure the device with it)',
            safety: 'offer',
            edits: [setInSection(ctx.doc, section, 'secret', generateSecret(24))],
          },
        ],
      });
    }
  },
};
