/**
 * The PAM parser (host-syntax.md §3): losslessness on every corpus file and on edge cases,
 * libpam's tokenisation (brackets, continuations, `#` anywhere, `@include`, `-type`), and the
 * lockout fixes applied to the real Debian 12 /etc/pam.d/sshd, which must give exactly the
 * stack verified with pamtester (corpus: synthetic/pam/sshd.faillock-explicit-stack).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePam, pamPieces, parseControl, PamDocument, printPam } from '../server/src/engine/host/pam/parser';
import { lintText, INTERNAL_ERROR_ID, LintResult } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/engine/text';
import { corpusAvailable } from './helpers';

function assertLosslessPam(text: string, doc: PamDocument = parsePam(text)): void {
  let pos = 0;
  for (const p of pamPieces(doc)) {
    assert.equal(p.start, pos, `piece gap at ${pos}`);
    assert.ok(p.end > p.start);
    pos = p.end;
  }
  assert.equal(pos, text.length, 'pieces cover the whole text');
  assert.equal(printPam(doc), text);
}

const rule = (doc: PamDocument, i: number) => doc.rules[i];
const words = (doc: PamDocument, i: number) => doc.logical[i].words.map((w) => w.text);

describe('PAM: lossless round trip and no throw', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no final newline': 'auth required pam_unix.so',
    crlf: 'auth required pam_unix.so\r\n# c\r\naccount required pam_unix.so # x\r\n',
    bom: '\ufeffauth required pam_unix.so\n',
    'bom before a comment': '\ufeff# comment\nauth required pam_unix.so\n',
    continuation: 'auth \\\n  required \\\n# in between\n\n  pam_unix.so nullok\n',
    'bracket across a continuation': 'auth [success=1 \\\n default=ignore] pam_unix.so\n',
    'escaped bracket': 'auth required pam_exec.so [arg with \\] and spaces] x\n',
    'unclosed bracket': 'auth [success=1 default=ignore pam_unix.so\n',
    'glued bracket': 'auth [default=die]pam_faillock.so authfail\n',
    'NUL byte': 'auth required pam_unix.so\0 junk\nsession optional pam_motd.so\n',
    'control characters': 'auth\x01 required\x7f pam_unix.so\n',
    'trailing backslash at end of file': 'auth required pam_unix.so \\',
    'comment stops continuation': 'auth required pam_unix.so \\ # c\nnext line\n',
    unicode: 'auth required pam_exec.so /usr/local/bin/päm😀\n',
    'only whitespace': '  \t\n\n \r\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLosslessPam(text));
  test('binary garbage', () => {
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let s = '';
      const len = (seed = (seed * 1103515245 + 12345) % 2147483648) % 300;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '\\[]# \t\n\r=a-@\0\ufeff'[seed % 16] ?? String.fromCharCode(seed % 0x3000);
      }
      const doc = parsePam(s);
      assertLosslessPam(s, doc);
      void doc.conf.rules;
      void doc.faillock.entries;
    }
  });
  test('a huge line', () => {
    const text = `auth required pam_exec.so ${'x'.repeat(200000)}\nauth required pam_unix.so\n`;
    const doc = parsePam(text);
    assertLosslessPam(text, doc);
    assert.ok(doc.problems.some((p) => p.code === 'line-too-long'));
    assert.equal(rule(doc, 1).moduleName, 'pam_unix.so');
  });
});

describe('PAM: libpam tokenisation', () => {
  test('pieces say what each part is', () => {
    const text = '\ufeffauth required \\\n pam_unix.so # c\r\n\0x\n';
    const doc = parsePam(text);
    assert.deepEqual(
      pamPieces(doc).map((p) => `${p.kind}:${JSON.stringify(text.slice(p.start, p.end))}`),
      ['bom:"\ufeff"', 'word:"auth"', 'space:" "', 'word:"required"', 'space:" "', 'continuation:"\\\\"', 'eol:"\\n"', 'space:" "', 'word:"pam_unix.so"', 'space:" "', 'comment:"# c"', 'eol:"\\r\\n"', 'ignored:"\\u0000x"', 'eol:"\\n"'],
    );
  });
  test('type, control, module, arguments; tabs and spaces', () => {
    const doc = parsePam('auth\t[success=1 default=ignore]\tpam_unix.so nullok\n');
    const r = rule(doc, 0);
    assert.equal(r.type, 'auth');
    assert.equal(r.control, 'bracket');
    assert.deepEqual([...r.actions!], [['success', 1], ['default', 'ignore']]);
    assert.equal(r.moduleName, 'pam_unix.so');
    assert.deepEqual(r.args.map((a) => a.text), ['nullok']);
    assert.equal(doc.text.slice(r.controlWord!.start, r.controlWord!.end), '[success=1 default=ignore]');
  });
  test('type and simple control are case-insensitive; the module is not touched', () => {
    const r = rule(parsePam('AUTH Required /lib/x86_64-linux-gnu/security/pam_unix.so\n'), 0);
    assert.equal(r.type, 'auth');
    assert.equal(r.control, 'required');
    assert.equal(r.moduleName, 'pam_unix.so');
  });
  test('a leading - on the type only silences the log', () => {
    const r = rule(parsePam('-session optional pam_systemd.so\n'), 0);
    assert.equal(r.type, 'session');
    assert.equal(r.silent, true);
  });
  test('# starts a comment anywhere on the line', () => {
    const doc = parsePam('session optional pam_mail.so standard noenv # [1]\n');
    assert.deepEqual(rule(doc, 0).args.map((a) => a.text), ['standard', 'noenv']);
    assert.equal(doc.lines[0].comment!.start, doc.text.indexOf('#'));
  });
  test('continuations join lines and skip blank and comment lines in between', () => {
    const doc = parsePam('auth \\\n  required \\\n# in between\n\n  pam_unix.so nullok\nsession required pam_env.so\n');
    assert.deepEqual(words(doc, 0), ['auth', 'required', 'pam_unix.so', 'nullok']);
    assert.equal(doc.rules.length, 2);
    assert.equal(doc.lines[4].logical, 0);
    assert.equal(doc.lines[2].logical, -1);
  });
  test('a line holding a # never continues', () => {
    const doc = parsePam('auth required pam_unix.so \\ # c\nsession required pam_env.so\n');
    assert.deepEqual(words(doc, 0), ['auth', 'required', 'pam_unix.so', '\\']);
    assert.equal(doc.rules.length, 2);
  });
  test('bracket words: one unit with spaces, \\] unescaped, may touch the next word', () => {
    const doc = parsePam('auth required pam_exec.so [a b \\] c] d\nauth [default=die]pam_faillock.so authfail\n');
    assert.deepEqual(rule(doc, 0).args.map((a) => a.text), ['a b ] c', 'd']);
    assert.equal(rule(doc, 1).moduleName, 'pam_faillock.so');
    assert.deepEqual([...rule(doc, 1).actions!], [['default', 'die']]);
  });
  test('@include (Debian) and TYPE include/substack', () => {
    const doc = parsePam('@include common-auth\naccount include password-auth\nauth substack system-auth\n');
    assert.equal(rule(doc, 0).atInclude, true);
    assert.equal(rule(doc, 0).moduleName, 'common-auth');
    assert.equal(rule(doc, 1).control, 'include');
    assert.equal(rule(doc, 2).control, 'substack');
    assert.equal(doc.problems.length, 0);
  });
  test('bad lines become rules that always fail, with a problem each', () => {
    const doc = parsePam('atuh required pam_unix.so\nauth\nauth required\nauth requird pam_unix.so\nauth [success=1 default=ignore pam_unix.so\nauth [success=ok defualt=bad] pam_unix.so\nauth [success=0] pam_unix.so\n');
    assert.deepEqual(doc.problems.map((p) => `${p.line + 1}:${p.code}`), ['1:bad-type', '2:no-control', '3:no-module', '4:bad-control', '5:unclosed-bracket', '6:bad-control', '7:bad-control']);
    assert.ok(doc.rules.every((r) => r.bad));
  });
  test("_pam_parse_control: prefix names, spaces around '=', jumps", () => {
    assert.deepEqual([...parseControl('success = 2 new_authtok_reqd=done default=ignore').actions], [['success', 2], ['new_authtok_reqd', 'done'], ['default', 'ignore']]);
    assert.ok(parseControl('succes=ok').error);
    assert.ok(parseControl('success=').error);
    assert.ok(parseControl('success=maybe').error);
  });
  test('pam.conf has a service column', () => {
    const doc = parsePam('sshd auth required pam_unix.so\nother account required pam_deny.so\n');
    assert.equal(doc.conf.rules[0].service!.text, 'sshd');
    assert.equal(doc.conf.rules[0].type, 'auth');
    assert.equal(doc.conf.rules[1].moduleName, 'pam_deny.so');
    assert.equal(doc.conf.problems.length, 0);
  });
  test('faillock.conf: key = value, key=value, flags, # anywhere', () => {
    const doc = parsePam('# c\ndeny = 3\nunlock_time=120 # seed\neven_deny_root\ndir =  /var/log/faillock\nbogus = 1\ndeny = x\n');
    const e = doc.faillock.entries.map((x) => `${x.key.text}=${x.value?.text ?? ''}`);
    assert.deepEqual(e, ['deny=3', 'unlock_time=120', 'even_deny_root=', 'dir=/var/log/faillock', 'bogus=1', 'deny=x']);
    assert.deepEqual(doc.faillock.problems.map((p) => p.code), ['faillock-unknown', 'faillock-bad-value']);
  });
  test('CRLF: reported once, on a line where the CR ends a word', () => {
    const doc = parsePam('# c\r\nauth required pam_unix.so # x\r\nauth required pam_deny.so\r\n');
    assert.deepEqual(doc.problems.map((p) => `${p.line + 1}:${p.code}`), ['3:crlf']);
    assert.equal(rule(doc, 1).moduleName, 'pam_deny.so');
  });
  test('a BOM is one problem, not two', () => {
    const doc = parsePam('\ufeff# c\nauth required pam_unix.so\n');
    assert.deepEqual(doc.problems.map((p) => p.code), ['bom']);
  });
});

const corpus = corpusAvailable('debian');
const synthetic = corpusAvailable('synthetic');
const SKIP = corpus && synthetic ? false : 'skipped: ../shared/corpus is absent (clone shared/ beside the checkout)';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** "line:rule:severity" for every finding. */
function found(text: string, r: LintResult): string[] {
  return r.findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}:${f.severity}`).sort();
}

describe('PAM: the Debian 12 and synthetic corpus', { skip: SKIP }, () => {
  const debianFiles = corpus ? filesUnder(corpus).filter((f) => /[\\/]pam\.d[\\/]|pam\.conf$|security[\\/]faillock\.conf$/.test(f)) : [];
  const syntheticFiles = synthetic ? filesUnder(join(synthetic, 'pam')) : [];
  test('holds the PAM files', () => {
    assert.ok(debianFiles.length >= 9, `${debianFiles.length} files`);
    assert.equal(syntheticFiles.length, 8);
  });
  for (const f of [...debianFiles, ...syntheticFiles]) {
    test(`round trip, no parse problem: ${relative(join(corpus!, '..'), f)}`, () => {
      const text = readFileSync(f, 'utf8');
      const doc = parsePam(text);
      assertLosslessPam(text, doc);
      const faillock = /faillock\.conf/.test(f);
      assert.deepEqual((faillock ? doc.faillock.problems : /pam\.conf$/.test(f) ? doc.conf.problems : doc.problems).map((p) => p.message), []);
    });
  }

  // What each file must give (host-rules.md §C, synthetic/README.md). The synthetic files are
  // linted under the name they stand for.
  const expectations: [string, string, string[]][] = [
    ['debian/openssh-server/etc/pam.d/sshd', '/etc/pam.d/sshd', ['4:pam-lockout-missing:warning']],
    ['debian/libpam-runtime/etc/pam.d/other', '/etc/pam.d/other', []],
    ['debian/libpam-runtime/etc/pam.conf', '/etc/pam.conf', []],
    ['debian/pam-auth-update-generated/etc/pam.d/common-auth', '/etc/pam.d/common-auth', ['17:pam-unix-nullok:info']],
    ['debian/pam-auth-update-generated/etc/pam.d/common-account', '/etc/pam.d/common-account', []],
    ['debian/pam-auth-update-generated/etc/pam.d/common-password', '/etc/pam.d/common-password', []],
    ['debian/pam-auth-update-generated/etc/pam.d/common-session', '/etc/pam.d/common-session', []],
    ['debian/pam-auth-update-generated/etc/pam.d/common-session-noninteractive', '/etc/pam.d/common-session-noninteractive', []],
    ['debian/libpam-modules/etc/security/faillock.conf', '/etc/security/faillock.conf', ['6:pam-faillock-volatile-dir:info']],
    ['synthetic/pam/sshd.seed-pam_tally.debian12', '/etc/pam.d/sshd', ['4:pam-tally-removed:error', '15:pam-tally-removed:error']],
    ['synthetic/pam/sshd.bare-faillock-line', '/etc/pam.d/sshd', ['4:pam-faillock-missing-mode:error', '4:pam-faillock-weak-parameters:info']],
    ['synthetic/pam/sshd.naive-faillock-around-include', '/etc/pam.d/sshd', ['6:pam-faillock-authfail-unreachable:error']],
    ['synthetic/pam/sshd.faillock-explicit-stack', '/etc/pam.d/sshd', ['5:pam-unix-nullok:info']],
    ['synthetic/pam/common-auth.pam-auth-update-faillock', '/etc/pam.d/common-auth', ['18:pam-unix-nullok:info']],
    ['synthetic/pam/common-account.pam-auth-update-faillock', '/etc/pam.d/common-account', []],
    ['synthetic/pam/common-auth.stale-jump-count', '/etc/pam.d/common-auth', ['5:pam-jump-lands-on-deny:error', '5:pam-unix-nullok:info']],
    ['synthetic/pam/faillock.conf.seed-equivalent', '/etc/security/faillock.conf', ['1:pam-faillock-volatile-dir:info', '2:pam-faillock-weak-parameters:info']],
  ];
  for (const [file, as, expected] of expectations) {
    test(`findings: ${file}`, () => {
      const text = readFileSync(join(corpus!, '..', file), 'utf8');
      const r = lintText({ path: as, text });
      assert.equal(r.kind?.kind, 'pam');
      assert.equal(r.findings.filter((x) => x.ruleId === INTERNAL_ERROR_ID).length, 0);
      assert.deepEqual(found(text, r), expected.sort());
    });
  }
  test('every Debian PAM file is detected as pam under its own path', () => {
    for (const f of debianFiles) assert.equal(lintText({ path: f, text: readFileSync(f, 'utf8') }).kind?.kind, 'pam', f);
  });

  // The verified sshd-only stack, as the fix writes it: without `nullok` (an sshd-only stack
  // does not need it, sshd refuses empty passwords itself, and CIS asks to remove it; see the
  // pam-unix-nullok rule). Everything else is byte for byte the file verified with pamtester.
  const verified = () => {
    const v = readFileSync(join(synthetic!, 'pam', 'sshd.faillock-explicit-stack'), 'utf8');
    const out = v.replace('auth [success=2 default=ignore] pam_unix.so nullok\n', 'auth [success=2 default=ignore] pam_unix.so\n');
    assert.notEqual(out, v);
    return out;
  };
  const debianSshd = () => readFileSync(join(corpus!, 'openssh-server', 'etc', 'pam.d', 'sshd'), 'utf8');
  const fixWith = (text: string, ruleId: string, path = '/etc/pam.d/sshd') => {
    const r = lintText({ path, text });
    const f = r.findings.find((x) => x.ruleId === ruleId);
    assert.ok(f, `${ruleId} reported`);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].safety, 'offer');
    assert.match(f.fixes[0].title, /can lock you out/);
    return applyEdits(text, f.fixes[0].edits);
  };
  const clean = (text: string, path = '/etc/pam.d/sshd') => assert.deepEqual(found(text, lintText({ path, text })), []);

  test('pam-lockout-missing on the real Debian sshd file gives the verified stack', () => {
    const fixed = fixWith(debianSshd(), 'pam-lockout-missing');
    assert.equal(fixed, verified());
    clean(fixed);
  });
  test('pam-tally-removed on the seed file (pam_tally) gives the verified stack', () => {
    const seed = readFileSync(join(synthetic!, 'pam', 'sshd.seed-pam_tally.debian12'), 'utf8');
    const r = lintText({ path: '/etc/pam.d/sshd', text: seed });
    assert.match(r.findings[0].fixes[0].title, /deny = 3, unlock_time = 120 in \/etc\/security\/faillock\.conf/);
    assert.match(r.findings[0].message, /`deny = 3` and `unlock_time = 120` in \/etc\/security\/faillock\.conf/);
    const fixed = fixWith(seed, 'pam-tally-removed');
    assert.equal(fixed, verified());
    clean(fixed);
  });
  test('pam-tally-removed on the Debian sshd file with pam_tally2 lines added gives the verified stack', () => {
    const withTally2 = debianSshd()
      .replace('@include common-auth\n', 'auth       required     pam_tally2.so deny=3 unlock_time=120 onerr=fail\n@include common-auth\n')
      .replace('@include common-account\n', 'account    required     pam_tally2.so\n@include common-account\n');
    const r = lintText({ path: '/etc/pam.d/sshd', text: withTally2 });
    assert.deepEqual(r.findings.map((f) => `${f.ruleId}:${f.severity}`), ['pam-tally-removed:error', 'pam-tally-removed:error']);
    // Both findings carry the same migration; either one gives the verified stack.
    for (const f of r.findings) assert.equal(applyEdits(withTally2, f.fixes[0].edits), verified());
  });
  test('a pam_tally2 line after the include, and a silent one, are handled too', () => {
    const text = debianSshd().replace('@include common-auth\n', '@include common-auth\n-auth required pam_tally2.so deny=3\n');
    const r = lintText({ path: '/etc/pam.d/sshd', text });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['pam-tally-removed']);
    assert.match(r.findings[0].message, /only hides the log line/);
    assert.equal(applyEdits(text, r.findings[0].fixes[0].edits), verified());
  });
  test('pam-faillock-missing-mode on the bare faillock line gives the verified stack', () => {
    const bare = readFileSync(join(synthetic!, 'pam', 'sshd.bare-faillock-line'), 'utf8');
    const fixed = fixWith(bare, 'pam-faillock-missing-mode');
    assert.equal(fixed, verified());
    clean(fixed);
  });
  test('pam-faillock-authfail-unreachable on the naive wrapping gives the verified stack', () => {
    const naive = readFileSync(join(synthetic!, 'pam', 'sshd.naive-faillock-around-include'), 'utf8');
    const fixed = fixWith(naive, 'pam-faillock-authfail-unreachable');
    assert.equal(fixed, verified());
    clean(fixed);
  });
  test('pam-jump-lands-on-deny on the stale jump count gives the pam-auth-update layout', () => {
    const stale = readFileSync(join(synthetic!, 'pam', 'common-auth.stale-jump-count'), 'utf8');
    const fixed = fixWith(stale, 'pam-jump-lands-on-deny', '/etc/pam.d/common-auth');
    const rules = (t: string) => parsePam(t).rules.map((r) => [r.type, r.control, r.actions ? [...r.actions] : undefined, r.moduleName, r.args.map((a) => a.text)]);
    const generated = readFileSync(join(synthetic!, 'pam', 'common-auth.pam-auth-update-faillock'), 'utf8');
    assert.deepEqual(rules(fixed), rules(generated));
  });
  test('pam-faillock-no-reset inserts the account call where the verified stack has it', () => {
    const noReset = verified().replace('account required pam_faillock.so\n', '');
    const fixed = fixWith(noReset, 'pam-faillock-no-reset');
    assert.equal(fixed, verified());
  });
  test('RHEL layout: the findings say authselect and no edit is offered', () => {
    const text = 'auth       substack     password-auth\nauth       include      postlogin\naccount    required     pam_nologin.so\naccount    include      password-auth\n';
    const r = lintText({ path: '/etc/pam.d/sshd', text });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['pam-lockout-missing']);
    assert.match(r.findings[0].message, /authselect enable-feature with-faillock/);
    assert.equal(r.findings[0].fixes.length, 0);
  });
});
