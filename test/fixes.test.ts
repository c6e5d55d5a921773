/** Fixes are minimal edits: exact text, the file's own style, nothing else touched. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../server/src/engine/text';
import { lint } from './helpers';

function applyFirstFix(path: string, text: string, ruleId: string, n = 0): string {
  const f = lint(path, text).findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `${ruleId} not reported`);
  return applyEdits(text, f.fixes[n].edits);
}

describe('fix text', () => {
  test('a missing key is inserted after the last setting of [general], not after its trailing comments', () => {
    const text = '[general]\nalwaysauthreject=yes\nallowtransfer=no\n\n; phones\n[1001]\ntype=friend\nhost=dynamic\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\n';
    assert.equal(applyFirstFix('sip.conf', text, 'sip-allowguest'), text.replace('allowtransfer=no\n', 'allowtransfer=no\nallowguest=no\n'));
  });
  test("the section's indentation and `key = value` spacing are kept", () => {
    const text = '[general]\n    alwaysauthreject = yes\n    allowtransfer = no\n';
    assert.equal(applyFirstFix('sip.conf', text, 'sip-allowguest'), text + '    allowguest = no\n');
  });
  test('CRLF files get CRLF lines; a file without a final newline keeps its last line intact', () => {
    const crlf = '[general]\r\nalwaysauthreject=yes\r\nallowtransfer=no\r\n';
    assert.equal(applyFirstFix('sip.conf', crlf, 'sip-allowguest'), crlf + 'allowguest=no\r\n');
    const noEol = '[general]\nalwaysauthreject=yes\nallowtransfer=no';
    assert.equal(applyFirstFix('sip.conf', noEol, 'sip-allowguest'), noEol + '\nallowguest=no');
  });
  test('no [general] at all: one is created before the first section', () => {
    const text = '; my peers\n[1001]\ntype=friend\nhost=dynamic\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\n';
    assert.equal(applyFirstFix('sip.conf', text, 'sip-allowguest'), '; my peers\n[general]\nallowguest=no\n\n[1001]\ntype=friend\nhost=dynamic\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\n');
  });
  test('in an included fragment the top-level value is replaced, no second [general] is made', () => {
    const text = '; included inside [general]\nalwaysauthreject=no\nallowguest=no\n';
    assert.equal(applyFirstFix('/etc/asterisk/sip_general_custom.conf', text, 'sip-alwaysauthreject'), text.replace('alwaysauthreject=no', 'alwaysauthreject=yes'));
  });
  test('an existing value is replaced in place, its comment kept', () => {
    const text = '[general]\nallowguest=no\nalwaysauthreject = no   ; why not\nallowtransfer=no\n';
    assert.equal(applyFirstFix('sip.conf', text, 'sip-alwaysauthreject'), text.replace('= no   ;', '= yes   ;'));
  });
  test('a weak secret inherited from a template is fixed once, in the template', () => {
    const text = '[general]\nallowguest=no\nalwaysauthreject=yes\nallowtransfer=no\n[t](!)\ntype=friend\nhost=dynamic\nsecret=1234 ; shared\n[1001](t)\n[1002](t)\n';
    const findings = lint('sip.conf', text).findings.filter((f) => f.ruleId === 'sip-secret-weak');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /peers '1001' and '1002' \(set in template 't'\)/);
    const fixed = applyEdits(text, findings[0].fixes[0].edits);
    assert.match(fixed, /^secret=[A-Za-z0-9._-]{24} ; shared$/m);
    assert.equal(fixed.replace(/^secret=\S+/m, 'secret=1234'), text);
  });
  test('the registration fix deletes that line and adds qualify=yes to the provider peer', () => {
    const text = '[general]\nallowguest=no\nalwaysauthreject=yes\nallowtransfer=no\nregister => 555:Hq8.nW2-cT6_yB4-Lp9Zs@sip.example.net\n\n[trunk]\ntype=peer\nhost=sip.example.net\ncontext=from-trunk\n';
    assert.equal(
      applyFirstFix('sip.conf', text, 'sip-register-credentials'),
      '[general]\nallowguest=no\nalwaysauthreject=yes\nallowtransfer=no\n\n[trunk]\ntype=peer\nhost=sip.example.net\ncontext=from-trunk\nqualify=yes\n',
    );
  });
  test('the AMI ACL fix inserts deny lines before the first permit', () => {
    const text = '[general]\nenabled=yes\nbindaddr=192.0.2.1\n\n[panel]\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\npermit=192.0.2.0/255.255.255.0\n';
    assert.equal(
      applyFirstFix('manager.conf', text, 'ami-user-no-acl'),
      text.replace('permit=', 'deny=0.0.0.0/0.0.0.0\ndeny=::/0\npermit='),
    );
  });
  test('the escaped `--;` keeps the rest of the file alive', () => {
    const text = '[general]\nuseragent=PBX--;\nallowguest=no\n';
    assert.equal(applyFirstFix('sip.conf', text, 'config-stray-comment-end'), '[general]\nuseragent=PBX--\\;\nallowguest=no\n');
  });
});
