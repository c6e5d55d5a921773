import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { absentCaveat, options, productOf, serverAnchor, serverEffective } from '../../host/mycnf/model';
import { fix, insertInGroup, replaceSpan, where } from './util';

const SAFE_DIR = '/var/lib/mysql-files';

function normDir(p: string): string {
  return p.trim().replace(/\/+$/, '') || '/';
}

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-secure-file-priv-empty',
  title: 'secure_file_priv does not restrict file import/export',
  severity: 'warning',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'An empty secure_file_priv (or /, /tmp, the data directory) lets any account with the FILE privilege read and write files anywhere the mysql user can with SELECT … INTO OUTFILE and LOAD_FILE(): the classic way an SQL injection drops a web shell. MariaDB sets no restriction by default.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    const eff = serverEffective(doc, 'secure-file-priv', opts);
    const fixTitle = `Set secure-file-priv = ${SAFE_DIR} (create the directory, owned by mysql, before restarting: the server refuses to start without it)`;
    if (eff && !eff.reset && eff.value !== undefined) {
      const v = eff.value.trim();
      const datadir = serverEffective(doc, 'datadir', opts)?.value;
      let why: string | undefined;
      if (v === '') why = 'empty, which means no restriction at all';
      else if (normDir(v) === '/') why = "'/', the whole file system";
      else if (normDir(v) === '/tmp' || normDir(v) === '/var/tmp') why = `'${normDir(v)}', a directory every local user can write to`;
      else if (datadir && normDir(v) === normDir(datadir)) why = `the data directory, where files written with INTO OUTFILE can replace table files`;
      if (!why) return;
      const syn = eff.opt.line.option!;
      const hasValue = syn.value && syn.value.end > syn.value.start;
      const edit = hasValue ? replaceSpan(syn.value!, SAFE_DIR) : syn.eq ? { start: syn.eq.end, end: syn.eq.end, newText: ' ' + SAFE_DIR } : { start: syn.name.end, end: syn.name.end, newText: ' = ' + SAFE_DIR };
      ctx.report({
        span: hasValue ? syn.value! : syn.name,
        message: `secure-file-priv in ${where(eff.opt)} is ${why}: an account with the FILE privilege (or an SQL injection running as one) can read and write files through the server.`,
        fixes: [fix(fixTitle, [edit], 'offer')],
      });
      return;
    }
    if (eff || productOf(doc, ctx.path) !== 'mariadb') return;
    const anchor = serverAnchor(doc);
    if (!anchor) return;
    ctx.report({
      span: anchor.header.header!.name,
      severity: 'info',
      message: `secure-file-priv is not set: MariaDB then restricts nothing (except /proc), so the FILE privilege reads and writes files anywhere the mysql user can${absentCaveat(doc, ctx.path)}.`,
      fixes: [fix(fixTitle, [insertInGroup(doc, anchor, 'secure-file-priv', SAFE_DIR)], 'offer')],
    });
  },
};
