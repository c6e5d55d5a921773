/**
 * The pam family: every file under a `pam.d/` directory (`/etc/pam.d/sshd`, `common-auth`,
 * RHEL `password-auth`, `/usr/lib/pam.d/*`), the legacy `/etc/pam.conf`, and pam_faillock's
 * `/etc/security/faillock.conf`, all read by the PAM parser (host/pam/parser.ts).
 */
import type { KindInfo } from '../../kinds';
import type { Syntax } from '../../syntax';
import type { HostRegistration } from '../registration';
import { PamDocument, parsePam } from './parser';

const UNDER_PAM_D = /(^|[\\/])pam\.d[\\/][^\\/]+$/i;
const PAM_CONF = /(^|[\\/])pam\.conf$/i;
const FAILLOCK_CONF = /(^|[\\/])security[\\/]faillock\.conf$/i;

function detect(path: string): KindInfo | undefined {
  if (UNDER_PAM_D.test(path)) return { kind: 'pam', fragment: false, reason: 'file under a pam.d directory' };
  if (PAM_CONF.test(path)) return { kind: 'pam', fragment: false, reason: 'file name pam.conf' };
  if (FAILLOCK_CONF.test(path)) return { kind: 'pam', fragment: false, reason: 'pam_faillock configuration (security/faillock.conf)' };
  return undefined;
}

export const pamSyntax: Syntax<PamDocument> = {
  name: 'pam',
  commentLeader: '#',
  parse: (text) => parsePam(text),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.filter((l) => l.comment).map((l) => ({ line: l.index, start: l.comment!.start, end: l.comment!.end })),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && doc.lines[i].logical < 0,
  }),
};

export const registration: HostRegistration = {
  kinds: ['pam'],
  detect: (path) => detect(path),
  mayBe: (path) => detect(path) !== undefined,
  syntaxes: { pam: pamSyntax },
};
