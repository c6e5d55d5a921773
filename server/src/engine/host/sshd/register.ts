/**
 * The sshd family: `sshd_config` (also Debian's template /usr/share/openssh/sshd_config) and
 * the drop-ins `sshd_config.d/*.conf` it includes (fragments: settings they do not make may
 * come from the main file). Never `ssh_config` (the client).
 */
import type { KindInfo } from '../../kinds';
import type { Syntax } from '../../syntax';
import type { HostRegistration } from '../registration';
import { parseSshd, SshdDocument } from './parser';

const MAIN = /(^|[\\/])sshd_config$/;
const DROP_IN = /(^|[\\/])sshd_config\.d[\\/][^\\/]+\.conf$/;

function detect(path: string): KindInfo | undefined {
  if (MAIN.test(path)) return { kind: 'sshd', fragment: false, reason: 'file name sshd_config' };
  if (DROP_IN.test(path)) return { kind: 'sshd', fragment: true, reason: 'drop-in under sshd_config.d (included by sshd_config)' };
  return undefined;
}

export const sshdSyntax: Syntax<SshdDocument> = {
  name: 'sshd',
  commentLeader: '#',
  parse: (text) => parseSshd(text),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.filter((l) => l.comment).map((l) => ({ line: l.index, start: l.comment!.start, end: l.comment!.end })),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && doc.lines[i].kind !== 'directive',
  }),
};

export const registration: HostRegistration = {
  kinds: ['sshd'],
  detect: (path) => detect(path),
  mayBe: (path) => detect(path) !== undefined,
  syntaxes: { sshd: sshdSyntax },
};
