import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { absentNote, absentSpan } from '../../host/sshd/model';
import { hasListenPorts, listenPorts } from './ports';

const NOTE = 'moving SSH off 22 only reduces log noise, it is not a control: restrict the SSH port to your management addresses in the firewall, and rely on keys, lockout and fail2ban.';

export const rule: Rule<SshdDocument> = {
  id: 'sshd-default-port',
  title: 'SSH on port 22 (a note, not a weakness)',
  severity: 'info',
  fileKinds: ['sshd'],
  description:
    'A note for admins following old advice: SSH on port 22 is found by every scanner, but so is SSH on any other port within minutes. What protects it is a firewall limited to management addresses, keys, account lockout and fail2ban, not the port number.',
  check(ctx) {
    const { doc } = ctx;
    const ports = listenPorts(doc);
    const p22 = ports.find((p) => p.port === 22);
    if (p22) {
      ctx.report({ span: p22.span, message: `SSH listens on port 22: ${NOTE}` });
      return;
    }
    if (ports.length || hasListenPorts(doc) || ctx.fragment || doc.global.some((d) => d.key === 'port')) return;
    ctx.report({ span: absentSpan(doc), message: `Port is not set${absentNote(doc)}, so SSH listens on port 22: ${NOTE}` });
  },
};
