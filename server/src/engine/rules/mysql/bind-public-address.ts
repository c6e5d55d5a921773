import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { options, serverEffective } from '../../host/mycnf/model';
import { parseAddress } from '../../acl';
import { fix, replaceSpan, where } from './util';
import { isWildcardBind } from './bind-all-interfaces';

/** A specific address that is not loopback, private (RFC 1918, fc00::/7, CGNAT) or link-local. */
export function isPublicAddress(entry: string): boolean {
  const e = entry.trim().replace(/^\[(.*)\]$/, '$1');
  if (isWildcardBind(e)) return false;
  const a = parseAddress(e);
  if (!a) return false;
  let v = a.value;
  let fam = a.family;
  if (fam === 6 && v >> 32n === 0xffffn) {
    fam = 4;
    v &= 0xffffffffn;
  }
  if (fam === 4) {
    const o1 = Number(v >> 24n);
    const o2 = Number((v >> 16n) & 0xffn);
    if (o1 === 127 || o1 === 10 || o1 === 0) return false;
    if (o1 === 172 && o2 >= 16 && o2 <= 31) return false;
    if (o1 === 192 && o2 === 168) return false;
    if (o1 === 169 && o2 === 254) return false;
    if (o1 === 100 && o2 >= 64 && o2 <= 127) return false;
    return true;
  }
  if (v === 1n) return false;
  if (v >> 118n === 0x3fan) return false; // fe80::/10
  if (v >> 121n === 0x7en) return false; // fc00::/7
  return true;
}

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-bind-public-address',
  title: 'MySQL/MariaDB listens on a public address',
  severity: 'warning',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    'bind-address names a public (non-loopback, non-private) address: port 3306 is reachable from the Internet unless a firewall stops it, and database logins can be guessed from anywhere.',
  check(ctx) {
    const doc = ctx.doc;
    const opts = options(doc);
    if (serverEffective(doc, 'skip-networking', opts)?.state === 'on') return;
    const bind = serverEffective(doc, 'bind-address', opts);
    if (!bind || bind.reset || !bind.value) return;
    const entries = bind.value.split(',').map((e) => e.trim());
    if (entries.some(isWildcardBind)) return; // mysql-bind-all-interfaces
    const pub = entries.filter(isPublicAddress);
    if (!pub.length) return;
    const syn = bind.opt.line.option!;
    if (!syn.value) return;
    ctx.report({
      span: syn.value,
      message: `bind-address in ${where(bind.opt)} is the public address ${pub.join(', ')}: the database is reachable from the Internet unless a firewall blocks port 3306. FreePBX and Asterisk connect locally; bind to 127.0.0.1.`,
      fixes: [fix('Bind to 127.0.0.1 (remote database clients must then use an SSH tunnel or a VPN)', [replaceSpan(syn.value, '127.0.0.1')], 'offer')],
    });
  },
};
