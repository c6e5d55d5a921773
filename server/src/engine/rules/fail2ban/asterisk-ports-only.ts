import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { effective, entryIn, fileRole, insertInSection, interpolate, jailEnabled, replaceValue, sectionsNamed } from '../../host/fail2ban/model';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-asterisk-ports-only',
  title: 'A banned SIP scanner can still reach the other ports',
  severity: 'info',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'The stock [asterisk] jail blocks a banned address on 5060 and 5061 only (a *-multiport ban action). The same scanner can go on probing IAX2 (4569), AMI (5038), HTTP/ARI (8088/8089), the web GUI and SSH.',
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    if (!jailEnabled(doc, role, 'asterisk')) return;
    const section = sectionsNamed(doc, 'asterisk')[0];
    if (!section) return;
    if (entryIn(doc, 'asterisk', 'action') || entryIn(doc, 'asterisk', 'action_')) return; // a custom action
    const port = effective(doc, role, 'asterisk', 'port');
    const ports = (port ? interpolate(doc, role, 'asterisk', port.value) ?? port.value : '').split(/[\s,]+/).filter(Boolean);
    if (!ports.length || !ports.every((p) => p === '5060' || p === '5061' || p === 'sip' || p === 'sip-tls')) return;
    const ba = effective(doc, role, 'asterisk', 'banaction');
    const banaction = ba ? interpolate(doc, role, 'asterisk', ba.value) ?? ba.value : '';
    if (!/multiport/.test(banaction)) return;
    const title = 'Ban on all ports: banaction = %(banaction_allports)s';
    if (ba?.entry && ba.entry.section.name === 'asterisk') {
      ctx.report({
        span: ba.entry.first,
        message: `banaction ${ba.entry.value} blocks a banned SIP scanner on ${ports.join(',')} only: it can still probe IAX2, AMI, HTTP/ARI, the web GUI and SSH.`,
        fixes: [{ title, edits: [replaceValue(doc, ba.entry, '%(banaction_allports)s')], safety: 'offer' }],
      });
      return;
    }
    if (ctx.fragment || role === 'drop-in') return; // jail.local may change the action
    ctx.report({
      span: section.nameSpan,
      message: `The [asterisk] jail keeps port = ${ports.join(',')} with banaction ${banaction}: a banned scanner is blocked on the SIP ports only and can still probe IAX2 (4569), AMI (5038), HTTP/ARI (8088/8089), the web GUI and SSH.`,
      fixes: [{ title, edits: [insertInSection(doc, section, 'banaction', '%(banaction_allports)s')], safety: 'offer' }],
    });
  },
};
