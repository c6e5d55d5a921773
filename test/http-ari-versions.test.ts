/** http.conf and ari.conf rules whose verdict depends on pbxlint.asteriskVersion. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../server/src/engine/lint';
import { DEFAULT_SETTINGS, Settings } from '../server/src/engine/settings';
import { applyEdits } from '../server/src/engine/text';
import { sha512Crypt } from '../server/src/engine/rules/ari/sha512-crypt';

const at = (asteriskVersion: string): Settings => ({ ...DEFAULT_SETTINGS, asteriskVersion });
const ids = (path: string, text: string, version: string, rule: string) =>
  lintText({ path, text, settings: at(version) }).findings.filter((f) => f.ruleId === rule);

describe('http-enable-status: the /httpstatus default per version', () => {
  const text = '[general]\nservername=Asterisk\nenabled=yes\nbindaddr=192.0.2.1\ntlsenable=yes\n';
  const cases: [string, boolean][] = [
    ['1.8', true], ['11', true], ['13', true], ['13.31', true], ['16.7', true], ['18', true], ['20.18', true],
    ['20.19', false], ['21.12', true], ['21.13', false], ['22.8', true], ['22.9', false], ['23.2', true], ['23.3', false], ['24', false],
  ];
  for (const [v, fires] of cases) {
    test(`${v}: ${fires ? 'reported' : 'quiet'} when enable_status is absent`, () => assert.equal(ids('http.conf', text, v, 'http-enable-status').length, fires ? 1 : 0));
  }
  test('an explicit enable_status=yes is reported on every version', () => {
    assert.equal(ids('http.conf', `${text}enable_status=yes\n`, '23.3', 'http-enable-status').length, 1);
  });
});

describe('ari-user-no-acl: per-user ARI ACLs exist from 20.21, 22.11, 23.5', () => {
  const hash = '$6$Qx7pLm2vRt9sKw4e$UeuuR3mxu5xTEgfkIktEaKAFYmOW7RbhOEP8aEJvaQ4DfNTLZbN4JRyCscoH9uaX.yx6Q32d1wuSfZSVMdOJO1';
  const open = `[general]\nenabled=yes\n\n[crm]\ntype=user\npassword_format=crypt\npassword=${hash}\n`;
  const restricted = `${open}deny=0.0.0.0/0.0.0.0\ndeny=::/0\npermit=192.0.2.10\n`;
  for (const v of ['20.21', '21.13', '22.11', '23.5', '24']) {
    test(`${v}: a user without ACL is reported (info), one with an ACL is not`, () => {
      const f = ids('ari.conf', open, v, 'ari-user-no-acl');
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'info');
      assert.equal(ids('ari.conf', restricted, v, 'ari-user-no-acl').length, 0);
    });
  }
  for (const v of ['13', '18', '20.20', '21.12', '22.10', '23.4']) {
    test(`${v}: no per-user ACL exists; ACL lines are reported as not understood`, () => {
      assert.equal(ids('ari.conf', open, v, 'ari-user-no-acl').length, 0);
      const f = ids('ari.conf', restricted, v, 'ari-user-no-acl');
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'warning');
    });
  }
});

describe('ari-password-plain: the crypt fix keeps the password', () => {
  test('the rewritten file holds a $6$ hash of the same password and password_format=crypt', () => {
    const text = '[general]\nenabled = yes\n\n[crm]\ntype = user\npassword = Vq3-kP9_zLm2-Xw7.Rt5 ; the app\n';
    const r = lintText({ path: 'ari.conf', text });
    const f = r.findings.find((x) => x.ruleId === 'ari-password-plain')!;
    const fixed = applyEdits(text, f.fixes[0].edits);
    const m = /password = (\$6\$([^$]+)\$\S+) ; the app\npassword_format = crypt\n$/.exec(fixed);
    assert.ok(m, fixed);
    assert.equal(sha512Crypt('Vq3-kP9_zLm2-Xw7.Rt5', m[2]), m[1]);
  });
});
