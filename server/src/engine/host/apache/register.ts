import type { HostRegistration } from '../registration';
import type { KindInfo } from '../../kinds';
import { apacheSyntax } from './parser';

// Apache httpd files: httpd.conf, apache2.conf, apache.conf (the name packages such as
// phpMyAdmin give their Apache snippet), ports.conf and every .conf file below an apache2/,
// httpd/ (or apache/, apache24/) directory: Debian's sites-available, conf-enabled, mods-enabled
// and so on, RHEL's conf.d and conf.modules.d; Debian's mods-available .load files too. Other
// .conf files only when their content has an Apache section (<VirtualHost, <Directory, ...) with
// its closing tag, and never under an asterisk/ directory.
const MAIN = /^(httpd|apache2|apache)\.conf$/;
const APACHE_DIR = /^(apache2?|apache2[0-9]|httpd|httpd2)$/i;
const SECTION = /^[ \t]*<(virtualhost|directory|directorymatch|location|locationmatch|files|filesmatch|ifmodule)\b[^\n]*>[ \t]*\r?$/im;
const CLOSE = /^[ \t]*<\/(virtualhost|directory|directorymatch|location|locationmatch|files|filesmatch|ifmodule)>/im;

function parts(path: string): string[] {
  return path.split(/[\\/]/).filter(Boolean);
}

function byPath(path: string): string | undefined {
  const p = parts(path);
  if (!p.length) return undefined;
  const base = p[p.length - 1].toLowerCase();
  const dirs = p.slice(0, -1);
  if (MAIN.test(base)) return `file name ${base}`;
  const underApache = dirs.some((d) => APACHE_DIR.test(d));
  if (base === 'ports.conf' && underApache) return 'ports.conf under an Apache directory';
  if (underApache && /\.conf$/.test(base)) return `${base} under an Apache directory`;
  if (underApache && /\.load$/.test(base) && dirs.length && /^mods-/.test(dirs[dirs.length - 1])) return `${base} (Apache module loader)`;
  return undefined;
}

export const registration: HostRegistration = {
  kinds: ['apache'],
  detect(path: string, text: string): KindInfo | undefined {
    const reason = byPath(path);
    if (reason) return { kind: 'apache', fragment: false, reason };
    const base = parts(path).pop()?.toLowerCase() ?? '';
    if (!/\.conf$/.test(base) || /(^|[\\/])asterisk[\\/]/i.test(path)) return undefined;
    const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
    if (SECTION.test(head) && CLOSE.test(head)) return { kind: 'apache', fragment: false, reason: 'Apache sections in the content' };
    return undefined;
  },
  mayBe(path: string): boolean {
    if (byPath(path)) return true;
    // Candidates for the content check: .conf files in directories Apache layouts use.
    const p = parts(path);
    return /\.conf$/i.test(p[p.length - 1] ?? '') && p.slice(0, -1).some((d) => /^(sites-(available|enabled)|conf\.d|conf-(available|enabled)|vhosts?\.d|extra|phpmyadmin)$/i.test(d));
  },
  syntaxes: { apache: apacheSyntax },
};
