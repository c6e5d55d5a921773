import type { Rule } from '../../rule';
import type { MyCnfDocument, MyGroup } from '../../host/mycnf/parser';
import { absentCaveat, boolOf, effectiveIn, isServerGroup, options, productOf, serverAnchor, serverEffective } from '../../host/mycnf/model';
import { fix, insertInGroup, optionSpan, setBoolOff, where } from './util';

/** Groups only the server-side helpers read: not a client. */
const NOT_CLIENT = /^(mysqld_safe|safe_mysqld|mysqld_multi|mariadbd-safe|mariadb-safe|embedded|server)$/;

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-local-infile-enabled',
  title: 'LOAD DATA LOCAL INFILE is enabled',
  severity: 'warning',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    "With local_infile on, LOAD DATA LOCAL lets an SQL injection in the PBX web interface read any file the connecting program can read; on the client side, a rogue or compromised server can ask the client for its local files. MariaDB enables it by default.",
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const eff = serverEffective(doc, 'local-infile', opts);
    if (eff?.state === 'on') {
      ctx.report({
        span: optionSpan(eff.opt),
        message: `local-infile is on in ${where(eff.opt)}: LOAD DATA LOCAL lets an SQL injection in the PBX web interface read files from the host (configuration files with passwords included). Turn it off unless an import job needs it.`,
        fixes: [fix('Set local-infile = 0 (LOAD DATA LOCAL stops working)', [setBoolOff(eff.opt)], 'offer')],
      });
    } else if (!eff && productOf(doc, ctx.path) === 'mariadb') {
      const anchor = serverAnchor(doc);
      if (anchor) {
        ctx.report({
          span: anchor.header.header!.name,
          severity: 'info',
          message: `local-infile is not set: MariaDB's default is ON, so LOAD DATA LOCAL can read files for an SQL injection in the PBX web interface${absentCaveat(doc, ctx.path)}.`,
          fixes: [fix(`Add local-infile = 0 to [${anchor.name}]`, [insertInGroup(doc, anchor, 'local-infile', '0')], 'offer')],
        });
      }
    }
    // Client programs: each client group on its own.
    const clientGroups = new Map<string, MyGroup>();
    for (const g of doc.groups) if (!isServerGroup(g.name) && !NOT_CLIENT.test(g.lname) && !/^\s/.test(g.name)) clientGroups.set(g.lname, g);
    for (const lname of clientGroups.keys()) {
      const c = effectiveIn(opts, 'local-infile', (g) => g.lname === lname);
      if (c?.state !== 'on' || boolOf(c.opt) !== 'on') continue;
      ctx.report({
        span: optionSpan(c.opt),
        severity: 'info',
        message: `local-infile is on for the clients that read ${where(c.opt)}: a rogue or compromised server can ask them for any local file they can read.`,
        fixes: [fix('Set local-infile = 0 for this client', [setBoolOff(c.opt)], 'offer')],
      });
    }
  },
};
