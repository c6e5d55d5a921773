import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_SCHEMA, resolveSettings, DEFAULT_SETTINGS, compareVersion } from '../server/src/engine/settings';
import { RULE_IDS } from '../server/src/engine/rules';
import { detectKind } from '../server/src/engine/kinds';
import { ROOT, lint } from './helpers';

describe('one settings schema', () => {
  test("package.json's contributed settings say what the engine's schema says", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties as Record<string, { type: string; default: unknown; enum?: string[]; items?: { enum?: string[] } }>;
    assert.deepEqual(Object.keys(props).sort(), SETTINGS_SCHEMA.map((s) => `pbxlint.${s.key}`).sort());
    for (const s of SETTINGS_SCHEMA) {
      const p = props[`pbxlint.${s.key}`];
      assert.equal(p.type, s.type, s.key);
      assert.deepEqual(p.default, s.default, s.key);
      assert.deepEqual(p.enum ?? p.items?.enum, s.enum, s.key);
    }
  });
  test('the .pbxlintrc.json schema has the same keys, types and defaults', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'pbxlintrc.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), SETTINGS_SCHEMA.map((s) => s.key).sort());
    for (const s of SETTINGS_SCHEMA) {
      assert.equal(schema.properties[s.key].type, s.type, s.key);
      assert.deepEqual(schema.properties[s.key].default, s.default, s.key);
    }
    assert.equal(schema.additionalProperties, false);
  });
  test('settings that cannot apply are reported, never silently ignored', () => {
    const { settings, problems } = resolveSettings(
      { asteriskVersion: 'eighteen', minSecretLength: 4, rules: { 'no-such-rule': 'off', 'sip-allowguest': 'loud' }, bogus: 1, run: 'sometimes' },
      RULE_IDS,
    );
    assert.equal(settings.asteriskVersion, DEFAULT_SETTINGS.asteriskVersion);
    assert.equal(settings.minSecretLength, 8);
    assert.equal(settings.run, 'onType');
    const keys = problems.map((p) => p.key).sort();
    assert.deepEqual(keys, ['asteriskVersion', 'bogus', 'minSecretLength', 'rules.no-such-rule', 'rules.sip-allowguest', 'run']);
  });
  test('null (a client that answers nothing) means the defaults', () => {
    assert.deepEqual(resolveSettings(null, RULE_IDS), { settings: { ...DEFAULT_SETTINGS, rules: {} }, problems: [] });
  });
  test('versions compare numerically', () => {
    const s = (v: string) => ({ ...DEFAULT_SETTINGS, asteriskVersion: v });
    assert.ok(compareVersion(s('1.6.2'), 1, 8) < 0);
    assert.ok(compareVersion(s('1.8'), 1, 8) === 0);
    assert.ok(compareVersion(s('13'), 1, 8) > 0);
    assert.ok(compareVersion(s('10'), 11) < 0);
  });
});

describe('settings change findings', () => {
  const text = '[general]\nallowguest=no\nallowtransfer=no\n';
  test('alwaysauthreject: absent is fine on 1.8+, a finding on 1.6', () => {
    assert.ok(!lint('sip.conf', text).findings.some((f) => f.ruleId === 'sip-alwaysauthreject'));
    const old = lint('sip.conf', text, { ...DEFAULT_SETTINGS, asteriskVersion: '1.6.2' });
    assert.ok(old.findings.some((f) => f.ruleId === 'sip-alwaysauthreject'));
  });
  test('per-rule severity and off', () => {
    const t = '[general]\nalwaysauthreject=yes\nallowtransfer=no\n';
    const on = lint('sip.conf', t, { ...DEFAULT_SETTINGS, rules: { 'sip-allowguest': 'info' } });
    assert.equal(on.findings.find((f) => f.ruleId === 'sip-allowguest')?.severity, 'info');
    const off = lint('sip.conf', t, { ...DEFAULT_SETTINGS, rules: { 'sip-allowguest': 'off' } });
    assert.equal(off.findings.filter((f) => f.ruleId === 'sip-allowguest').length, 0);
    assert.ok(lint('sip.conf', t).findings.some((f) => f.ruleId === 'sip-allowguest'), 'on by default');
  });
  test('inline suppressions, and turning them off', () => {
    const t = '[general]\nalwaysauthreject=yes\nallowtransfer=no\n; pbxlint-disable-next-line sip-allowguest -- lab box, no trunk\nallowguest=yes\n';
    const r = lint('sip.conf', t);
    assert.equal(r.findings.filter((f) => f.ruleId === 'sip-allowguest').length, 0);
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.suppressed[0].by.reason, 'lab box, no trunk');
    assert.equal(lint('sip.conf', t, { ...DEFAULT_SETTINGS, inlineSuppressions: false }).findings.filter((f) => f.ruleId === 'sip-allowguest').length, 1);
  });
});

describe('file kinds', () => {
  const cases: [string, string | undefined, boolean?][] = [
    ['/etc/asterisk/sip.conf', 'sip', false],
    ['sip.conf.sample', 'sip', false],
    ['/etc/asterisk/sip_custom.conf', 'sip', true],
    ['/etc/asterisk/sip_general_additional.conf', 'sip', true],
    ['/etc/asterisk/manager_custom.conf', 'manager', true],
    ['C:\\pbx\\manager.conf', 'manager', false],
    ['/etc/asterisk/pjsip.endpoint.conf', 'pjsip', true],
    ['/etc/asterisk/voicemail.conf', 'asterisk-other'],
    ['/etc/asterisk/sip_notify.conf', 'asterisk-other'],
    ['/etc/nginx/nginx.conf', undefined],
    ['/home/me/project.conf', undefined],
    ['/tmp/sip.txt', undefined],
  ];
  for (const [path, kind, fragment] of cases) {
    test(`${path} -> ${kind ?? 'not ours'}`, () => {
      const k = detectKind(path, '[general]\n');
      assert.equal(k?.kind, kind);
      if (fragment !== undefined) assert.equal(k?.fragment, fragment);
    });
  }
  test('content decides for unusual names in an asterisk folder; a pbxlint-kind comment always', () => {
    assert.equal(detectKind('/etc/asterisk/trunks.conf', '[general]\nallowguest=no\n')?.kind, 'sip');
    assert.equal(detectKind('/srv/whatever.txt', '; pbxlint-kind: manager\n[general]\n')?.kind, 'manager');
    assert.equal(detectKind('/srv/x.conf', '[general]\nallowguest=no\n', { languageId: 'asterisk-config' })?.kind, 'sip');
  });
});

describe('fileKinds and exclude', () => {
  test('globs: ** across folders, * within one, {a,b}, base-name patterns', async () => {
    const { globMatch } = await import('../server/src/engine/glob.js');
    assert.ok(globMatch('**/trunks/*.conf', '/srv/pbx/trunks/provider.conf'));
    assert.ok(!globMatch('**/trunks/*.conf', '/srv/pbx/trunks/sub/provider.conf'));
    assert.ok(globMatch('*.orig', '/etc/asterisk/sip.conf.orig'));
    assert.ok(globMatch('**/backup/**', '/etc/asterisk/backup/2024/sip.conf'));
    assert.ok(globMatch('/etc/{ssh,pam.d}/*', '/etc/pam.d/sshd'));
    assert.ok(!globMatch('/etc/{ssh,pam.d}/*', '/etc/mysql/my.cnf'));
  });
  test('a forced kind lints a file pbxlint cannot recognise; an unknown kind is reported', () => {
    const { settings, problems } = resolveSettings({ fileKinds: { '**/trunks/*.conf': 'sip', '*.cfg': 'telephone' }, exclude: ['**/backup/**'] }, RULE_IDS);
    assert.deepEqual(problems.map((p) => p.key), ['fileKinds.*.cfg']);
    const r = lint('/srv/pbx/trunks/provider.conf', '[general]\nallowguest=yes\n', settings);
    assert.equal(r.kind?.kind, 'sip');
    assert.equal(r.kind?.reason, 'forced');
    assert.ok(r.findings.some((f) => f.ruleId === 'sip-allowguest'));
    assert.equal(lint('/srv/pbx/other/provider.conf', '[general]\nallowguest=yes\n', settings).kind, undefined);
  });
});

describe('reading a neighbouring file', () => {
  test('only under the roots given, never through a symbolic link that leads outside', async () => {
    const { makeReader } = await import('../server/src/engine/walk.js');
    const { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const outside = mkdtempSync(join(tmpdir(), 'pbxlint-out-'));
    writeFileSync(join(outside, 'shadow'), 'root:x:0:0');
    const root = mkdtempSync(join(tmpdir(), 'pbxlint-root-'));
    mkdirSync(join(root, 'pam.d'));
    writeFileSync(join(root, 'pam.d', 'sshd'), 'auth required pam_faillock.so preauth\n');
    symlinkSync(join(outside, 'shadow'), join(root, 'pam.d', 'evil'));
    const read = makeReader([root]);
    assert.match(read(join(root, 'pam.d', 'sshd')) ?? '', /pam_faillock/);
    assert.equal(read(join(outside, 'shadow')), undefined);
    assert.equal(read(join(root, 'pam.d', 'evil')), undefined, 'a link out of the root is not followed');
    assert.equal(read(join(root, 'pam.d', '..', '..', outside.split('/').pop()!, 'shadow')), undefined);
  });
});

describe('trustedNetworks and secretChecks', () => {
  test('invalid networks and unknown checks are reported; valid ones kept', () => {
    const { settings, problems } = resolveSettings({ trustedNetworks: ['192.0.2.0/24', 'office', '2001:db8::/129'], secretChecks: ['length', 'vibes'] }, RULE_IDS);
    assert.deepEqual(settings.trustedNetworks, ['192.0.2.0/24']);
    assert.deepEqual(settings.secretChecks, ['length']);
    assert.equal(problems.length, 3);
  });
  test('secretChecks turns individual checks off', () => {
    const text = '[general]\nenabled=yes\nbindaddr=127.0.0.1\n\n[admin]\nsecret=12345678901234\ndeny=0.0.0.0/0.0.0.0\npermit=127.0.0.1/255.255.255.255\n';
    assert.ok(lint('/etc/asterisk/manager.conf', text).findings.some((f) => f.ruleId === 'ami-secret-weak'));
    const relaxed = { ...DEFAULT_SETTINGS, secretChecks: ['length', 'account-name', 'known-default', 'dictionary'] };
    assert.ok(!lint('/etc/asterisk/manager.conf', text, relaxed).findings.some((f) => f.ruleId === 'ami-secret-weak'));
  });
  test('fail2ban ignoreip is checked against trustedNetworks, and the fix adds exactly those', async () => {
    const { applyEdits } = await import('../server/src/engine/text.js');
    const text = '[DEFAULT]\nignoreip = 127.0.0.1/8 ::1 198.51.100.0/24\nbantime = 1h\n';
    const settings = { ...DEFAULT_SETTINGS, trustedNetworks: ['198.51.100.7', '192.0.2.0/24'] };
    const f = lint('/etc/fail2ban/jail.local', text, settings).findings.find((x) => x.ruleId === 'f2b-ignoreip-own-networks')!;
    assert.match(f.message, /does not list 192\.0\.2\.0\/24 from pbxlint\.trustedNetworks/);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(fixed, text.replace('198.51.100.0/24', '198.51.100.0/24 192.0.2.0/24'));
    assert.ok(!lint('/etc/fail2ban/jail.local', fixed, settings).findings.some((x) => x.ruleId === 'f2b-ignoreip-own-networks'));
  });
});
