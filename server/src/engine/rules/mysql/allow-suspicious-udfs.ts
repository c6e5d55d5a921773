import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options, serverEffective } from '../../host/mycnf/model';
import { deleteLine, fix, optionSpan, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-allow-suspicious-udfs',
  title: 'User-defined functions without the usual symbol checks can be loaded',
  severity: 'info',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'allow-suspicious-udfs lets CREATE FUNCTION … SONAME load any exported symbol of a shared library, not only proper UDFs: with the INSERT privilege on mysql.func an attacker can run arbitrary library code inside the server.',
  check(ctx) {
    const eff = serverEffective(ctx.doc, 'allow-suspicious-udfs', options(ctx.doc));
    if (eff?.state !== 'on') return;
    ctx.report({
      span: optionSpan(eff.opt),
      message: `allow-suspicious-udfs is on in ${where(eff.opt)}: any exported symbol of a shared library can be loaded as a function, which turns a database privilege into code execution.`,
      fixes: [fix('Remove this line (the default is off)', [deleteLine(eff.opt.line)], 'offer')],
    });
  },
};
