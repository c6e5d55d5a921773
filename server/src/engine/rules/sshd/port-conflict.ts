import type { Rule } from '../../rule';
import type { SshdDocument } from '../../host/sshd/parser';
import { listenPorts } from './ports';

const SERVICES: Record<number, string> = {
  21: 'FTP',
  69: 'TFTP (phone provisioning)',
  80: 'HTTP (the FreePBX/web GUI)',
  443: 'HTTPS (the FreePBX/web GUI)',
  3306: 'MySQL/MariaDB',
  4569: 'IAX2',
  5038: 'the Asterisk Manager Interface (AMI)',
  5060: 'SIP',
  5061: 'SIP over TLS',
  8088: "Asterisk's HTTP server (ARI/WebSocket)",
  8089: "Asterisk's HTTPS server (ARI/WebSocket)",
};

function service(port: number): string | undefined {
  if (SERVICES[port]) return SERVICES[port];
  if (port >= 10000 && port <= 20000) return "Asterisk's RTP media range (10000-20000 by default)";
  return undefined;
}

export const rule: Rule<SshdDocument> = {
  id: 'sshd-port-conflict',
  title: 'SSH moved to a port that belongs to another PBX service',
  severity: 'warning',
  fileKinds: ['sshd'],
  fix: 'offer',
  description:
    'Old hardening advice says to move SSH to another port, with 21 as the example; 21 is FTP. On a PBX such a port collides with (or masquerades as) FTP, TFTP provisioning, SIP, AMI, the web GUI or RTP: one of the services fails to start, and firewall and fail2ban rules written for `port = ssh` stop protecting SSH.',
  check(ctx) {
    for (const p of listenPorts(ctx.doc)) {
      const svc = service(p.port);
      if (!svc) continue;
      const seed = p.port === 21 ? ' (the old advice to move SSH to port 21 is wrong: 21 is FTP)' : '';
      ctx.report({
        span: p.span,
        message: `SSH on port ${p.port}, which is ${svc}'s${seed}: the two services collide (one of them cannot bind, or scanners and users reach the wrong one), and firewall and fail2ban rules written for the ssh port stop matching. Moving SSH is not a security control anyway: keep 22, or pick an unused port, and restrict it by source address.`,
        fixes: [{ title: `Use port 2222 instead (update the firewall and the fail2ban sshd jail's port first, or you lose access)`, edits: [{ start: p.span.start, end: p.span.end, newText: '2222' }], safety: 'offer' }],
      });
    }
  },
};
