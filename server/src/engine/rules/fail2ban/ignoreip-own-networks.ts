import type { Rule } from '../../rule';
import type { F2bDocument } from '../../host/fail2ban/parser';
import { anchorFor, entryIn, fileRole, listItems, jailLabel } from '../../host/fail2ban/model';
import { ownNetworks } from './util';
import { parseAddress } from '../../acl';

const CANNOT_KNOW =
  'pbxlint cannot know your office, VPN and monitoring networks: list them in the pbxlint.trustedNetworks setting and it checks they are here';

/** Is the network covered by one of the ignoreip items (same text, or a wider network)? */
function covered(net: string, items: string[]): boolean {
  const [addr, p] = net.split('/');
  const a = parseAddress(addr);
  if (!a) return true;
  const prefix = p === undefined ? (a.family === 4 ? 32 : 128) : Number(p);
  for (const it of items) {
    if (it === net) return true;
    const [ia, ip] = it.split('/');
    const b = parseAddress(ia);
    if (!b || b.family !== a.family) continue;
    const width = a.family === 4 ? 32 : 128;
    const iprefix = ip === undefined ? width : Number(ip);
    if (!(iprefix <= prefix)) continue;
    const shift = BigInt(width - iprefix);
    if (a.value >> shift === b.value >> shift) return true;
  }
  return false;
}

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
    const trusted = ctx.settings.trustedNetworks ?? [];
    for (const e of doc.entries) {
      if (e.name !== 'ignoreip') continue;
      const list = listItems(e);
      const items = list.map((i) => i.text);
      if (trusted.length) {
        // The user told us their networks: check exactly those, and offer to add the missing ones.
        const missing = trusted.filter((n) => !covered(n, items));
        if (!missing.length) continue;
        reported = true;
        const end = list.length ? list[list.length - 1].span.end : e.first.end;
        ctx.report({
          span: e.first.text ? e.first : e.key,
          message: `ignoreip for ${jailLabel(e.section.name)} does not list ${missing.join(', ')} from pbxlint.trustedNetworks: one phone with a wrong password there bans the shared address, and everyone behind it.`,
          fixes: [{ title: `Add ${missing.join(' ')} (from pbxlint.trustedNetworks) to ignoreip`, safety: 'offer', edits: [{ start: end, end, newText: `${list.length ? ' ' : ''}${missing.join(' ')}` }] }],
        });
        continue;
      }
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
