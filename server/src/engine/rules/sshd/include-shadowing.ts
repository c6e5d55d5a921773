import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { canonical, HARDENING } from '../../host/sshd/keywords';
import { includeNames } from '../../host/sshd/model';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-include-shadowing',
  title: 'Setting after an Include: a drop-in file can override it',
  severity: 'info',
  fileKinds: ['sshd'],
  description:
    'sshd keeps the first value it reads, and an Include is read where it stands: a hardening line placed after `Include /etc/ssh/sshd_config.d/*.conf` loses to any drop-in that sets the same keyword (cloud-init images commonly drop in `PasswordAuthentication yes`).',
  check(ctx) {
    const { doc } = ctx;
    const first = doc.global.find((d) => d.key === 'include');
    if (!first) return;
    const seen = new Set<string>();
    for (const d of doc.global) {
      const key = canonical(d.key);
      if (d.keyword.start < first.keyword.start) {
        seen.add(key);
        continue;
      }
      if (seen.has(key) || !HARDENING.has(key) || !d.args.length) continue;
      seen.add(key);
      const incs = doc.global.filter((i) => i.key === 'include' && i.keyword.start < d.keyword.start);
      ctx.report({
        span: d.keyword,
        message: `${d.keyword.text} comes after \`Include ${includeNames(incs)}\` (line ${first.line + 1}): sshd keeps the first value it reads, so a drop-in that sets ${d.keyword.text} overrides this line (cloud-init drop-ins commonly set PasswordAuthentication yes). Put hardening in /etc/ssh/sshd_config.d/00-hardening.conf, or above the Include.`,
      });
    }
  },
};
