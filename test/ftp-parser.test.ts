/**
 * The FTP/TFTP parsers: vsftpd.conf as vsftpd 3.0 `parseconf.c` reads it, and xinetd service
 * files as xinetd 2.3 `parse.c` reads them. Losslessness and no-throw, the daemons' own quirks
 * (first-column comments only, no blanks around "=", the default anonymous_enable=YES, a "#"
 * after an xinetd value is a value), file detection and the two rules' decisions. There is no
 * FTP/TFTP file in ../shared/corpus (Debian 12 ships neither vsftpd nor xinetd there); the
 * fixtures under test/fixtures/rules/ftp-* stand in for it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseVsftpd, printVsftpd, vsftpdPieces, VsftpdDocument, lastSetting } from '../server/src/engine/host/ftp/vsftpd';
import { parseXinetd, printXinetd, xinetdPieces, XinetdDocument } from '../server/src/engine/host/ftp/xinetd';
import { detectKind } from '../server/src/engine/kinds';
import { lintText } from '../server/src/engine/lint';
import type { Span } from '../server/src/engine/text';

function assertCover(text: string, pieces: Span[], printed: string): void {
  let pos = 0;
  for (const p of pieces) {
    assert.equal(p.start, pos, `piece gap at ${pos}`);
    assert.ok(p.end > p.start);
    pos = p.end;
  }
  assert.equal(pos, text.length, 'pieces cover the whole text');
  assert.equal(printed, text);
}
const losslessV = (text: string, doc: VsftpdDocument = parseVsftpd(text)) => assertCover(text, vsftpdPieces(doc), printVsftpd(doc));
const losslessX = (text: string, doc: XinetdDocument = parseXinetd(text)) => assertCover(text, xinetdPieces(doc), printXinetd(doc));

const TFTP = 'service tftp\n{\n\tsocket_type\t\t= dgram\n\tprotocol\t\t= udp\n\twait\t\t\t= yes\n\tuser\t\t\t= root\n\tserver\t\t\t= /usr/sbin/in.tftpd\n\tserver_args\t\t= -s /var/lib/tftpboot\n\tdisable\t\t\t= no\n}\n';

describe('ftp: lossless round trip and no throw', () => {
  const cases: Record<string, string> = {
    empty: '',
    vsftpd: 'listen=YES\n# c\nanonymous_enable=NO\n',
    'no final newline': 'anonymous_enable=NO',
    crlf: 'listen=YES\r\n# c\r\nanonymous_enable=NO\r\n',
    bom: '\ufefflisten=YES\n',
    odd: '  # x\n=\nfoo\n a = b = c\n\0\n😀=1\n',
    tftp: TFTP,
    'tftp crlf': TFTP.replace(/\n/g, '\r\n'),
    'tftp bom': '\ufeff' + TFTP,
    'xinetd odd': '}\n{\nservice\nservice x\nfoo\n{\n a\n b=\n c ? d\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, () => {
      losslessV(text);
      losslessX(text);
    });
  }
  test('binary garbage', () => {
    let seed = 3;
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = (seed = (seed * 1103515245 + 12345) % 2147483648) % 300;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '{}=+-# \t\n\rYESno\0\ufeff'[seed % 17] ?? String.fromCharCode(seed % 0x3000);
      }
      losslessV(s);
      losslessX(s);
      assert.doesNotThrow(() => lintText({ path: '/etc/vsftpd.conf', text: s }));
      assert.doesNotThrow(() => lintText({ path: '/etc/xinetd.d/tftp', text: s }));
    }
  });
  test('a huge line', () => {
    const text = `ftpd_banner=${'x'.repeat(200000)}\nanonymous_enable=NO\n`;
    losslessV(text);
    losslessX(text);
    assert.equal(lastSetting(parseVsftpd(text), 'anonymous_enable')?.bool, false);
  });
});

describe('vsftpd.conf: parseconf.c semantics', () => {
  const codes = (text: string) => parseVsftpd(text).problems.map((p) => `${p.line + 1}:${p.code}`);
  test('booleans in any case; the last assignment wins', () => {
    const doc = parseVsftpd('anonymous_enable=yes\nanonymous_enable=False\nlocal_enable=1\n');
    assert.equal(lastSetting(doc, 'anonymous_enable')?.bool, false);
    assert.equal(lastSetting(doc, 'local_enable')?.bool, true);
    assert.deepEqual(doc.problems, []);
  });
  test('refused by vsftpd: blanks around "=", an indented "#", a trailing blank, a missing value, CRLF', () => {
    assert.deepEqual(codes('anonymous_enable = NO\n'), ['1:spaces']);
    assert.equal(lastSetting(parseVsftpd('anonymous_enable = NO\n'), 'anonymous_enable')?.bool, false, 'what the author meant is kept for the rules');
    assert.deepEqual(codes('  # comment\n'), ['1:indented-comment']);
    assert.deepEqual(codes('listen=YES \n'), ['1:bad-bool']);
    assert.deepEqual(codes('listen=maybe\n'), ['1:bad-bool']);
    assert.deepEqual(codes('listen=\nmax_clients\n'), ['1:missing-value', '2:missing-value']);
    assert.deepEqual(codes('listen=YES\r\nanonymous_enable=NO\r\n'), ['1:crlf']);
    assert.deepEqual(codes('\ufefflisten=YES\n'), ['1:bom']);
  });
  test('strings may be empty; leading blanks before a setting are skipped; unknown names are flagged as uncertain', () => {
    assert.deepEqual(codes('ftpd_banner=\n   listen=YES\n'), []);
    const p = parseVsftpd('anonymous_enabel=NO\n').problems;
    assert.deepEqual(p.map((x) => [x.code, x.certain]), [['unknown-option', false]]);
  });
});

describe('xinetd: parse.c semantics', () => {
  const codes = (text: string) => parseXinetd(text).problems.map((p) => `${p.line + 1}:${p.code}`);
  test('a service entry and its attributes', () => {
    const doc = parseXinetd('# default: off\n' + TFTP);
    const e = doc.entries[0];
    assert.deepEqual([e.kind, e.name?.text, e.dropped], ['service', 'tftp', false]);
    assert.deepEqual(e.attrs.map((a) => `${a.name.text}${a.op?.text}${a.values.map((v) => v.text).join(' ')}`).slice(-2), ['server_args=-s /var/lib/tftpboot', 'disable=no']);
    assert.deepEqual(doc.problems, []);
  });
  test('"#" after a value is a value: disable = yes # off has three values and is ignored', () => {
    assert.deepEqual(codes(TFTP.replace('disable\t\t\t= no', 'disable = yes # off')), ['9:extra-values']);
  });
  test('a bad attribute line drops the service; so do a missing "{" and a missing "}"', () => {
    const noSpace = parseXinetd(TFTP.replace('disable\t\t\t= no', 'disable=no'));
    assert.deepEqual(noSpace.problems.map((p) => p.code), ['no-space-before-op']);
    assert.equal(noSpace.entries[0].dropped, true);
    assert.equal(parseXinetd(TFTP.replace('{\n', '')).entries[0].dropped, true);
    assert.equal(parseXinetd(TFTP.replace('}\n', '')).entries[0].dropped, true);
    assert.deepEqual(codes('disable = no\n' + TFTP), ['1:missing-keyword']);
  });
  test('includedir and defaults', () => {
    const doc = parseXinetd('defaults\n{\n\tlog_type = SYSLOG daemon info\n}\nincludedir /etc/xinetd.d\n');
    assert.deepEqual(doc.entries.map((e) => e.kind), ['defaults', 'includedir']);
    assert.deepEqual(doc.problems, []);
  });
});

describe('ftp: file detection', () => {
  test('vsftpd.conf (Debian and RHEL), xinetd.conf and xinetd.d service files', () => {
    assert.equal(detectKind('/etc/vsftpd.conf', '')?.kind, 'vsftpd');
    assert.equal(detectKind('/etc/vsftpd/vsftpd.conf', '')?.kind, 'vsftpd');
    assert.equal(detectKind('/etc/xinetd.conf', '')?.kind, 'xinetd');
    assert.equal(detectKind('/etc/xinetd.d/tftp', '')?.kind, 'xinetd');
  });
  test('xinetd skips files with a dot or a trailing ~ in xinetd.d, and so does pbxlint', () => {
    assert.equal(detectKind('/etc/xinetd.d/tftp.rpmnew', ''), undefined);
    assert.equal(detectKind('/etc/xinetd.d/tftp~', ''), undefined);
    assert.equal(detectKind('/etc/vsftpd/user_list', ''), undefined);
  });
});

describe('ftp: rules', () => {
  const ids = (path: string, text: string) => lintText({ path, text }).findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}:${f.severity}`);
  test("anonymous FTP: explicit YES, vsftpd's default (YES), and upload rights", () => {
    assert.deepEqual(ids('/etc/vsftpd.conf', 'listen=YES\nanonymous_enable=YES\n'), ['2:ftp-vsftpd-anonymous:warning']);
    assert.deepEqual(ids('/etc/vsftpd.conf', '# no anonymous_enable line\nlisten=YES\n'), ['2:ftp-vsftpd-anonymous:warning']);
    assert.deepEqual(ids('/etc/vsftpd.conf', 'anonymous_enable=YES\nwrite_enable=YES\nanon_upload_enable=YES\n'), ['1:ftp-vsftpd-anonymous:error']);
    assert.deepEqual(ids('/etc/vsftpd.conf', 'anonymous_enable=NO\n'), []);
    const r = lintText({ path: '/etc/vsftpd.conf', text: 'listen=YES\n' });
    assert.match(r.findings[0].message, /default is YES/);
  });
  test('TFTP: enabled, enabled by default, disabled, dropped by a parse error, restricted, with uploads', () => {
    const tftp = (t: string) => ids('/etc/xinetd.d/tftp', t);
    assert.deepEqual(tftp(TFTP), ['9:ftp-tftp-enabled:warning']);
    assert.deepEqual(tftp(TFTP.replace('\tdisable\t\t\t= no\n', '')), ['1:ftp-tftp-enabled:warning']);
    assert.deepEqual(tftp(TFTP.replace('= no', '= yes')), []);
    assert.deepEqual(tftp(TFTP.replace('disable\t\t\t= no', 'disable=no')), ['9:ftp-invalid-line:warning']);
    assert.deepEqual(tftp(TFTP.replace('disable\t\t\t= no', 'disable = no\n\tonly_from = 192.0.2.0/24')), ['9:ftp-tftp-enabled:info']);
    assert.deepEqual(tftp(TFTP.replace('-s /var', '-c -s /var')), ['9:ftp-tftp-enabled:error']);
    assert.deepEqual(tftp(TFTP.replace('= no', '= Yes')), ['9:ftp-invalid-line:warning'], '"Yes" is a bad value: xinetd drops the service');
  });
  test('TFTP found by its server in a service of another name', () => {
    assert.deepEqual(ids('/etc/xinetd.d/provisioning', TFTP.replace('service tftp', 'service provisioning')), ['9:ftp-tftp-enabled:warning']);
  });
});
