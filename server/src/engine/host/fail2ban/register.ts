/**
 * The fail2ban family: the jail files fail2ban-client reads, in order, `jail.conf` →
 * `jail.d/*.conf` → `jail.local` → `jail.d/*.local` (host-syntax.md §5.1). `jail.d/*` files are
 * fragments (what they do not set comes from jail.conf/jail.local). Filters, actions,
 * `fail2ban.conf` and `paths-*.conf` are not linted. FreeBSD's `/etc/jail.conf` (jail(8), a
 * `name { … }` syntax) is not claimed: outside a `fail2ban` directory the file must look like INI.
 */
import type { KindInfo } from '../../kinds';
import type { Syntax } from '../../syntax';
import type { HostRegistration } from '../registration';
import { F2bDocument, parseFail2ban } from './parser';

const MAIN = /(^|[\\/])jail\.(conf|local)$/;
const DROP_IN = /(^|[\\/])jail\.d[\\/][^\\/]+\.(conf|local)$/;
const UNDER_FAIL2BAN = /(^|[\\/])fail2ban[\\/]/;

function looksLikeJails(text: string): boolean {
  const head = text.slice(0, 65536);
  return /^[ \t]*\[[^\]\n]+\][ \t]*(?:[;#].*)?\r?$/m.test(head) && !/^[ \t]*[\w.*-]+[ \t]*\{[ \t]*\r?$/m.test(head);
}

function byPath(path: string): 'main' | 'drop-in' | undefined {
  if (MAIN.test(path)) return 'main';
  if (DROP_IN.test(path)) return 'drop-in';
  return undefined;
}

function detect(path: string, text: string): KindInfo | undefined {
  const which = byPath(path);
  if (!which) return undefined;
  if (!UNDER_FAIL2BAN.test(path) && !looksLikeJails(text)) return undefined;
  const base = path.split(/[\\/]/).pop();
  return which === 'main'
    ? { kind: 'fail2ban', fragment: false, reason: `fail2ban jail file ${base}` }
    : { kind: 'fail2ban', fragment: true, reason: `fail2ban drop-in jail.d/${base} (read after jail.conf)` };
}

export const fail2banSyntax: Syntax<F2bDocument> = {
  name: 'fail2ban',
  commentLeader: '#',
  parse: (text) => parseFail2ban(text),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.filter((l) => l.comment).map((l) => ({ line: l.index, start: l.comment!.start, end: l.comment!.end })),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && (doc.lines[i].kind === 'blank' || doc.lines[i].kind === 'comment'),
  }),
};

export const registration: HostRegistration = {
  kinds: ['fail2ban'],
  detect,
  mayBe: (path) => byPath(path) !== undefined,
  syntaxes: { fail2ban: fail2banSyntax },
};
