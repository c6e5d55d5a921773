import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { boolOf, isServerGroup, options, productOf, serverEffective } from '../../host/mycnf/model';
import { deleteLine, fix, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-skip-grant-tables',
  title: 'skip-grant-tables turns the privilege system off',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'With skip-grant-tables the server checks no passwords and no privileges: every client that connects is a superuser. MariaDB keeps listening on TCP when it is set, so the whole database (and the PBX configuration in it) is open to anyone who reaches the port.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const eff = serverEffective(doc, 'skip-grant-tables', opts);
    if (eff?.state !== 'on') return;
    // Every ON line after the last OFF line keeps it on; removing one leaves the others.
    const lines = opts.filter((o) => o.group && isServerGroup(o.group.name) && o.resolved?.option.name === 'skip-grant-tables');
    let lastOff = -1;
    lines.forEach((o, i) => {
      if (boolOf(o) === 'off') lastOff = i;
    });
    const net = serverEffective(doc, 'skip-networking', opts)?.state === 'on';
    const product = productOf(doc, ctx.path);
    const tcp = net
      ? 'skip-networking is on here, so only local users and processes can connect, but every one of them gets full access'
      : product === 'mysql'
        ? 'MySQL 8.0 turns on skip-networking by itself in this mode, but every local user and process gets full access'
        : 'MariaDB keeps accepting TCP connections in this mode, so anyone who reaches port 3306 gets full access';
    for (const o of lines.slice(lastOff + 1)) {
      if (boolOf(o) !== 'on') continue;
      ctx.report({
        span: o.line.option!.name,
        message: `skip-grant-tables is on in ${where(o)}: the server checks no passwords or privileges and every client is a superuser; ${tcp}. Use it only for a password reset, with the server offline to the network, and remove it afterwards.`,
        fixes: [fix('Remove this line (the server checks passwords again after a restart)', [deleteLine(o.line)], 'offer')],
      });
    }
  },
};
