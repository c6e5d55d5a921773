import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessSecret, generateSecret, SECRET_ALPHABET } from '../server/src/engine/secrets';
import { ROOT, lint, loadRuleFixtures } from './helpers';

const ctx = { names: ['1001', 'alice', 'ext2002'], minLength: 12 };

describe('weak secrets', () => {
  const weak: [string, string][] = [
    ['1234', 'shorter than 8'],
    ['1001', 'equals the account name'],
    ['zq2002office', 'digits of the account name'],
    ['ecila-2024-xyz', 'contains the account name'],
    ['12345678901', 'all digits'],
    ['amp111', 'default'],
    ['Passw0rd!2024', 'default'],
    ['Dr4gon!2024', 'dictionary'],
    ['Summer2019', 'dictionary'],
    ['aaaaaaaaaaaa', 'repeated or sequential'],
    ['qwertyuiop', 'sequential'],
    ['abcdefghijkl', 'sequential'],
  ];
  for (const [secret, reason] of weak) {
    test(`weak: ${reason}`, () => {
      const v = assessSecret(secret, ctx);
      assert.ok(v, `${reason} not detected`);
      assert.ok(v.reasons.some((r) => r.includes(reason.split(' ')[0])), v.reasons.join('; '));
      for (const r of v.reasons) assert.ok(!r.includes(secret), 'a reason repeats the secret');
    });
  }
  test('short but otherwise fine is a warning, not an error', () => {
    assert.equal(assessSecret('Xk9-vB2.q', ctx)?.severity, 'warning');
  });
  test('strong secrets pass', () => {
    for (const s of ['Vq3-kP9_zLm2-Xw7.Rt5', 'Hq8.nW2-cT6_yB4-Lp9Zs', generateSecret()]) assert.equal(assessSecret(s, ctx), undefined, s);
  });
  test('quotes are stripped before judging', () => {
    assert.ok(assessSecret('"1234"', ctx));
  });
});

describe('generated secrets', () => {
  test('24 characters from the safe alphabet, all different, from crypto', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = generateSecret();
      assert.equal(s.length, 24);
      for (const c of s) assert.ok(SECRET_ALPHABET.includes(c));
      assert.ok(!/[;\\"',#\s@:&/]/.test(s));
      seen.add(s);
    }
    assert.equal(seen.size, 200);
    assert.throws(() => generateSecret(12));
    // Never weak, whatever the account is called (a replaced secret must not be reported again).
    for (let i = 0; i < 5000; i++) {
      const s = generateSecret();
      assert.equal(assessSecret(s, { names: ['ari', '100', 'abc', 'a1b', 'admin', 'fop'], minLength: 12 }), undefined, s);
    }
    const src = readFileSync(join(ROOT, 'server', 'src', 'engine', 'secrets.ts'), 'utf8');
    assert.ok(!src.includes('Math.random'), 'secrets come from the CSPRNG only');
  });
});

describe('no secret is ever printed', () => {
  test('no finding message or fix title contains a secret from any fixture', () => {
    let checked = 0;
    for (const fx of loadRuleFixtures()) {
      const r = lint(fx.lintPath, fx.text);
      const names = new Set((r.doc as { sections?: { name: string }[] } | undefined)?.sections?.map((s) => s.name.toLowerCase()) ?? []);
      const secrets = [...fx.text.matchAll(/^\s*(?:secret|remotesecret|password)\s*=\s*([^;\s]+)/gim)].map((m) => m[1]);
      secrets.push(...[...fx.text.matchAll(/register\s*=>\s*[^:]+:([^@:]+)/gi)].map((m) => m[1]));
      for (const s of secrets) {
        if (s.length < 4 || names.has(s.toLowerCase())) continue; // equal to a public account name
        for (const f of r.findings) {
          assert.ok(!f.message.includes(s), `${fx.file}: message shows a secret`);
          for (const x of f.fixes) assert.ok(!x.title.includes(s), `${fx.file}: fix title shows a secret`);
        }
        checked++;
      }
    }
    assert.ok(checked > 10, `only ${checked} secrets checked`);
  });
});

describe('quoting config text in messages', () => {
  test('values after = or :, and password-like words, are never shown', async () => {
    const { safeQuote } = await import('../server/src/engine/secrets.js');
    assert.equal(safeQuote('passwd=hunter2'), 'passwd=…');
    assert.equal(safeQuote('zq7secret1'), '(value not shown)');
    assert.equal(safeQuote('requird'), 'requird');
    assert.equal(safeQuote('x'.repeat(40)), `${'x'.repeat(24)}…`);
  });
});

describe('messages never carry what a lone CR hides', () => {
  test('a value that runs past a CR is cut there in the message', () => {
    // To Asterisk this is one line: webenabled's value is "secret=…". The editor shows two lines.
    const text = '[general]\nenabled=yes\nbindaddr=127.0.0.1\nwebenabled=maybe\rsecret=Zq7-hidden-pw\n';
    const r = lint('/etc/asterisk/manager.conf', text);
    assert.ok(r.findings.length > 0);
    for (const f of r.findings) assert.ok(!f.message.includes('Zq7-hidden-pw'), f.message);
  });
});
