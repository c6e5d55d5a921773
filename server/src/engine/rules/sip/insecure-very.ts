import type { Rule } from '../../rule';
import { lastValue } from '../../asterisk/parser';
import { sipPeers } from '../../asterisk/sip';
import { wordList } from '../../asterisk/values';
import { compareVersion } from '../../settings';

export const rule: Rule = {
  id: 'sip-insecure-very',
  title: 'Legacy insecure=very / insecure=yes',
  severity: 'warning',
  fileKinds: ['sip'],
  description:
    "In Asterisk 1.2/1.4 insecure=very meant port,invite (no authentication of calls) and insecure=yes meant port. Since 1.6 both are unknown words that set nothing: the intent was insecure, and the line does not do what its author thinks.",
  check(ctx) {
    const old = compareVersion(ctx.settings, 1, 6) < 0;
    for (const { section } of sipPeers(ctx.doc)) {
      const e = lastValue(section, 'insecure');
      if (!e) continue;
      const legacy = wordList(e.value).find((w) => w === 'very' || w === 'yes');
      if (!legacy) continue;
      ctx.report({
        span: e.line.assign!.value,
        severity: old && legacy === 'very' ? 'error' : undefined,
        message: old
          ? `insecure=${legacy} on '${section.name}' means ${legacy === 'very' ? 'port,invite: calls are not authenticated' : 'port: the source port is not checked'} on Asterisk ${ctx.settings.asteriskVersion}.`
          : `insecure=${legacy} on '${section.name}' is an unknown word since Asterisk 1.6 and sets nothing; write exactly what is needed (usually insecure=port, or nothing).`,
      });
    }
  },
};
