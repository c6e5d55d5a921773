import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { boolValue, replaceValue, sectionLabel } from '../../host/fail2ban/model';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-ignoreself-false',
  title: 'fail2ban may ban the server\'s own addresses',
  severity: 'info',
  fileKinds: ['fail2ban'],
  fix: 'safe',
  description:
    'With ignoreself off, a failure logged with the server\'s own address (a local AMI or web client, FreePBX talking to Asterisk, a forged log line) bans the box itself and cuts its own services off.',
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.entries) {
      if (e.name !== 'ignoreself' || boolValue(e.value) !== false) continue;
      ctx.report({
        span: e.first,
        message: `ignoreself ${e.value}${e.section.name === 'DEFAULT' ? '' : ` in ${sectionLabel(e.section.name)}`}: fail2ban can ban the server's own addresses, so a failure from a local client (FreePBX, AMI/ARI tools) or a forged log line locks the box out of its own services.`,
        fixes: [{ title: 'Set ignoreself = true', edits: [replaceValue(doc, e, 'true')], safety: 'safe' }],
      });
    }
  },
};
