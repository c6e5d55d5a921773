import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { absentCaveat, options, productOf, serverAnchor, serverEffective } from '../../host/mycnf/model';
import { fix, insertInGroup, optionSpan, setBoolOff, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-symbolic-links-enabled',
  title: 'Symbolic links for table files are allowed',
  severity: 'info',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'With symbolic-links on, table files may be symlinks, so an attacker with database privileges (for example through SQL injection) can make the server read or overwrite files outside its data directory. MariaDB allows them by default; MySQL 8.0 does not and deprecates the option.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const eff = serverEffective(doc, 'symbolic-links', opts);
    if (eff?.state === 'on') {
      ctx.report({
        span: optionSpan(eff.opt),
        message: `symbolic-links is on in ${where(eff.opt)}: table files may point outside the data directory, which lets a database-level attacker make the server write elsewhere on disk.`,
        fixes: [fix('Set symbolic-links = 0 (move any symlinked tables back into the data directory first)', [setBoolOff(eff.opt)], 'offer')],
      });
      return;
    }
    if (eff || productOf(doc, ctx.path) !== 'mariadb') return;
    const anchor = serverAnchor(doc);
    if (!anchor) return;
    ctx.report({
      span: anchor.header.header!.name,
      message: `symbolic-links is not set: MariaDB's default is ON, so table files may point outside the data directory${absentCaveat(doc, ctx.path)}.`,
      fixes: [fix(`Add skip-symbolic-links to [${anchor.name}]`, [insertInGroup(doc, anchor, 'skip-symbolic-links')], 'offer')],
    });
  },
};
