/**
 * The FTP/TFTP family: vsftpd's `vsftpd.conf` (Debian `/etc/vsftpd.conf`, RHEL
 * `/etc/vsftpd/vsftpd.conf`) and xinetd's configuration (`xinetd.conf` and the service files
 * under `xinetd.d/`, where TFTP servers register). xinetd ignores files in `xinetd.d/` whose
 * name contains a dot or ends with `~` (backups, `.rpmnew`), so those are not claimed.
 */
import type { KindInfo } from '../../kinds';
import type { Syntax } from '../../syntax';
import type { HostRegistration } from '../registration';
import { parseVsftpd, VsftpdDocument } from './vsftpd';
import { parseXinetd, XinetdDocument } from './xinetd';

const VSFTPD = /(^|[\\/])vsftpd\.conf$/;
const XINETD_CONF = /(^|[\\/])xinetd\.conf$/;
const XINETD_D = /(^|[\\/])xinetd\.d[\\/]([^\\/.]+[^\\/.~]|[^\\/.~])$/;

function detect(path: string): KindInfo | undefined {
  const base = path.split(/[\\/]/).pop();
  if (VSFTPD.test(path)) return { kind: 'vsftpd', fragment: false, reason: 'file name vsftpd.conf' };
  if (XINETD_CONF.test(path)) return { kind: 'xinetd', fragment: false, reason: 'file name xinetd.conf' };
  if (XINETD_D.test(path)) return { kind: 'xinetd', fragment: false, reason: `xinetd service file xinetd.d/${base}` };
  return undefined;
}

export const vsftpdSyntax: Syntax<VsftpdDocument> = {
  name: 'vsftpd',
  commentLeader: '#',
  parse: (text) => parseVsftpd(text),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.filter((l) => l.comment).map((l) => ({ line: l.index, start: l.comment!.start, end: l.comment!.end })),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && doc.lines[i].kind !== 'setting',
  }),
};

export const xinetdSyntax: Syntax<XinetdDocument> = {
  name: 'xinetd',
  commentLeader: '#',
  parse: (text) => parseXinetd(text),
  view: (doc) => ({
    lineStarts: doc.lines.map((l) => l.start),
    comments: doc.lines.filter((l) => l.comment).map((l) => ({ line: l.index, start: l.comment!.start, end: l.comment!.end })),
    isBlankOrComment: (i) => doc.lines[i] !== undefined && (doc.lines[i].kind === 'blank' || doc.lines[i].kind === 'comment'),
  }),
};

export const registration: HostRegistration = {
  kinds: ['vsftpd', 'xinetd'],
  detect: (path) => detect(path),
  mayBe: (path) => detect(path) !== undefined,
  syntaxes: { vsftpd: vsftpdSyntax, xinetd: xinetdSyntax },
};
