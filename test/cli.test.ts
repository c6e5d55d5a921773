/** The real CLI bundle (dist/cli.js) as a user runs it: formats, exit codes, errors. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT } from './helpers';

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbxlint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// Hardened; the note that chan_sip is deprecated (info on every sip.conf) is accepted on purpose.
const CLEAN_SIP = '; pbxlint-disable-file sip-chan-sip-deprecated -- stays on chan_sip until the upgrade\n[general]\nallowguest=no\nalwaysauthreject=yes\nallowtransfer=no\nudpbindaddr=192.0.2.10\nuseragent=PBX\nsdpsession=PBX\n';

describe('pbxlint CLI', () => {
  test('the bundled example shows real findings and exits 1', () => {
    const r = run(['examples']);
    assert.equal(r.code, 1, r.stderr);
    for (const id of ['sip-allowguest', 'sip-secret-weak', 'ami-bind-public', 'ami-secret-weak', 'sip-insecure-invite', 'pjsip-endpoint-no-auth', 'dialplan-exten-injection', 'mysql-bind-all-interfaces', 'pam-tally-removed', 'sshd-permit-root-login', 'apache-listen-all-interfaces', 'f2b-asterisk-jail-disabled', 'iptables-input-policy-accept', 'freepbx-default-password']) {
      assert.ok(r.stdout.includes(id), id);
    }
    assert.match(r.stdout, /\d+ problems \(\d+ errors, \d+ warnings, \d+ info\) in 12 files checked/);
    // The example's weak secrets never appear in the output.
    for (const s of ['amp111', 'amp109', 'Summer2019', 'secret=1234', 'password=2001']) assert.ok(!r.stdout.includes(s), s);
  });
  test('walks directories, lints only files it recognises', () => {
    const dir = tmpTree({ 'etc/asterisk/sip.conf': CLEAN_SIP, 'etc/nginx/nginx.conf': 'server { }\n', 'etc/asterisk/sip_custom.conf': '[1001]\ntype=friend\nhost=dynamic\nsecret=1001\n' });
    const r = run(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path.slice(dir.length + 1)).sort(), ['etc/asterisk/sip.conf', 'etc/asterisk/sip_custom.conf']);
    assert.equal(r.code, 1);
  });
  test('exit 0 when nothing reaches --fail-on; --fail-on lowers the bar', () => {
    const dir = tmpTree({ 'sip.conf': CLEAN_SIP + 'alwaysauthreject=no\n' });
    assert.equal(run([dir]).code, 0, 'a warning does not fail by default');
    assert.equal(run(['--fail-on', 'warning', dir]).code, 1);
    assert.equal(run(['--fail-on=warning', '--rule', 'sip-alwaysauthreject=off', dir]).code, 0);
    assert.equal(run(['--fail-on', 'info', tmpTree({ 'sip.conf': CLEAN_SIP })]).code, 0);
  });
  test('JSON output: 1-based positions, docs links, no secrets', () => {
    const dir = tmpTree({ 'manager.conf': '[general]\nenabled=yes\nbindaddr=127.0.0.1\n\n[admin]\nsecret=amp111\n' });
    const r = run(['--format', 'json', dir]);
    assert.ok(!r.stdout.includes('amp111'));
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'ami-secret-weak');
    assert.equal(f.line, 6);
    assert.equal(f.column, 8);
    assert.match(f.docs, /docs\/rules\/ami-secret-weak\.md$/);
  });
  test('SARIF 2.1.0 with ruleId, level, 1-based startLine and helpUri', () => {
    const r = run(['--format', 'sarif', 'examples']);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules as { id: string; helpUri: string }[];
    assert.ok(rules.every((x) => /^https:\/\/.+\/docs\/rules\/[a-z0-9-]+\.md$/.test(x.helpUri)));
    assert.ok(run0.results.length > 5);
    for (const res of run0.results) {
      assert.ok(rules.some((x) => x.id === res.ruleId));
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assert.ok(loc.region.startLine >= 1);
      assert.match(loc.artifactLocation.uri, /^examples\/etc\/[a-z0-9._/]+$/);
    }
    const sip = readFileSync(join(ROOT, 'examples/etc/asterisk/sip.conf'), 'utf8').split('\n');
    const guest = run0.results.find((x: { ruleId: string }) => x.ruleId === 'sip-allowguest');
    assert.equal(sip[guest.locations[0].physicalLocation.region.startLine - 1], '[general]');
  });
  test('usage errors and unreadable paths exit 2 and name the problem', () => {
    let r = run(['--format', 'xml', 'examples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json or sarif/);
    r = run(['--bogus']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option '--bogus'/);
    r = run(['--rule', 'no-such-rule=off', 'examples']);
    assert.equal(r.code, 2);
    r = run(['/no/such/path/sip.conf']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\/no\/such\/path\/sip\.conf: no such file or directory/);
    if (process.getuid && process.getuid() !== 0) {
      const dir = tmpTree({ 'sip.conf': CLEAN_SIP });
      chmodSync(join(dir, 'sip.conf'), 0o000);
      r = run([join(dir, 'sip.conf')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /permission denied/);
    }
  });
  test('the project file .pbxlintrc.json applies, the command line wins over it, a broken one exits 2', () => {
    const dir = tmpTree({ 'etc/asterisk/sip.conf': CLEAN_SIP + 'alwaysauthreject=no\n', '.pbxlintrc.json': JSON.stringify({ rules: { 'sip-alwaysauthreject': 'error' } }) });
    assert.equal(run(['etc'], dir).code, 1, 'the project file raised the rule to error');
    assert.equal(run(['--rule', 'sip-alwaysauthreject=off', '--fail-on', 'info', 'etc'], dir).code, 0, 'the command line wins');
    const other = tmpTree({ 'x.json': JSON.stringify({ asteriskVersion: '1.6' }), 'sip.conf': '[general]\nallowguest=no\nallowtransfer=no\n' });
    assert.equal(run(['--config', join(other, 'x.json'), '--fail-on', 'warning', join(other, 'sip.conf')]).code, 1, '1.6 defaults: alwaysauthreject off');
    const broken = tmpTree({ '.pbxlintrc.json': '{ "rules": ', 'sip.conf': CLEAN_SIP });
    const r = run(['sip.conf'], broken);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.pbxlintrc\.json is not valid JSON/);
    const unknown = tmpTree({ '.pbxlintrc.json': JSON.stringify({ rulez: {} }), 'sip.conf': CLEAN_SIP });
    const u = run(['sip.conf'], unknown);
    assert.equal(u.code, 2);
    assert.match(u.stderr, /unknown setting "rulez" does nothing/);
  });
  test('fileKinds and exclude from .pbxlintrc.json', () => {
    const dir = tmpTree({
      '.pbxlintrc.json': JSON.stringify({ fileKinds: { '**/asterisk/*.cfg': 'manager' }, exclude: ['**/backup/**'] }),
      'etc/asterisk/ami.cfg': '[general]\nenabled=yes\nbindaddr=0.0.0.0\n',
      'etc/asterisk/backup/sip.conf': '[general]\nallowguest=yes\n',
    });
    const out = JSON.parse(run(['--format', 'json', 'etc'], dir).stdout);
    const paths = out.files.map((f: { path: string; kind: string }) => `${f.path}:${f.kind}`);
    assert.ok(paths.includes('etc/asterisk/ami.cfg:manager'), paths.join(' '));
    assert.ok(!paths.some((p: string) => p.includes('backup')), 'excluded');
  });
  test('sshd_config and pam.d/sshd read each other when both are in the tree given', () => {
    const faillock = 'auth required pam_faillock.so preauth\n@include common-auth\nauth [default=die] pam_faillock.so authfail\naccount required pam_faillock.so\n';
    const both = tmpTree({ 'etc/ssh/sshd_config': 'PasswordAuthentication yes\n', 'etc/pam.d/sshd': faillock, 'etc/pam.d/common-auth': 'auth [success=1 default=ignore] pam_unix.so\nauth requisite pam_deny.so\nauth required pam_permit.so\n' });
    const f = JSON.parse(run(['--format', 'json', 'etc'], both).stdout).files.find((x: { path: string }) => x.path.endsWith('sshd_config'));
    const pw = f.findings.find((x: { ruleId: string }) => x.ruleId === 'sshd-password-authentication');
    assert.equal(pw.severity, 'info');
    assert.match(pw.message, /pam\.d\/sshd locks accounts after failed logins \(checked\)/);
    // Only the sshd_config folder given: pam.d is outside, so the safe assumption, and a warning.
    const alone = JSON.parse(run(['--format', 'json', 'etc/ssh'], both).stdout).files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'sshd-password-authentication');
    assert.equal(alone.severity, 'warning');
    assert.match(alone.message, /cannot see \/etc\/pam\.d\/sshd/);
    // pam_tally2 is no lockout on Linux-PAM 1.5+: the warning stays, and says why.
    const tally = tmpTree({ 'etc/ssh/sshd_config': 'PasswordAuthentication yes\n', 'etc/pam.d/sshd': 'auth required pam_tally2.so deny=3 unlock_time=120\n@include common-auth\n' });
    const t = JSON.parse(run(['--format', 'json', 'etc'], tally).stdout).files.find((x: { path: string }) => x.path.endsWith('sshd_config')).findings.find((x: { ruleId: string }) => x.ruleId === 'sshd-password-authentication');
    assert.equal(t.severity, 'warning');
    assert.match(t.message, /still uses pam_tally, which Linux-PAM 1\.5 removed: there is no working lockout \(checked/);
    const off = tmpTree({ 'etc/ssh/sshd_config': 'PasswordAuthentication no\n', 'etc/pam.d/sshd': '@include common-auth\naccount required pam_nologin.so\n' });
    const lock = JSON.parse(run(['--format', 'json', 'etc'], off).stdout).files.find((x: { path: string }) => x.path.endsWith('pam.d/sshd')).findings.find((x: { ruleId: string }) => x.ruleId === 'pam-lockout-missing');
    assert.equal(lock.severity, 'info');
    assert.match(lock.message, /turns password logins off \(checked\)/);
  });
  test('pbxlint audit: a summary by kind; binary and oversized files are skipped with a note', () => {
    const dir = tmpTree({ 'etc/asterisk/sip.conf': CLEAN_SIP, 'etc/ssh/sshd_config': 'PermitRootLogin yes\n' });
    writeFileSync(join(dir, 'etc/asterisk/manager.conf'), Buffer.from([0x5b, 0x67, 0x00, 0xff]));
    writeFileSync(join(dir, 'etc/asterisk/extensions.conf'), '[x]\n' + 'exten => 1,1,NoOp()\n'.repeat(500_000));
    const r = run(['audit', 'etc'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /By file kind:\n\s+sshd\s+1 file\s+1 errors/);
    assert.match(r.stderr, /skipped etc\/asterisk\/manager\.conf: binary/);
    assert.match(r.stderr, /skipped etc\/asterisk\/extensions\.conf: too large to lint \(10 MB; the limit is 8 MB\)/);
  });
  test('--kind forces the kind of an unusual file name; --help and --version', () => {
    const dir = tmpTree({ 'trunks.txt': '[general]\nallowguest=yes\n' });
    const r = run(['--kind', 'sip', join(dir, 'trunks.txt')]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('sip-allowguest'));
    assert.match(run(['--help']).stdout, /Usage: pbxlint/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
  test('the inline suppression report and --no-inline-suppressions', () => {
    const dir = tmpTree({ 'sip.conf': '[general]\nalwaysauthreject=yes\nallowtransfer=no\n; pbxlint-disable-next-line sip-allowguest -- lab only\nallowguest=yes\n' });
    let r = run([dir]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /1 suppressed inline/);
    r = run(['--no-inline-suppressions', dir]);
    assert.equal(r.code, 1);
    r = run(['--report-suppressions', dir]);
    assert.match(r.stdout, /sip\.conf:4: next-line sip-allowguest -- lab only \[hides 1\]\n1 inline suppression\n/);
    const json = JSON.parse(run(['--format', 'json', dir]).stdout);
    assert.deepEqual(json.files[0].suppressions, [{ line: 4, scope: 'next-line', rules: ['sip-allowguest'], reason: 'lab only', hidden: 1 }]);
  });
});
