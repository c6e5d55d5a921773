import type { HostRegistration } from '../registration';
import type { KindInfo } from '../../kinds';
import { myCnfSyntax } from './parser';

/**
 * MySQL/MariaDB option files: `my.cnf`, `~/.my.cnf`, `my.ini`, Debian's `my.cnf.fallback` and
 * `mariadb.cnf`, and `*.cnf` under a MySQL/MariaDB directory (`/etc/mysql/**`, `/etc/my.cnf.d/`,
 * `mariadb.conf.d/`). Also `*.conf`/`*.ini` inside an `!includedir` directory of such a tree:
 * the server skips them, which is itself worth a finding.
 */
const MAIN_NAMES = /^(my\.cnf|\.my\.cnf|my\.ini|my\.cnf\.fallback|mariadb\.cnf|mysql\.cnf|debian\.cnf)$/;
const MYSQL_DIR = /^(mysql|mariadb|my\.cnf\.d|mariadb\.conf\.d|mysql\.conf\.d|mysql-common|mariadb-[a-z0-9.-]+|mysql-[a-z0-9.-]+|percona[a-z0-9.-]*)$/i;
const INCLUDEDIR = /^(conf\.d|mariadb\.conf\.d|mysql\.conf\.d|my\.cnf\.d)$/i;

function parts(path: string): string[] {
  return path.split(/[\\/]/).filter(Boolean);
}

function classify(path: string): string | undefined {
  const p = parts(path);
  if (!p.length) return undefined;
  const base = p[p.length - 1].toLowerCase();
  const dirs = p.slice(0, -1);
  if (MAIN_NAMES.test(base)) return `file name ${base}`;
  if (/\.cnf$/.test(base) && dirs.some((d) => MYSQL_DIR.test(d) || INCLUDEDIR.test(d) && dirs.some((e) => MYSQL_DIR.test(e)))) {
    return `${base} under a MySQL/MariaDB directory`;
  }
  if (/\.cnf$/.test(base) && dirs.length && /^my\.cnf\.d$/i.test(dirs[dirs.length - 1])) return `${base} in my.cnf.d`;
  // A .conf/.ini file in an includedir directory of a MySQL tree (never read by the server).
  if (/\.(conf|ini)$/.test(base) && dirs.length >= 2 && INCLUDEDIR.test(dirs[dirs.length - 1]) && (MYSQL_DIR.test(dirs[dirs.length - 2]) || /^my\.cnf\.d$/i.test(dirs[dirs.length - 1]))) {
    return `${base} in a MySQL/MariaDB include directory`;
  }
  return undefined;
}

export const registration: HostRegistration = {
  kinds: ['mycnf'],
  detect(path: string): KindInfo | undefined {
    const reason = classify(path);
    return reason ? { kind: 'mycnf', fragment: false, reason } : undefined;
  },
  mayBe: (path: string) => classify(path) !== undefined,
  syntaxes: { mycnf: myCnfSyntax },
};
