import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { absentCaveat, options, serverAnchor, serverEffective } from '../../host/mycnf/model';
import { parseAddress } from '../../acl';
import { fix, insertInGroup, replaceSpan, where } from './util';

/** `0.0.0.0`, `*`, `::`, `::ffff:0.0.0.0` (brackets allowed), or an empty entry. */
export function isWildcardBind(entry: string): boolean {
  const e = entry.trim().replace(/^\[(.*)\]$/, '$1');
  if (e === '' || e === '*') return true;
  const a = parseAddress(e);
  if (!a) return false;
  return a.value === 0n || (a.family === 6 && a.value === 0xffff00000000n);
}

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-bind-all-interfaces',
  title: 'MySQL/MariaDB listens on all network interfaces',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'A database server bound to 0.0.0.0, *, :: (or with no bind-address at all, the default of both MySQL and MariaDB) accepts connections on port 3306 from every network the host is on. FreePBX and Asterisk talk to the database locally; an exposed port invites password guessing and attacks on database bugs.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const net = serverEffective(doc, 'skip-networking', opts);
    if (net?.state === 'on') return; // no TCP at all
    const bind = serverEffective(doc, 'bind-address', opts);
    const tail = '(remote database clients must then use an SSH tunnel or a VPN)';
    if (bind) {
      if (bind.reset || bind.value === undefined) return;
      const entries = bind.value.split(',');
      const wild = entries.filter(isWildcardBind);
      if (!wild.length) return;
      const syn = bind.opt.line.option!;
      const what = bind.value.trim() === '' ? 'empty' : wild.some((w) => w.trim() === '') ? `'${wild.join(',')}' (an empty entry)` : `'${wild.map((w) => w.trim()).join(', ')}'`;
      const span = syn.value && syn.value.end > syn.value.start ? syn.value : syn.name;
      const edit = syn.value && syn.value.end > syn.value.start
        ? replaceSpan(syn.value, '127.0.0.1')
        : syn.eq
          ? { start: syn.eq.end, end: syn.eq.end, newText: ' 127.0.0.1' }
          : { start: syn.name.end, end: syn.name.end, newText: ' = 127.0.0.1' };
      ctx.report({
        span,
        message: `bind-address ${bind.value.trim() === '' || entries.length === 1 ? 'is' : 'includes'} ${what} in ${where(bind.opt)}: the database listens on every interface, so anyone who can reach port 3306 can try passwords and database exploits. FreePBX and Asterisk connect locally; bind to 127.0.0.1.`,
        fixes: [fix(`Bind to 127.0.0.1 ${tail}`, [edit], 'offer')],
      });
      return;
    }
    const anchor = serverAnchor(doc);
    if (!anchor) return;
    const caveat = absentCaveat(doc, ctx.path);
    ctx.report({
      span: anchor.header.header!.name,
      severity: caveat ? 'info' : 'warning',
      message: `bind-address not set: server listens on all interfaces (MySQL's default is *, MariaDB has none and listens everywhere), so port 3306 is open to every network the host is on${caveat}.`,
      fixes: [fix(`Add bind-address = 127.0.0.1 to [${anchor.name}] ${tail}`, [insertInGroup(doc, anchor, 'bind-address', '127.0.0.1')], 'offer')],
    });
  },
};
