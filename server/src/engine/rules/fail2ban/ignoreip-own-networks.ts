import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { anchorFor, entryIn, fileRole, listItems, jailLabel } from '../../host/fail2ban/model';
import { ownNetworks } from './util';

const CANNOT_KNOW =
  'pbxlint cannot know your office, VPN and monitoring networks (its settings have no trustedNetworks key today), so it only checks that some are listed';

export const rule: Rule<F2bDocument> = {
  id: 'f2b-ignoreip-own-networks',
  title: 'ignoreip does not list your own networks',
  severity: 'info',
  fileKinds: ['fail2ban'],
  description:
    'ignoreself only spares the server\'s own addresses. With ignoreip empty or loopback-only, one phone with a stale password behind the office NAT gets the shared address banned, and every phone and the administrator with it.',
  check(ctx) {
    const { doc } = ctx;
    const role = fileRole(ctx.path);
    let reported = false;
    for (const e of doc.entries) {
      if (e.name !== 'ignoreip') continue;
      const items = listItems(e).map((i) => i.text);
      if (ownNetworks(items)) continue;
      reported = true;
      const where = jailLabel(e.section.name);
      ctx.report({
        span: e.first.text ? e.first : e.key,
        message: `ignoreip lists ${items.length ? 'only loopback' : 'nothing'} for ${where}: one phone with a wrong password behind your office NAT bans the shared address, and every phone and admin behind it. Add your office/VPN networks (${CANNOT_KNOW}).`,
      });
    }
    if (reported || ctx.fragment || role === 'drop-in') return;
    if (entryIn(doc, 'DEFAULT', 'ignoreip')) return;
    ctx.report({
      span: anchorFor(doc, 'DEFAULT'),
      message: `No ignoreip in [DEFAULT]${role === 'conf' ? ' (jail.conf ships it commented out)' : ''}: fail2ban spares only the server's own addresses (ignoreself), so one phone with a wrong password behind your office NAT bans the whole office. Set \`ignoreip = 127.0.0.1/8 ::1 <your networks>\`${role === 'conf' ? ' in jail.local' : ''} (${CANNOT_KNOW}).`,
    });
  },
};
