import type { Rule } from '../../rule';
import type { TextEdit } from '../../text';
import { lastSetting, VsftpdDocument } from '../../host/ftp/vsftpd';

export const rule: Rule<VsftpdDocument> = {
  id: 'ftp-vsftpd-anonymous',
  title: 'vsftpd accepts anonymous logins',
  severity: 'warning',
  fileKinds: ['vsftpd'],
  fix: 'offer',
  description:
    'With anonymous_enable, anyone can log in as "anonymous" or "ftp" without a password and read the anonymous root; on a PBX that is often the phone provisioning directory, whose files hold every extension\'s SIP password. vsftpd\'s own default is YES: only an explicit NO turns it off.',
  check(ctx) {
    const { doc } = ctx;
    const anon = lastSetting(doc, 'anonymous_enable');
    if (anon && anon.bool !== true) return;
    const upload = lastSetting(doc, 'anon_upload_enable')?.bool === true && lastSetting(doc, 'write_enable')?.bool === true;
    const root = lastSetting(doc, 'anon_root')?.value.text.trim();
    const where = root ? ` (${root})` : ' (the ftp user\'s home: /srv/ftp on Debian, /var/ftp on RHEL)';
    const writes = upload ? ' and, with anon_upload_enable and write_enable, upload files: phone configs can be replaced to point phones at an attacker\'s server' : '';
    const severity = upload ? 'error' : 'warning';
    if (anon) {
      ctx.report({
        span: anon.value.text ? { start: anon.value.start, end: anon.value.end - (anon.value.text.endsWith('\r') ? 1 : 0) } : anon.name,
        severity,
        message: `anonymous_enable=${anon.value.text.trim()}: anyone can log in as "anonymous" without a password and read the anonymous root${where}${writes}. On a PBX that often holds provisioning files with SIP passwords.`,
        fixes: [{ title: 'Set anonymous_enable=NO (phones that fetch their config by anonymous FTP stop provisioning)', edits: [{ start: anon.value.start, end: anon.value.end - (anon.value.text.endsWith('\r') ? 1 : 0), newText: 'NO' }], safety: 'offer' }],
      });
      return;
    }
    const firstSetting = doc.settings[0];
    const first = doc.lines.find((l) => l.kind !== 'blank') ?? doc.lines[0];
    const span = firstSetting ? firstSetting.name : { start: first.start + (first.index === 0 && doc.bom ? 1 : 0), end: first.end };
    const t = doc.text;
    const eol = t.includes('\r\n') ? '\r\n' : '\n';
    const edit: TextEdit = { start: t.length, end: t.length, newText: `${t.length && !t.endsWith('\n') ? eol : ''}anonymous_enable=NO${eol}` };
    ctx.report({
      span,
      severity,
      message: `anonymous_enable is not set, and vsftpd's default is YES: anyone can log in as "anonymous" without a password and read the anonymous root${where}${writes}. Set anonymous_enable=NO (Debian's and RHEL's shipped files do).`,
      fixes: [{ title: 'Add anonymous_enable=NO (phones that fetch their config by anonymous FTP stop provisioning)', edits: [edit], safety: 'offer' }],
    });
  },
};
