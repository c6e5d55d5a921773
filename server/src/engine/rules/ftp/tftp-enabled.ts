import type { Rule, Severity } from '../../rule';
import type { TextEdit } from '../../text';
import { allAttrs, firstAttr, XinetdDocument, XinetdEntry } from '../../host/ftp/xinetd';

function isTftp(e: XinetdEntry): boolean {
  if (e.kind !== 'service') return false;
  if (e.name?.text === 'tftp') return true;
  const server = firstAttr(e, 'server')?.values[0].text ?? '';
  return /(^|\/)(in\.)?tftpd(-hpa)?$/.test(server);
}

export const rule: Rule<XinetdDocument> = {
  id: 'ftp-tftp-enabled',
  title: 'TFTP is served (no authentication at all)',
  severity: 'warning',
  fileKinds: ['xinetd'],
  fix: 'offer',
  description:
    'TFTP has no passwords: anyone who reaches UDP 69 can download any file under the TFTP root by guessing its name. On a PBX that is the phone provisioning directory (SEP<MAC>.cnf.xml, <MAC>.cfg), whose files hold every extension\'s SIP credentials; scanners try those names automatically.',
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.entries) {
      if (!isTftp(e) || e.dropped) continue;
      const disable = firstAttr(e, 'disable');
      if (disable && disable.values[0].text !== 'no') continue; // yes, or a bad value that drops the service
      const flags = allAttrs(e, 'flags').flatMap((a) => a.values.map((v) => v.text));
      if (flags.includes('DISABLE')) continue;
      const args = allAttrs(e, 'server_args').flatMap((a) => a.values.map((v) => v.text));
      const uploads = args.some((a) => a === '-c' || a === '--create' || /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
      const onlyFrom = allAttrs(e, 'only_from').flatMap((a) => a.values.map((v) => v.text));
      const restricted = onlyFrom.length > 0 && !onlyFrom.some((v) => /^(0\.0\.0\.0(\/0)?|0\/0|::(\/0)?)$/.test(v));
      const severity: Severity = uploads ? 'error' : restricted ? 'info' : 'warning';
      const who = restricted ? `anyone in ${onlyFrom.join(' ')}` : 'anyone who can reach UDP 69';
      const what = `${who} can download any provisioning file by name (SIP passwords included) without authentication${uploads ? ', and server_args -c lets them upload: a replaced phone config points phones at an attacker\'s server' : ''}.`;
      const name = e.name!;
      const edits: TextEdit[] = [];
      if (disable) edits.push({ start: disable.values[0].start, end: disable.values[0].end, newText: 'yes' });
      else {
        const open = doc.lines[e.open!];
        const eol = open.eolEnd > open.end ? doc.text.slice(open.end, open.eolEnd) : '\n';
        const indent = (() => {
          const a = e.attrs[0];
          if (!a) return '\t';
          const l = doc.lines[a.line];
          return doc.text.slice(l.start, a.name.start);
        })();
        edits.push(open.eolEnd > open.end ? { start: open.eolEnd, end: open.eolEnd, newText: `${indent}disable = yes${eol}` } : { start: open.end, end: open.end, newText: `${eol}${indent}disable = yes` });
      }
      ctx.report({
        span: disable ? disable.values[0] : name,
        severity,
        message: disable
          ? `TFTP service ${name.text} is enabled (disable = no): ${what} Disable it, or restrict it with only_from and the firewall to the phones' network.`
          : `TFTP service ${name.text} has no "disable = yes", so xinetd runs it (the default is enabled; a "defaults { disabled = … }" in xinetd.conf, which pbxlint cannot see from here, could still turn it off): ${what}`,
        fixes: [{ title: 'Disable the TFTP service (phones that provision over TFTP stop getting their config)', edits, safety: 'offer' }],
      });
    }
  },
};
