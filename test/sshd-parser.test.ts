/**
 * The sshd_config parser (host-syntax.md §4): losslessness, OpenSSH 9.2's tokenisation
 * (`Key value`, `Key=value`, quotes, `#` only at the start of a word), first value wins,
 * Match blocks, Include recorded, the checks that make sshd refuse to start, and what the
 * Debian 12 template must give (host-rules.md §D).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSshd, printSshd, sshdPieces, SshdDocument } from '../server/src/engine/host/sshd/parser';
import { globalSetting, matchSettings, sshdChecks, wordValue } from '../server/src/engine/host/sshd/model';
import { lintText, INTERNAL_ERROR_ID, LintResult } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/engine/text';
import { corpusAvailable } from './helpers';

function assertLosslessSshd(text: string, doc: SshdDocument = parseSshd(text)): void {
  let pos = 0;
  for (const p of sshdPieces(doc)) {
    assert.equal(p.start, pos, `piece gap at ${pos}`);
    assert.ok(p.end > p.start);
    pos = p.end;
  }
  assert.equal(pos, text.length, 'pieces cover the whole text');
  assert.equal(printSshd(doc), text);
}

const args = (doc: SshdDocument, i: number) => doc.directives[i].args.map((a) => a.text);
function found(text: string, r: LintResult): string[] {
  return r.findings.map((f) => `${text.slice(0, f.span.start).split('\n').length}:${f.ruleId}:${f.severity}`).sort();
}
const lint = (text: string, path = '/etc/ssh/sshd_config') => lintText({ path, text });

describe('sshd: lossless round trip and no throw', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no final newline': 'Port 22',
    crlf: 'Port 22\r\n# c\r\nPermitRootLogin no # x\r\n',
    bom: '\ufeffPort 22\n',
    'bom before a comment': '\ufeff# c\nPort 22\n',
    equals: 'Port=22\nPort = 2222\nPort =2223\nPort= 2224\nPort==22\n',
    quotes: 'Banner "/etc/my banner"\nAuthorizedKeysFile \'a b\' "c\\"d"\nDenyUsers "unterminated\n',
    'leading whitespace and tabs': '  \tMatch User a\n\tX11Forwarding no\n',
    'NUL byte': 'Port 22\0junk\nPermitRootLogin no\n',
    'form feed and trailing blanks': 'Port 22 \t\f\n',
    'lines sshd ignores': '=foo\n"quoted\n',
    'keyword without argument': 'PermitRootLogin\n',
    unicode: 'Banner /etc/issue.😀\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLosslessSshd(text));
  test('binary garbage', () => {
    let seed = 11;
    for (let n = 0; n < 200; n++) {
      let s = '';
      const len = (seed = (seed * 1103515245 + 12345) % 2147483648) % 300;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '\\"\'# \t\n\r=aP-\0\ufeff\f'[seed % 18] ?? String.fromCharCode(seed % 0x3000);
      }
      const doc = parseSshd(s);
      assertLosslessSshd(s, doc);
      sshdChecks(doc);
      assert.equal(lint(s).findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID).length, 0);
    }
  });
  test('a huge line', () => {
    const text = `AcceptEnv ${'X '.repeat(100000)}\nPort 22\n`;
    assertLosslessSshd(text);
  });
});

describe('sshd: OpenSSH tokenisation and semantics', () => {
  test('Key value, Key=value, Key = value; keywords case-insensitive', () => {
    const doc = parseSshd('PERMITROOTLOGIN=no\npermitrootlogin = yes\nPort    22\n');
    assert.deepEqual(doc.directives.map((d) => `${d.key}:${d.args.map((a) => a.text).join(',')}`), ['permitrootlogin:no', 'permitrootlogin:yes', 'port:22']);
  });
  test('only one = is skipped', () => {
    assert.deepEqual(args(parseSshd('Port==22\n'), 0), ['=22']);
  });
  test('# starts a comment only at the start of a word', () => {
    const doc = parseSshd('PermitRootLogin no # why\nPermitRootLogin no#glued\n# Port 22\n');
    assert.deepEqual(args(doc, 0), ['no']);
    assert.ok(doc.directives[0].comment);
    assert.deepEqual(args(doc, 1), ['no#glued']);
    assert.equal(doc.lines[2].kind, 'comment');
  });
  test('quotes and escapes', () => {
    const doc = parseSshd('PermitRootLogin "no"\nBanner "/etc/my banner"\nAcceptEnv a\\ b \'c d\'\n');
    assert.deepEqual(args(doc, 0), ['no']);
    assert.deepEqual(args(doc, 1), ['/etc/my banner']);
    assert.deepEqual(args(doc, 2), ['a b', 'c d']);
    assert.equal(wordValue(doc.directives[0]), 'no');
  });
  test('first value wins outside Match; Match blocks run to the next Match or the end', () => {
    const doc = parseSshd('PermitRootLogin yes\nPermitRootLogin no\nMatch User alice\n  PermitRootLogin no\nMatch Address 192.0.2.0/24\n  PasswordAuthentication yes\n  PermitRootLogin yes\n');
    assert.equal(wordValue(globalSetting(doc, 'permitrootlogin')!), 'yes');
    assert.deepEqual(doc.matches.map((m) => m.criteria), ['User alice', 'Address 192.0.2.0/24']);
    assert.deepEqual(matchSettings(doc, 'permitrootlogin').map((m) => wordValue(m.directive)), ['no', 'yes']);
    assert.equal(globalSetting(doc, 'passwordauthentication'), undefined);
  });
  test('ChallengeResponseAuthentication is an alias: the first of the two wins', () => {
    const doc = parseSshd('ChallengeResponseAuthentication yes\nKbdInteractiveAuthentication no\n');
    assert.equal(globalSetting(doc, 'kbdinteractiveauthentication')!.key, 'challengeresponseauthentication');
  });
  test('Include lines are recorded, in and out of Match', () => {
    const doc = parseSshd('Include /etc/ssh/sshd_config.d/*.conf\nMatch User a\nInclude extra.conf\n');
    assert.deepEqual(doc.includes.map((i) => [i.args[0].text, !!i.match]), [['/etc/ssh/sshd_config.d/*.conf', false], ['extra.conf', true]]);
  });
  const checks = (text: string) => [...sshdChecks(parseSshd(text))].sort((a, b) => a.span.start - b.span.start).map((c) => `${text.slice(0, c.span.start).split('\n').length}:${c.rule}:${c.severity}`);
  test('what makes sshd refuse to start', () => {
    assert.deepEqual(
      checks('PasswordAuthentication on\nPermitRootLogin maybe\nPermitRootLogin no#c\nMaxAuthTries 3 \\\nPort 70000\nMaxAuthTries -1\nX11Forwarding\nBanner "x\nMatch User a\n  Port 2222\nMatch Foo bar\n'),
      ['1:sshd-invalid-value:error', '2:sshd-invalid-value:error', '3:sshd-invalid-value:error', '4:sshd-invalid-value:error', '5:sshd-invalid-value:error', '6:sshd-invalid-value:error', '7:sshd-invalid-value:error', '8:sshd-invalid-value:error', '10:sshd-invalid-value:error', '11:sshd-invalid-value:error'],
    );
  });
  test('unknown, deprecated and too-new keywords', () => {
    assert.deepEqual(checks('PermitRootLogon no\nProtocol 2\nUsePrivilegeSeparation sandbox\nPerSourcePenalties yes\nGSSAPIKeyExchange no\nDebianBanner no\n'), [
      '1:sshd-unknown-keyword:error',
      '2:sshd-unknown-keyword:info',
      '3:sshd-unknown-keyword:info',
      '4:sshd-unknown-keyword:info',
    ]);
    const fix = sshdChecks(parseSshd('PermitRootLogon no\n'))[0].fixes[0];
    assert.equal(fix.title, 'Change to PermitRootLogin');
  });
  test('yes/no words are case-insensitive', () => {
    assert.deepEqual(checks('PermitRootLogin NO\nPasswordAuthentication Yes\n'), []);
  });
});

describe('sshd: file kinds', () => {
  test('sshd_config and sshd_config.d/*.conf (a fragment); never ssh_config', () => {
    assert.deepEqual(lint('Port 2222\n', '/etc/ssh/sshd_config').kind, { kind: 'sshd', fragment: false, reason: 'file name sshd_config' });
    assert.equal(lint('Port 2222\n', '/etc/ssh/sshd_config.d/50-cloud-init.conf').kind?.fragment, true);
    assert.equal(lint('Port 2222\n', '/etc/ssh/ssh_config').kind, undefined);
    assert.equal(lint('Port 2222\n', '/etc/ssh/ssh_config.d/x.conf').kind, undefined);
  });
  test('a drop-in reports what it sets, not what it leaves out', () => {
    const text = 'PasswordAuthentication yes\n';
    assert.deepEqual(found(text, lint(text, '/etc/ssh/sshd_config.d/50-cloud-init.conf')), ['1:sshd-password-authentication:warning']);
  });
});

const corpus = corpusAvailable('debian');

describe('sshd: the Debian 12 template', { skip: corpus ? false : 'skipped: ../shared/corpus is absent (clone shared/ beside the checkout)' }, () => {
  const file = corpus ? join(corpus, 'openssh-server', 'usr', 'share', 'openssh', 'sshd_config') : '';
  test('round trip, no parse problem, no check fires', () => {
    const text = readFileSync(file, 'utf8');
    const doc = parseSshd(text);
    assertLosslessSshd(text, doc);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(sshdChecks(doc), []);
    assert.deepEqual(doc.includes.map((i) => i.args[0].text), ['/etc/ssh/sshd_config.d/*.conf']);
    assert.equal(doc.matches.length, 0);
  });
  // host-rules.md §D on the template: password logins on by default (medium, lockout assumed
  // absent); root by key (low), MaxAuthTries 6 (low), port 22 (info); the two hardening lines
  // after the Include that a drop-in overrides (info). KbdInteractiveAuthentication no and
  // UsePAM yes are set, so those rules stay quiet.
  const expected = [
    '12:sshd-default-port:info',
    '12:sshd-max-auth-tries:info',
    '12:sshd-password-authentication:warning',
    '12:sshd-permit-root-login:info',
    '62:sshd-include-shadowing:info',
    '85:sshd-include-shadowing:info',
  ];
  for (const path of ['/etc/ssh/sshd_config', '']) {
    test(`findings${path ? ` as ${path}` : ' under its own path'}`, () => {
      const text = readFileSync(file, 'utf8');
      const r = lint(text, path || file);
      assert.equal(r.kind?.kind, 'sshd');
      assert.deepEqual(found(text, r), expected);
      const pw = r.findings.find((f) => f.ruleId === 'sshd-password-authentication')!;
      assert.match(pw.message, /cannot see \/etc\/pam\.d\/sshd/);
    });
  }
  test('every offered fix removes its finding and adds none', () => {
    const text = readFileSync(file, 'utf8');
    const before = lint(text).findings;
    for (const f of before) {
      for (const fix of f.fixes) {
        assert.equal(fix.safety, 'offer');
        const after = lint(applyEdits(text, fix.edits)).findings;
        assert.equal(after.filter((x) => x.ruleId === f.ruleId).length, before.filter((x) => x.ruleId === f.ruleId).length - 1, fix.title);
        assert.ok(after.every((x) => before.some((b) => b.ruleId === x.ruleId)), fix.title);
      }
    }
  });
  test('the ssh client config and /etc/default/ssh are not sshd files', () => {
    assert.equal(lintText({ path: join(corpus!, 'openssh-client', 'etc', 'ssh', 'ssh_config'), text: 'Port 22\n' }).kind, undefined);
    assert.equal(lintText({ path: join(corpus!, 'openssh-server', 'etc', 'default', 'ssh'), text: 'SSHD_OPTS=\n' }).kind, undefined);
  });
});
