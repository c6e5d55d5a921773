/** Apache parser: losslessness, httpd's line grammar, sections, access model, detection, the corpus. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApacheDocument, parseApache, printApache } from '../server/src/engine/host/apache/parser';
import { accessOf, directoryAccess, isConditional, listenAllInterfaces, locationAccess } from '../server/src/engine/host/apache/model';
import { lintText, INTERNAL_ERROR_ID } from '../server/src/engine/lint';
import { detectKind } from '../server/src/engine/kinds';
import { corpusAvailable } from './helpers';

function assertLossless(text: string, doc: ApacheDocument = parseApache(text)): void {
  let pos = 0;
  for (const l of doc.lines) {
    assert.equal(l.start, pos, `line ${l.index} starts where the previous ended`);
    for (const t of l.tokens) {
      assert.equal(t.start, pos, `token gap at ${pos}`);
      assert.ok(t.end > t.start, `empty token at ${pos}`);
      pos = t.end;
    }
    assert.equal(pos, l.eolEnd, `line ${l.index} tokens end at its line break`);
  }
  assert.equal(pos, text.length, 'tokens cover the whole text');
  assert.equal(printApache(doc), text);
}

const problems = (text: string) => parseApache(text).problems.map((p) => `${p.line + 1}:${p.code}`);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else out.push(full);
  }
  return out;
}

describe('apache: lossless round trip and robustness', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only newline': '\n',
    'no final newline': 'Listen 80',
    crlf: '<Directory />\r\n\tRequire all denied\r\n</Directory>\r\n',
    'crlf continuation': 'Require ip 10.0.0.0/8 \\\r\n  192.168.0.0/16\r\n',
    bom: '\uFEFFServerTokens Prod\n',
    continuation: 'servertokens \\\n    prod\n<directory "/x">\n  REQUIRE ip 10.0.0.0/8 \\\n     192.168.0.0/16\n</DIRECTORY>\n',
    'backslash at end of file': 'ServerName x \\',
    'backslash space': 'TraceEnable off \\ \nServerName x\n',
    'comment continued': '# comment \\\nListen 80\n',
    'unclosed and stray': '<VirtualHost *:80>\n</Directory>\n<Location /x\n',
    quotes: 'Header set X "a # b" \'c d\' "unterminated\n',
    binary: '\x00<\x01>\n</>\n<>\n\\\n"\'\\\n',
    'huge line': 'ServerName ' + 'x'.repeat(200_000) + '\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLossless(text));
  test('random text never throws and round-trips', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '<>/#"\'\\ \t\r\nab:*';
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(rnd() * 80);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      assertLossless(s);
      lintText({ path: '/etc/apache2/apache2.conf', text: s });
    }
  });
});

describe('apache: line grammar (httpd 2.4 util.c / config.c)', () => {
  test('a trailing backslash joins the next line; names are case-insensitive', () => {
    const doc = parseApache('servertokens \\\n    prod\n');
    assert.equal(doc.directives.length, 1);
    assert.equal(doc.directives[0].lname, 'servertokens');
    assert.deepEqual(doc.directives[0].args.map((a) => a.text), ['prod']);
    assert.equal(doc.directives[0].lastLine, 1);
  });
  test('a backslash followed by a space is an argument, not a continuation', () => {
    const doc = parseApache('TraceEnable off \\ \nServerName x\n');
    assert.deepEqual(doc.directives.map((d) => [d.name.text, d.args.map((a) => a.text)]), [['TraceEnable', ['off', '\\']], ['ServerName', ['x']]]);
    assert.ok(doc.lines[0].backslashSpace);
  });
  test("'#' starts a comment only at the start of a line; a comment ending in '\\' swallows the next line", () => {
    const doc = parseApache('ServerTokens Prod # x\n   # indented\n# c \\\nListen 80\n');
    assert.deepEqual(doc.directives[0].args.map((a) => a.text), ['Prod', '#', 'x']);
    assert.equal(doc.directives.length, 1);
    assert.deepEqual(doc.items.map((i) => i.kind), ['directive', 'comment', 'comment']);
  });
  test('quoted arguments keep spaces and #', () => {
    const doc = parseApache('Header set X "a # b"\n<Directory "/var/www/html/recordings">\n</Directory>\n');
    assert.deepEqual(doc.directives[0].args.map((a) => [a.text, a.quoted]), [['set', false], ['X', false], ['a # b', true]]);
    assert.equal(doc.sections[0].open!.args[0].text, '/var/www/html/recordings');
  });
  test('sections nest; mismatched, stray and unclosed tags are fatal', () => {
    const doc = parseApache('<VirtualHost *:80>\n  <Directory /x>\n    Require all denied\n  </directory>\n</VirtualHost>\n');
    assert.equal(doc.problems.length, 0);
    assert.equal(doc.sections[1].parent, doc.sections[0]);
    assert.deepEqual(problems('</Directory>\n'), ['1:stray-close']);
    assert.deepEqual(problems('<VirtualHost *:80>\n<Directory /x>\n</VirtualHost>\n'), ['3:mismatched-close']);
    assert.deepEqual(problems('<IfModule x>\n'), ['1:unclosed-section']);
    assert.deepEqual(problems('<Location /x\n</Location>\n'), ['1:missing-gt']);
  });
  test('Include and IncludeOptional are recorded', () => {
    const doc = parseApache('Include ports.conf\nIncludeOptional conf-enabled/*.conf\n');
    assert.deepEqual(doc.includes.map((d) => d.args[0].text), ['ports.conf', 'conf-enabled/*.conf']);
  });
});

describe('apache: access model', () => {
  const section = (t: string) => parseApache(t).sections[0];
  test('2.4 Require', () => {
    assert.equal(accessOf(section('<Directory /a>\nRequire all granted\n</Directory>\n')).access, 'open');
    assert.equal(accessOf(section('<Directory /a>\nRequire all denied\n</Directory>\n')).access, 'denied');
    assert.equal(accessOf(section('<Directory /a>\nRequire ip 10.0.0.0/8\n</Directory>\n')).access, 'restricted');
    assert.equal(accessOf(section('<Directory /a>\nRequire local\nRequire all granted\n</Directory>\n')).access, 'open');
    assert.equal(accessOf(section('<Directory /a>\n<RequireAll>\nRequire all granted\nRequire ip 10.0.0.0/8\n</RequireAll>\n</Directory>\n')).access, 'restricted');
    assert.equal(accessOf(section('<Directory /a>\n<RequireAll>\nRequire all granted\nRequire not ip 10.0.0.1\n</RequireAll>\n</Directory>\n')).access, 'open');
    assert.equal(accessOf(section('<Directory /a>\nOptions None\n</Directory>\n')).access, 'none');
  });
  test('2.2 Order/Allow/Deny', () => {
    assert.equal(accessOf(section('<Directory /a>\nOrder allow,deny\nAllow from all\n</Directory>\n')).access, 'open');
    assert.equal(accessOf(section('<Directory /a>\nOrder deny,allow\nDeny from all\nAllow from 10.0.0.0/8\n</Directory>\n')).access, 'restricted');
    assert.equal(accessOf(section('<Directory /a>\nOrder deny,allow\nAllow from 10.0.0.0/8\n</Directory>\n')).access, 'open');
    assert.equal(accessOf(section('<Directory /a>\nOrder allow,deny\nAllow from 10.0.0.0/8\n</Directory>\n')).access, 'restricted');
  });
  test('the most specific Directory decides; a Location wins over Directory', () => {
    const doc = parseApache('<Directory /var/www>\nRequire all granted\n</Directory>\n<Directory /var/www/html/admin>\nRequire ip 10.0.0.0/8\n</Directory>\n<Location /admin>\nRequire local\n</Location>\n');
    assert.equal(directoryAccess(doc, '/var/www/html/admin/x', undefined)?.result.access, 'restricted');
    assert.equal(directoryAccess(doc, '/var/www/html/recordings', undefined)?.result.access, 'open');
    assert.equal(locationAccess(doc, '/admin/config.php', undefined)?.result.access, 'restricted');
  });
  test('conditional sections and Listen addresses', () => {
    const doc = parseApache('<IfModule ssl_module>\nListen 443\n</IfModule>\nListen 80\n');
    assert.deepEqual(doc.directives.map(isConditional), [true, false]);
    for (const a of ['80', '0.0.0.0:80', '[::]:80', '*:80', '[::ffff:0.0.0.0]:80']) assert.ok(listenAllInterfaces(a), a);
    for (const a of ['127.0.0.1:80', '192.168.1.10:80', '[::1]:443']) assert.ok(!listenAllInterfaces(a), a);
  });
});

describe('apache: file detection', () => {
  const kind = (p: string, t = '') => detectKind(p, t)?.kind;
  test('claims Apache files only', () => {
    for (const p of ['/etc/httpd/conf/httpd.conf', '/etc/apache2/apache2.conf', '/etc/apache2/ports.conf', '/etc/apache2/sites-enabled/000-default.conf', '/etc/apache2/conf-available/security.conf', '/etc/apache2/mods-available/status.conf', '/etc/httpd/conf.d/pbx.conf', '/etc/phpmyadmin/apache.conf']) {
      assert.equal(kind(p), 'apache', p);
    }
    for (const p of ['/etc/ports.conf', '/etc/fail2ban/jail.d/x.conf', '/etc/security/limits.conf', '/etc/asterisk/http.conf']) assert.notEqual(kind(p), 'apache', p);
    assert.equal(kind('/srv/site/vhost.conf', '<VirtualHost *:80>\n</VirtualHost>\n'), 'apache');
    assert.notEqual(kind('/etc/asterisk/x.conf', '<VirtualHost *:80>\n</VirtualHost>\n'), 'apache');
  });
});

const corpusDirs = ['debian/apache2', 'debian/phpmyadmin', 'synthetic/apache'];
const available = corpusDirs.map((d) => corpusAvailable(d)).filter((d): d is string => !!d);

/** What host-rules.md §B and the synthetic files' headers expect ("line:rule-id"); files not listed expect nothing. */
const EXPECTED: Record<string, string[]> = {
  'debian/apache2/etc/apache2/apache2.conf': ['171:apache-options-indexes'],
  'debian/apache2/etc/apache2/ports.conf': ['5:apache-listen-all-interfaces', '8:apache-listen-all-interfaces', '12:apache-listen-all-interfaces'],
  'debian/apache2/etc/apache2/conf-available/security.conf': ['12:apache-servertokens-verbose', '23:apache-serversignature-on'],
  'debian/apache2/etc/apache2/mods-available/userdir.conf': ['6:apache-options-indexes'],
  'debian/phpmyadmin/etc/phpmyadmin/apache.conf': ['3:apache-admin-path-public'],
  'synthetic/apache/freepbx-exposed.conf': [
    '5:apache-servertokens-verbose',
    '6:apache-serversignature-on',
    '7:apache-trace-enabled',
    '12:apache-options-indexes',
    '14:apache-admin-path-public',
    '18:apache-admin-path-public',
    '20:apache-admin-path-public',
    '22:apache-status-info-public',
  ],
  'synthetic/apache/freepbx-restricted.conf': [],
  'synthetic/apache/continuation-and-case.conf': [],
};

describe('apache corpus (../shared/corpus)', { skip: available.length ? false : 'skipped: ../shared/corpus (debian/apache2, debian/phpmyadmin, synthetic/apache) is absent' }, () => {
  const root = corpusAvailable('.')!;
  const all = available.flatMap(files).filter((f) => detectKind(f, readFileSync(f, 'utf8'))?.kind === 'apache');
  test('holds the Apache files', () => assert.ok(all.length >= 35, `${all.length} files`));
  for (const f of all) {
    const rel = relative(root, f);
    test(rel, () => {
      const text = readFileSync(f, 'utf8');
      const doc = parseApache(text);
      assertLossless(text, doc);
      assert.deepEqual(doc.problems.map((p) => `${p.line + 1}: ${p.message}`), []);
      const r = lintText({ path: f, text });
      assert.equal(r.kind?.kind, 'apache');
      assert.equal(r.findings.filter((x) => x.ruleId === INTERNAL_ERROR_ID).length, 0);
      const got = r.findings.map((x) => `${text.slice(0, x.span.start).split('\n').length}:${x.ruleId}`).sort();
      assert.deepEqual(got, [...(EXPECTED[rel] ?? [])].sort());
    });
  }
  test('the FreePBX admin path on the exposed vhost is critical, and Listen 443 in <IfModule> is lowered', () => {
    const ex = join(root, 'synthetic/apache/freepbx-exposed.conf');
    const r = lintText({ path: ex, text: readFileSync(ex, 'utf8') });
    assert.ok(r.findings.filter((f) => f.ruleId === 'apache-admin-path-public').every((f) => f.severity === 'error'));
    const ports = join(root, 'debian/apache2/etc/apache2/ports.conf');
    const p = lintText({ path: ports, text: readFileSync(ports, 'utf8') });
    assert.deepEqual(p.findings.map((f) => f.severity), ['warning', 'info', 'info']);
  });
});
