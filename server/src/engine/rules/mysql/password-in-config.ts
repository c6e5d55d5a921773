import type { Rule, Severity } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options } from '../../host/mycnf/model';
import { deleteLine, fix, where } from './util';

/** System-wide option files (readable by every local user on a stock install). */
export function isGlobalOptionFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return /(^|\/)etc\/(my\.cnf$|mysql\/|my\.cnf\.d\/)/.test(p);
}

function isHomeFile(path: string): boolean {
  return /(^|[\\/])\.my\.cnf$/.test(path);
}

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-password-in-config',
  title: 'A database password is stored in an option file',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'Option files under /etc/mysql and /etc/my.cnf.d are installed world-readable (0644): a password in them, usually the database root password in [client], is readable by every local account, including the web server that an attacker reaches through the PBX GUI.',
  check(ctx) {
    const doc = ctx.doc;
    const global = isGlobalOptionFile(ctx.path);
    const home = isHomeFile(ctx.path);
    for (const o of options(doc)) {
      if (o.resolved?.option.name !== 'password' || o.resolved.negated) continue;
      const syn = o.line.option!;
      if (!syn.value || o.value === undefined || o.value === '') continue; // a bare password only makes clients prompt
      const severity: Severity = global ? 'error' : 'warning';
      const where2 = global
        ? 'this system-wide file is installed world-readable, so every local account (and the web server) can read it'
        : home
          ? 'keep this file mode 0600 and owned by its user, or anyone who can read it has the password'
          : 'anyone who can read this file has the password';
      ctx.report({
        span: syn.value,
        severity,
        message: `A password is stored in ${where(o)}: ${where2}. Prefer unix_socket authentication for root, a ~/.my.cnf with mode 0600, or (MySQL) mysql_config_editor.`,
        fixes: [fix('Remove the password line (clients will prompt for it, or read it from a 0600 ~/.my.cnf)', [deleteLine(o.line)], 'offer')],
      });
    }
  },
};
