import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { anchorFor, appendLines, asteriskLogs, boolValue, entryIn, fileRole, insertInSection, interpolate, jailEnabled, replaceValue, sectionsNamed } from '../../host/fail2ban/model';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-asterisk-jail-disabled',
  title: 'No enabled [asterisk] jail',
  severity: 'warning',
  fileKinds: ['fail2ban'],
  fix: 'offer',
  description:
    'SIP scanners (friendly-scanner, sipvicious, SIPVicious clones) start guessing extension passwords within minutes of a PBX appearing on the Internet; without an enabled [asterisk] jail fail2ban watches the Asterisk log but bans nobody.',
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    const logs = asteriskLogs(ctx);
    const enabledEntry = entryIn(doc, 'asterisk', 'enabled');
    if (enabledEntry) {
      if (jailEnabled(doc, role, 'asterisk')) return;
      const raw = interpolate(doc, role, 'asterisk', enabledEntry.value);
      const unreadable = boolValue(raw) === undefined;
      ctx.report({
        span: enabledEntry.first.text ? enabledEntry.first : enabledEntry.key,
        message: unreadable
          ? `fail2ban cannot read this value as a boolean (true/false, yes/no, on/off, 1/0), so the [asterisk] jail stays off (it logs "Wrong value for 'enabled'" and uses the default, false): nothing is banned for SIP password guessing.`
          : 'The [asterisk] jail is switched off here: SIP scanners can guess extension passwords without ever being banned.',
        fixes: [{ title: 'Enable the [asterisk] jail (check that its logpath exists first, or fail2ban refuses to start)', edits: [replaceValue(doc, enabledEntry, 'true')], safety: 'offer' }],
      });
      return;
    }
    if (jailEnabled(doc, role, 'asterisk')) return; // `enabled = true` in this file's [DEFAULT]
    if (ctx.fragment || role === 'drop-in') return; // jail.local or another drop-in may enable it
    const section = sectionsNamed(doc, 'asterisk')[0];
    if (role === 'conf') {
      ctx.report({
        span: anchorFor(doc, 'asterisk', 'DEFAULT'),
        severity: 'info',
        message:
          'The stock jail.conf leaves the [asterisk] jail off ([DEFAULT] enabled = false). pbxlint sees only this file: unless jail.local or a jail.d/*.local file sets `enabled = true` under [asterisk], SIP password guessing is never banned. Enable it there, not here (package upgrades replace jail.conf).',
      });
      return;
    }
    const note = "pbxlint sees only this file: if a jail.d/*.local file enables it, suppress this finding";
    if (section) {
      ctx.report({
        span: section.nameSpan,
        message: `[asterisk] is here but has no \`enabled = true\`, so it inherits jail.conf's enabled = false and bans nobody (${note}).`,
        fixes: [{ title: 'Add enabled = true to [asterisk] (check that its logpath exists first, or fail2ban refuses to start)', edits: [insertInSection(doc, section, 'enabled', 'true')], safety: 'offer' }],
      });
      return;
    }
    ctx.report({
      span: anchorFor(doc, 'DEFAULT'),
      message: `No [asterisk] jail is enabled in this file and jail.conf ships it off: SIP scanners can guess extension passwords without ever being banned (${note}).`,
      fixes: [
        {
          title: `Append an enabled [asterisk] jail (logpath ${logs.messages}, Asterisk ${logs.modern ? '19+' : '≤18'} sample logger.conf; bans on all ports)`,
          edits: [appendLines(doc, ['[asterisk]', 'enabled   = true', `logpath   = ${logs.messages}`, 'maxretry  = 5', 'banaction = %(banaction_allports)s'])],
          safety: 'offer',
        },
      ],
    });
  },
};
