/**
 * The fail2ban jail parser (host-syntax.md §5): losslessness and no-throw on edge cases and on
 * every fail2ban file of the corpus, configparser's reading (inline comments, continuations,
 * duplicates, case), file detection, the effective-value model (a jail's own key in jail.conf
 * beats jail.local's [DEFAULT]), and what each corpus jail file must give (host-rules.md §E).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { F2bDocument, fail2banPieces, parseFail2ban, printFail2ban } from '../server/src/engine/host/fail2ban/parser';
import { effective, interpolate, jailEnabled, seconds } from '../server/src/engine/host/fail2ban/model';
import { tooBroad } from '../server/src/engine/rules/fail2ban/util';
import { detectKind } from '../server/src/engine/kinds';
import { lintText, INTERNAL_ERROR_ID, LintResult } from '../server/src/engine/lint';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { applyEdits } from '../server/src/engine/text';
import { corpusAvailable } from './helpers';

function assertLossless(text: string, doc: F2bDocument = parseFail2ban(text)): void {
  let pos = 0;
  for (const p of fail2banPieces(doc)) {
    assert.equal(p.start, pos, `piece gap at ${pos}`);
    assert.ok(p.end > p.start);
    pos = p.end;
  }
  assert.equal(pos, text.length, 'pieces cover the whole text');
  assert.equal(printFail2ban(doc), text);
}

const codes = (doc: F2bDocument) => doc.problems.map((p) => `${p.line + 1}:${p.code}`);

describe('fail2ban: lossless round trip and no throw', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no final newline': '[DEFAULT]\nbantime = 1h',
    crlf: '[DEFAULT]\r\nbantime = 1h ; c\r\n\r\n[sshd]\r\nenabled = true\r\n',
    bom: '\ufeff[DEFAULT]\nbantime = 1h\n',
    'continuation with blank and comment lines': '[sshd]\nlogpath = /a\n\n  # c\n  /b\n',
    'inline comments': '[a]\nk = v ; c\nk2 = v;x\nk3 = v # y\n',
    'NUL byte': '[a]\nk = v\0w\n',
    'unicode and odd spaces': '[jail-😀]\nk\u00a0= v\u2003\n',
    'only whitespace': '  \t\n\n \r\n',
    'header edge cases': '[]\n[a]]\n[ b ] trailing\n[c\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLossless(text));
  test('binary garbage', () => {
    let seed = 11;
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = (seed = (seed * 1103515245 + 12345) % 2147483648) % 300;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '[]=:;# \t\n\r%()a\0\ufeff'[seed % 17] ?? String.fromCharCode(seed % 0x3000);
      }
      assertLossless(s);
      assert.doesNotThrow(() => lintText({ path: '/etc/fail2ban/jail.local', text: s }));
    }
  });
  test('a huge line', () => {
    const text = `[DEFAULT]\nignoreip = ${'192.0.2.1 '.repeat(30000)}\nbantime = 1h\n`;
    const doc = parseFail2ban(text);
    assertLossless(text, doc);
    assert.equal(doc.entries[1].name, 'bantime');
  });
});

describe('fail2ban: configparser reading (fail2ban 1.0.2)', () => {
  test('sections are case-sensitive and unstripped; keys are lower-cased; = and : both separate', () => {
    const doc = parseFail2ban('[Asterisk]\nMaxRetry = 3\nbantime: 2h\n[ sshd ]\nenabled=true\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['Asterisk', ' sshd ']);
    assert.deepEqual(doc.entries.map((e) => `${e.name}=${e.value}`), ['maxretry=3', 'bantime=2h', 'enabled=true']);
    assert.equal(doc.text.slice(doc.entries[0].key.start, doc.entries[0].key.end), 'MaxRetry');
  });
  test('only " ;" starts an inline comment: "#" and a glued ";" are part of the value', () => {
    const doc = parseFail2ban('[a]\nmaxretry = 3 # three\nfindtime = 10m;ten\nbantime = 1h ; one hour\nx = y\t; tab\n');
    assert.deepEqual(doc.entries.map((e) => e.value), ['3 # three', '10m;ten', '1h', 'y']);
    assert.equal(doc.text.slice(doc.lines[3].comment!.start, doc.lines[3].comment!.end), '; one hour');
  });
  test('continuation lines: deeper indentation, blank lines kept inside, comment lines skipped', () => {
    const doc = parseFail2ban('[asterisk]\nlogpath = /var/log/asterisk/full\n\n   # a comment\n           /var/log/asterisk/security\nmaxretry = 3\n');
    assert.equal(doc.entries[0].value, '/var/log/asterisk/full\n\n/var/log/asterisk/security');
    assert.deepEqual(doc.entries[0].parts.map((p) => p.text), ['/var/log/asterisk/full', '/var/log/asterisk/security']);
    assert.equal(doc.entries[1].name, 'maxretry');
    assert.equal(doc.lines[3].kind, 'comment');
  });
  test('an indented option or header after a key joins its value (and is reported)', () => {
    const doc = parseFail2ban('[sshd]\nport = ssh\n  maxretry = 3\n  [recidive]\n');
    assert.equal(doc.entries.length, 1);
    assert.equal(doc.entries[0].value, 'ssh\nmaxretry = 3\n[recidive]');
    assert.deepEqual(codes(doc), ['3:indented-line', '4:indented-line']);
    assert.equal(doc.fatal, false);
  });
  test('indentation right after a header is not a continuation', () => {
    const doc = parseFail2ban('[sshd]\n  enabled = true\n  maxretry = 3\n');
    assert.deepEqual(doc.entries.map((e) => e.name), ['enabled', 'maxretry']);
  });
  test('fatal: a line before any section, no delimiter, empty key, BOM', () => {
    assert.deepEqual(codes(parseFail2ban('bantime = 1h\n[a]\nk = v\n')), ['1:no-section']);
    assert.deepEqual(codes(parseFail2ban('[a]\nenabled true\n= v\n')), ['2:no-delimiter', '3:empty-key']);
    const bom = parseFail2ban('\ufeff[DEFAULT]\nbantime = 1h\n');
    assert.deepEqual(codes(bom), ['1:bom']);
    assert.equal(bom.fatal, true);
    assert.equal(bom.sections[0].name, 'DEFAULT', 'the rest of the file is still modelled');
  });
  test('duplicates: a key twice in a section (any case), a section twice; DEFAULT may repeat', () => {
    const doc = parseFail2ban('[a]\nmaxretry = 1\nMaxRetry = 2\n[a]\nx = 1\n[DEFAULT]\nb = 1\n[DEFAULT]\nc = 1\nb = 2\n');
    assert.deepEqual(codes(doc), ['3:duplicate-key', '4:duplicate-section', '10:duplicate-key']);
  });
  test('section header: between the first [ and the last ]', () => {
    const doc = parseFail2ban('[a] junk\n[b]]\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['a', 'b]']);
  });
});

describe('fail2ban: model', () => {
  test('time values', () => {
    assert.equal(seconds('600'), 600);
    assert.equal(seconds('10m'), 600);
    assert.equal(seconds('1d12h'), 129600);
    assert.equal(seconds('1h 30m'), 5400);
    assert.equal(seconds('-1'), -1);
    assert.equal(seconds('1w'), 604800);
    assert.equal(seconds('3 # three'), undefined);
  });
  test("precedence: jail.conf's [asterisk] maxretry beats jail.local's [DEFAULT]", () => {
    const doc = parseFail2ban('[DEFAULT]\nmaxretry = 5\nbantime = 1h\n[asterisk]\nenabled = true\n');
    assert.deepEqual(effective(doc, 'local', 'asterisk', 'maxretry'), { value: '10', origin: 'stock-section' });
    assert.equal(effective(doc, 'local', 'sshd', 'maxretry')!.value, '5');
    assert.equal(effective(doc, 'local', 'asterisk', 'bantime')!.origin, 'file-default');
    assert.equal(effective(doc, 'local', 'asterisk', 'logpath')!.value, '/var/log/asterisk/messages');
    assert.equal(jailEnabled(doc, 'local', 'asterisk'), true);
    assert.equal(jailEnabled(doc, 'local', 'sshd'), false);
  });
  test('interpolation', () => {
    const doc = parseFail2ban('[DEFAULT]\nmy_ban = 2h\n[asterisk]\nbantime = %(my_ban)s\nbanaction = %(banaction_allports)s\n');
    assert.equal(interpolate(doc, 'local', 'asterisk', '%(my_ban)s'), '2h');
    assert.equal(interpolate(doc, 'local', 'asterisk', '%(banaction_allports)s'), 'iptables-allports');
    assert.equal(interpolate(doc, 'local', 'asterisk', '%(nope)s'), undefined);
    assert.equal(interpolate(doc, 'local', 'asterisk', '100%%'), '100%');
  });
  test('ignoreip breadth', () => {
    assert.ok(tooBroad('0.0.0.0/0'));
    assert.ok(tooBroad('0/0'));
    assert.ok(tooBroad('::/0'));
    assert.ok(tooBroad('8.0.0.0/7'));
    assert.ok(tooBroad('2001::/16'));
    assert.equal(tooBroad('10.0.0.0/8'), undefined);
    assert.equal(tooBroad('100.64.0.0/10'), undefined);
    assert.equal(tooBroad('198.51.100.0/24'), undefined);
    assert.equal(tooBroad('203.0.0.0/16'), undefined);
    assert.equal(tooBroad('2001:db8::/32'), undefined);
    assert.equal(tooBroad('vpn.example.com'), undefined);
  });
});

describe('fail2ban: file detection', () => {
  const kind = (path: string, text = '[DEFAULT]\nbantime = 1h\n') => detectKind(path, text);
  test('jail.conf, jail.local, jail.d/*.conf|*.local', () => {
    assert.deepEqual([kind('/etc/fail2ban/jail.conf')?.kind, kind('/etc/fail2ban/jail.conf')?.fragment], ['fail2ban', false]);
    assert.equal(kind('/etc/fail2ban/jail.local')?.kind, 'fail2ban');
    assert.deepEqual([kind('/etc/fail2ban/jail.d/asterisk.local')?.kind, kind('/etc/fail2ban/jail.d/asterisk.local')?.fragment], ['fail2ban', true]);
    assert.equal(kind('/etc/fail2ban/jail.d/defaults-debian.conf')?.kind, 'fail2ban');
    assert.equal(kind('/home/me/jail.local')?.kind, 'fail2ban', 'INI content outside /etc/fail2ban');
  });
  test('not claimed: fail2ban.conf, paths-*.conf, FreeBSD jail.conf, other names', () => {
    assert.equal(kind('/etc/fail2ban/fail2ban.conf'), undefined);
    assert.equal(kind('/etc/fail2ban/paths-debian.conf'), undefined);
    assert.equal(kind('/etc/fail2ban/filter.d/sshd.conf'), undefined);
    assert.equal(kind('/etc/jail.conf', 'www {\n  host.hostname = www.example.org;\n  path = /usr/jail/www;\n}\n'), undefined);
    assert.equal(kind('/etc/fail2ban/jail.local.bak'), undefined);
  });
});

describe('fail2ban: rules on edge cases', () => {
  const ids = (text: string, path = '/etc/fail2ban/jail.local', settings = DEFAULT_SETTINGS) =>
    lintText({ path, text, settings }).findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}:${f.severity}`);
  const base = '[DEFAULT]\nignoreip = 127.0.0.1/8 ::1 192.0.2.0/24\nbantime = 1h\n\n';
  test('logpath: Asterisk 19+ makes the stock path an error, and an explicit pre-19 name a warning', () => {
    const text = `${base}[asterisk]\nenabled = true\nmaxretry = 5\nbanaction = %(banaction_allports)s\n`;
    const v20 = { ...DEFAULT_SETTINGS, asteriskVersion: '20' };
    assert.deepEqual(ids(text), ['5:f2b-asterisk-logpath:warning']);
    assert.deepEqual(ids(text, undefined, v20), ['5:f2b-asterisk-logpath:error']);
    const r = lintText({ path: '/etc/fail2ban/jail.local', text, settings: v20 });
    assert.match(r.findings[0].fixes[0].title, /messages\.log/);
    const explicit = text.replace('maxretry', 'logpath = /var/log/asterisk/messages\nmaxretry');
    assert.deepEqual(ids(explicit), []);
    assert.deepEqual(ids(explicit, undefined, v20), ['7:f2b-asterisk-logpath:warning']);
  });
  test('[DEFAULT] enabled = true switches on the stock [asterisk] with its stock logpath', () => {
    assert.deepEqual(ids(`${base.replace('bantime', 'enabled = true\nbantime')}[sshd]\nbackend = systemd\n`), ['3:f2b-asterisk-logpath:warning']);
  });
  test('the jail-disabled fix appends a jail that no other rule complains about', () => {
    const text = `${base}[sshd]\nenabled = true\n`;
    for (const version of ['13', '21']) {
      const settings = { ...DEFAULT_SETTINGS, asteriskVersion: version };
      const r = lintText({ path: '/etc/fail2ban/jail.local', text, settings });
      assert.deepEqual(r.findings.map((f) => f.ruleId), ['f2b-asterisk-jail-disabled']);
      const fixed = applyEdits(text, r.findings[0].fixes[0].edits);
      assert.deepEqual(lintText({ path: '/etc/fail2ban/jail.local', text: fixed, settings }).findings, []);
      assert.match(fixed, version === '13' ? /logpath {3}= \/var\/log\/asterisk\/messages\n/ : /messages\.log/);
    }
  });
  test('a drop-in stays quiet about what it does not set', () => {
    assert.deepEqual(ids('[asterisk]\nenabled = true\n', '/etc/fail2ban/jail.d/asterisk.local'), []);
    assert.deepEqual(ids('[DEFAULT]\nignoreip = 127.0.0.1/8\n', '/etc/fail2ban/jail.d/x.conf'), ['2:f2b-ignoreip-own-networks:info']);
  });
  test('an inline "#" after enabled leaves the jail off, and both are said', () => {
    assert.deepEqual(ids(`${base}[asterisk]\nenabled = true # on\nlogpath = /var/log/asterisk/full\nmaxretry = 5\nbanaction = %(banaction_allports)s\n`), ['6:f2b-asterisk-jail-disabled:warning', '6:f2b-inline-hash-comment:warning']);
  });
  test('a BOM is reported once, by f2b-invalid-line', () => {
    assert.deepEqual(ids(`\ufeff${base}[asterisk]\nenabled = true\nlogpath = /var/log/asterisk/full\nmaxretry = 5\nbanaction = %(banaction_allports)s\n`), ['1:f2b-invalid-line:error']);
  });
  test('suppression comments work with "#"', () => {
    const text = `${base}# pbxlint-disable-next-line f2b-asterisk-ports-only -- scanners are dropped by the firewall already\n[asterisk]\nenabled = true\nlogpath = /var/log/asterisk/full\nmaxretry = 5\n`;
    const r = lintText({ path: '/etc/fail2ban/jail.local', text });
    assert.deepEqual(r.findings, []);
    assert.equal(r.suppressed.length, 1);
  });
});

// ---------------------------------------------------------------------------------------------
// The corpus (host-rules.md §E, synthetic/README.md, synthetic files' own header comments).

const debian = corpusAvailable('debian');
const synthetic = corpusAvailable('synthetic');
const SKIP = debian && synthetic ? false : 'skipped: ../shared/corpus is absent (clone shared/ beside the checkout)';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

function found(text: string, r: LintResult): string[] {
  return r.findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}:${f.severity}`).sort();
}

describe('fail2ban: the Debian 12 and synthetic corpus', { skip: SKIP }, () => {
  const debianFiles = debian ? filesUnder(join(debian, 'fail2ban')) : [];
  const syntheticFiles = synthetic ? filesUnder(join(synthetic, 'fail2ban')) : [];
  test('holds the fail2ban files', () => {
    assert.equal(debianFiles.length, 17);
    assert.equal(syntheticFiles.length, 2);
  });
  // Filters, actions and fail2ban.conf are not linted, but they are the same INI dialect: a
  // parser that reads jail files right reads them without a problem too.
  for (const f of [...debianFiles, ...syntheticFiles]) {
    test(`round trip, no parse problem: ${relative(join(debian!, '..'), f)}`, () => {
      const text = readFileSync(f, 'utf8');
      const doc = parseFail2ban(text);
      assertLossless(text, doc);
      assert.deepEqual(doc.problems.map((p) => p.message), []);
    });
  }

  // What each jail file must give. The stock jail.conf is linted as the base file: it leaves the
  // asterisk jail off, sets bantime 10m, the asterisk maxretry 10 and no ignoreip (host-rules.md
  // §E: "stock default is exactly 10m → info", "stock asterisk is 10 → info", "ignoreip unset").
  const expectations: [string, string, string[]][] = [
    [
      'debian/fail2ban/etc/fail2ban/jail.conf',
      '/etc/fail2ban/jail.conf',
      ['41:f2b-ignoreip-own-networks:info', '101:f2b-bantime-short:info', '757:f2b-asterisk-jail-disabled:info', '763:f2b-maxretry-high:info'],
    ],
    ['debian/fail2ban/etc/fail2ban/jail.d/defaults-debian.conf', '/etc/fail2ban/jail.d/defaults-debian.conf', []],
    // "each behaviour verified with fail2ban 1.0.2": 0.0.0.0/0 in ignoreip, bantime 60, no logpath
    // override (stock /var/log/asterisk/messages), an inline "#", [Asterisk] ≠ [asterisk].
    [
      'synthetic/fail2ban/jail.local.asterisk-bad',
      '/etc/fail2ban/jail.local',
      [
        '4:f2b-ignoreip-too-broad:error',
        '5:f2b-bantime-short:info',
        '8:f2b-asterisk-logpath:warning',
        '8:f2b-asterisk-ports-only:info',
        '12:f2b-inline-hash-comment:warning',
        '14:f2b-section-case:warning',
      ],
    ],
    // Parses cleanly; the jail keeps the stock 5060,5061 multiport ban (info).
    ['synthetic/fail2ban/jail.local.asterisk-good', '/etc/fail2ban/jail.local', ['15:f2b-asterisk-ports-only:info']],
  ];
  for (const [file, as, expected] of expectations) {
    test(`findings: ${file}`, () => {
      const text = readFileSync(join(debian!, '..', file), 'utf8');
      const r = lintText({ path: as, text });
      assert.equal(r.kind?.kind, 'fail2ban');
      assert.equal(r.findings.filter((x) => x.ruleId === INTERNAL_ERROR_ID).length, 0);
      assert.deepEqual(found(text, r), expected.sort());
    });
  }
  test('with Asterisk 19+ the stock logpath of the bad jail.local is an error', () => {
    const text = readFileSync(join(synthetic!, 'fail2ban', 'jail.local.asterisk-bad'), 'utf8');
    const r = lintText({ path: '/etc/fail2ban/jail.local', text, settings: { ...DEFAULT_SETTINGS, asteriskVersion: '20' } });
    assert.deepEqual(found(text, r).filter((x) => x.includes('logpath')), ['8:f2b-asterisk-logpath:error']);
  });
  test('the Debian jail files are detected under their own paths; filters, actions, paths are not fail2ban kind', () => {
    for (const f of debianFiles) {
      const k = lintText({ path: f, text: readFileSync(f, 'utf8') }).kind?.kind;
      if (/jail\.(conf|local)$|jail\.d[\\/]/.test(f)) assert.equal(k, 'fail2ban', f);
      else assert.notEqual(k, 'fail2ban', f);
    }
  });
  test(
    'filter.d/asterisk.conf is not linted as Asterisk\'s asterisk.conf',
    () => {
      const f = join(debian!, 'fail2ban', 'etc', 'fail2ban', 'filter.d', 'asterisk.conf');
      assert.equal(lintText({ path: f, text: readFileSync(f, 'utf8') }).kind, undefined);
    },
  );
  test('iptables-persistent and netfilter-persistent ship no file pbxlint lints', () => {
    for (const pkg of ['iptables-persistent', 'netfilter-persistent']) {
      for (const f of filesUnder(join(debian!, pkg))) {
        const r = lintText({ path: f, text: readFileSync(f, 'utf8') });
        assert.equal(r.kind, undefined, f);
        assert.deepEqual(r.findings, []);
      }
    }
  });
});
