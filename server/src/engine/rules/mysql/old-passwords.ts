import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { effectiveIn, isServerGroup, options, productOf } from '../../host/mycnf/model';
import { deleteLine, fix, optionSpan, where } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-old-passwords',
  title: 'Pre-4.1 password hashing or authentication is allowed',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'old_passwords=1 stores new passwords with the pre-4.1 hash, and secure_auth=OFF lets accounts log in with it: the hash is trivially crackable and its challenge-response is weak, so a captured login or a leaked mysql.user table gives the password away.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const mysql = productOf(doc, ctx.path) === 'mysql';
    const scopes: [string, (n: string) => boolean][] = [
      ['server', (n) => isServerGroup(n)],
      ['client', (n) => !isServerGroup(n) && !/^\s/.test(n)],
    ];
    const removed = mysql ? ' MySQL 8.0 removed this variable: the server refuses to start with it.' : '';
    for (const [, inScope] of scopes) {
      const old = effectiveIn(opts, 'old-passwords', (g) => inScope(g.name));
      if (old?.state === 'on') {
        ctx.report({
          span: optionSpan(old.opt),
          message: `old-passwords is on in ${where(old.opt)}: passwords set from now on use the pre-4.1 hash, which is trivially cracked from the mysql.user table or a captured login.${removed}`,
          fixes: [fix('Remove this line (old_passwords defaults to off)', [deleteLine(old.opt.line)], 'offer')],
        });
      }
      const sec = effectiveIn(opts, 'secure-auth', (g) => inScope(g.name));
      if (sec?.state === 'off') {
        ctx.report({
          span: optionSpan(sec.opt),
          message: `secure-auth is off in ${where(sec.opt)}: accounts with pre-4.1 password hashes may log in, with a weak challenge-response that gives their password away.${removed}`,
          fixes: [fix('Remove this line (secure_auth defaults to on)', [deleteLine(sec.opt.line)], 'offer')],
        });
      }
    }
  },
};
