import type { Fix, Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { asteriskLogs, entryIn, fileRole, insertInSection, jailEnabled, listItems, sectionsNamed } from '../../host/fail2ban/model';

const STOCK = '/var/log/asterisk/messages';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-asterisk-logpath',
  title: "The [asterisk] jail reads a log file Asterisk may not write",
  severity: 'error',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    "With a file-based backend, fail2ban refuses to start every jail (sshd included) when one jail's logpath matches no file; and a jail that reads the wrong file never sees a failed SIP registration. jail.conf's [asterisk] reads /var/log/asterisk/messages, while Asterisk 19+ samples write messages.log and FreePBX writes full.",
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    if (role === 'conf' || !jailEnabled(doc, role, 'asterisk')) return;
    const logs = asteriskLogs(ctx);
    const explicit = entryIn(doc, 'asterisk', 'logpath');
    if (explicit) {
      // An explicit choice is respected, except the pre-19 name on a 19+ box.
      if (!logs.modern) return;
      for (const item of listItems(explicit)) {
        if (item.text !== STOCK) continue;
        ctx.report({
          span: item.span,
          severity: 'warning',
          message: `Asterisk ${logs.version}'s sample logger.conf writes /var/log/asterisk/messages.log, not ${STOCK} (the name before Asterisk 19). If no logger.conf channel writes this file, fail2ban refuses to start every jail ("Have not found any log file for asterisk jail").`,
          fixes: [{ title: 'Read /var/log/asterisk/messages.log', edits: [{ start: item.span.start, end: item.span.end, newText: '/var/log/asterisk/messages.log' }], safety: 'offer' }],
        });
      }
      return;
    }
    if (ctx.fragment || role === 'drop-in') return; // jail.local may set logpath
    const section = sectionsNamed(doc, 'asterisk')[0];
    const viaDefault = entryIn(doc, 'DEFAULT', 'enabled');
    const span = section ? section.nameSpan : viaDefault ? (viaDefault.first.text ? viaDefault.first : viaDefault.key) : undefined;
    if (!span) return;
    const fixes: Fix[] = !section ? [] : [logs.messages, '/var/log/asterisk/full'].map((p) => ({
      title: `Set logpath = ${p}${p.endsWith('full') ? ' (FreePBX)' : ` (Asterisk ${logs.modern ? '19+' : '13–18'} sample logger.conf)`}`,
      edits: [insertInSection(doc, section, 'logpath', p)],
      safety: 'offer',
    }));
    ctx.report({
      span,
      severity: logs.modern ? 'error' : 'warning',
      message: (section ? '' : '`enabled = true` in [DEFAULT] turns on every stock jail, [asterisk] included. ') + (logs.modern
        ? `The [asterisk] jail inherits jail.conf's logpath ${STOCK}, but Asterisk ${logs.version}'s sample logger.conf writes messages.log (FreePBX writes full): with no such file fail2ban refuses to start every jail ("Have not found any log file for asterisk jail"). Set logpath to the file your logger.conf writes, with a channel that includes the security level.`
        : `The [asterisk] jail inherits jail.conf's logpath ${STOCK}: that is what the logger.conf sample of Asterisk 13–18 writes, but Asterisk 19+ writes messages.log and FreePBX writes full. If the file does not exist, fail2ban refuses to start every jail ("Have not found any log file for asterisk jail"). Set logpath explicitly to the file your logger.conf writes.`),
      fixes,
    });
  },
};
