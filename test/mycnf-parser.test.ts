/** my.cnf parser: losslessness, MariaDB's line grammar, option resolution, detection, the corpus. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MyCnfDocument, parseMyCnf, printMyCnf } from '../server/src/engine/host/mycnf/parser';
import { boolOf, options, productOf, resolveOption, serverEffective } from '../server/src/engine/host/mycnf/model';
import { lintText, INTERNAL_ERROR_ID } from '../server/src/engine/lint';
import { detectKind } from '../server/src/engine/kinds';
import { corpusAvailable } from './helpers';

function assertLossless(text: string, doc: MyCnfDocument = parseMyCnf(text)): void {
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
  assert.equal(printMyCnf(doc), text);
}

function codes(text: string): string[] {
  return parseMyCnf(text).problems.map((p) => `${p.line + 1}:${p.code}`);
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else out.push(full);
  }
  return out;
}

describe('my.cnf: lossless round trip and robustness', () => {
  const cases: Record<string, string> = {
    empty: '',
    'only newline': '\n',
    'no final newline': '[mysqld]\nbind-address=127.0.0.1',
    crlf: '[mysqld]\r\nbind-address = 127.0.0.1\r\n# c\r\n',
    bom: '\uFEFF[mysqld]\nport=3306\n',
    'lone cr': '[mysqld]\rbind=1\r',
    nul: '[mysqld]\nbind-address=127.0.0.1\0junk\n',
    binary: '\x00\x01\x02[\xff\xfe]=\n!\n[\n]\n=\n"\n\'',
    tabs: '\t[client]\t# c\n\tpassword\t=\t"a#b"\t# c\n',
    'unterminated header': '[mysqld\nport=1\n',
    directives: '!include /etc/a.cnf\n!includedir /etc/mysql/conf.d/\n! includedir /x\n!INCLUDEDIR /y\n!include\n!bogus z\n',
    'quotes and escapes': "[mysqld]\na = 'it''s'\nb = \"x # y\" # z\nc = C:\\\\path\\\\n\nd='\n",
    'huge line': '[mysqld]\n' + 'x'.repeat(200_000) + '=1\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLossless(text));
  test('random bytes never throw and round-trip', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '[]=!#;"\'\\ \t\r\nabc-_';
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(rnd() * 80);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      assertLossless(s);
      lintText({ path: '/etc/mysql/my.cnf', text: s });
    }
  });
});

describe('my.cnf: line grammar (MariaDB 10.11 my_default.c)', () => {
  test("'#' ends an option line anywhere outside quotes; ';' only at the start of a line", () => {
    const doc = parseMyCnf('[mysqld]\nbind-address=127.0.0.1#x\nb = "127.0.0.1 # x"\nc = 127.0.0.1 ; local only\n;comment\n  # comment\n');
    const o = options(doc);
    assert.deepEqual(o.map((x) => x.value), ['127.0.0.1', '127.0.0.1 # x', '127.0.0.1 ; local only']);
    assert.deepEqual(doc.lines.map((l) => l.kind), ['group', 'option', 'option', 'option', 'comment', 'comment']);
  });
  test('whitespace around name and value is trimmed; quotes removed once; escapes applied', () => {
    const o = options(parseMyCnf("[mysqld]\n   bind-address   =   10.0.0.10   \r\nx='a\\sb'\ny=\"\"\nz='\n"));
    assert.deepEqual(o.map((x) => [x.line.option!.name.text, x.value]), [['bind-address', '10.0.0.10'], ['x', 'a b'], ['y', ''], ['z', "'"]]);
  });
  test("'[ mysqld ]' is the unknown group ' mysqld'; '[mysqld ]' is mysqld (trailing spaces are removed)", () => {
    const doc = parseMyCnf('[ mysqld ]\nbind-address=127.0.0.1\n[mysqld ] # c\nport=1\n[MYSQLD]\n');
    assert.deepEqual(doc.groups.map((g) => g.name), [' mysqld', 'mysqld', 'MYSQLD']);
    assert.deepEqual(codes('[ mysqld ]\n[mysqld ]\n'), ['1:group-whitespace']);
    assert.equal(serverEffective(doc, 'bind-address'), undefined);
  });
  test('an option before any group is fatal; a BOM is reported once', () => {
    assert.deepEqual(codes('port=1\n[mysqld]\n'), ['1:option-before-group']);
    assert.deepEqual(codes('\uFEFF[mysqld]\nport=1\n'), ['1:bom']);
    assert.ok(parseMyCnf('port=1\n').problems[0].fatal);
  });
  test('a header without ] is fatal; a name with a space and no = is fatal', () => {
    assert.deepEqual(codes('[mysqld\n'), ['1:unterminated-header']);
    assert.deepEqual(codes('[mysqld]\nbind-address 10.0.0.9\n'), ['2:name-whitespace']);
  });
  test('!include/!includedir: case-sensitive keyword, path without comment stripping, missing path fatal', () => {
    const doc = parseMyCnf('!includedir /etc/mysql/conf.d/\n  ! include /etc/x.cnf\n!INCLUDEDIR /y\n!include\n!includedir /d # c\n');
    assert.deepEqual(doc.includes.map((l) => [l.directive!.kind, l.directive!.path!.text]), [['includedir', '/etc/mysql/conf.d/'], ['include', '/etc/x.cnf'], ['includedir', '/d # c']]);
    assert.deepEqual(doc.problems.map((p) => `${p.line + 1}:${p.code}`), ['3:directive-ignored', '4:directive-no-path', '5:directive-comment']);
  });
});

describe('my.cnf: option names and booleans', () => {
  const r = (n: string) => {
    const x = resolveOption(n);
    return x ? `${x.option.name}${x.negated ? ' off' : ''}${x.loose ? ' loose' : ''}${x.abbreviated ? ' abbrev' : ''}` : undefined;
  };
  test('- and _ are the same; case does not matter', () => {
    assert.equal(r('Bind_Address'), 'bind-address');
    assert.equal(r('skip-grant_tables'), 'skip-grant-tables');
  });
  test('skip-/disable- negate, enable- does not, prefixes stack, loose- is stripped', () => {
    assert.equal(r('skip-local-infile'), 'local-infile off');
    assert.equal(r('disable-local-infile'), 'local-infile off');
    assert.equal(r('enable-skip-networking'), 'skip-networking');
    assert.equal(r('skip-skip-grant-tables'), 'skip-grant-tables off');
    assert.equal(r('skip_symbolic_links'), 'symbolic-links off');
    assert.equal(r('loose-local-infile'), 'local-infile loose');
    assert.equal(r('loose-skip-grant-tables'), 'skip-grant-tables loose');
  });
  test("MariaDB's unique prefixes: bind = bind-address", () => {
    assert.equal(r('bind'), 'bind-address abbrev');
    assert.equal(r('bind-addr'), 'bind-address abbrev');
    assert.equal(r('bi'), undefined);
  });
  test('boolean values: bare, 1/0, ON/OFF, TRUE/FALSE; invalid words per option', () => {
    const doc = parseMyCnf('[mysqld]\nlocal-infile\nlocal-infile=0\nlocal-infile = TRUE\nlocal-infile=yes\nsymbolic-links=NO\nskip-grant-tables=0\nold_passwords=2\n');
    assert.deepEqual(options(doc).map(boolOf), ['on', 'off', 'on', 'off', undefined, 'off', 'off']);
  });
  test('last occurrence wins across server groups only', () => {
    const doc = parseMyCnf('[mysqld]\nbind-address=0.0.0.0\n[client]\nbind-address=127.0.0.1\n[mariadb]\nbind=10.0.0.1\n');
    assert.equal(serverEffective(doc, 'bind-address')?.value, '10.0.0.1');
    const client = parseMyCnf('[client]\nbind-address=0.0.0.0\n');
    assert.equal(serverEffective(client, 'bind-address'), undefined);
  });
  test('product from the path and the group names', () => {
    assert.equal(productOf(parseMyCnf('[mysqld]\n'), '/etc/mysql/mariadb.conf.d/50-server.cnf'), 'mariadb');
    assert.equal(productOf(parseMyCnf('[mariadb]\n'), '/etc/my.cnf'), 'mariadb');
    assert.equal(productOf(parseMyCnf('[mysqld]\n'), '/etc/mysql/mysql.conf.d/mysqld.cnf'), 'mysql');
    assert.equal(productOf(parseMyCnf('[mysqld]\n'), '/etc/my.cnf'), 'unknown');
  });
});

describe('my.cnf: file detection', () => {
  const kind = (p: string) => detectKind(p, '')?.kind;
  test('claims option files only', () => {
    for (const p of ['/etc/my.cnf', '/root/.my.cnf', '/etc/mysql/my.cnf', '/etc/mysql/mariadb.conf.d/50-server.cnf', '/etc/my.cnf.d/server.cnf', '/etc/mysql/conf.d/custom.conf', '/etc/mysql/my.cnf.fallback', '/etc/mysql/mariadb.cnf']) {
      assert.equal(kind(p), 'mycnf', p);
    }
    for (const p of ['/etc/ssl/openssl.cnf', '/etc/apache2/conf.d/x.conf', '/etc/asterisk/res_config_mysql.conf', '/home/u/notes.cnf']) {
      assert.notEqual(kind(p), 'mycnf', p);
    }
  });
});

const corpusDirs = ['debian/mariadb-common', 'debian/mariadb-server', 'debian/mariadb-client', 'debian/mysql-common', 'synthetic/mysql'];
const available = corpusDirs.map((d) => corpusAvailable(d)).filter((d): d is string => !!d);

/** What host-rules.md §A and the synthetic files' headers expect ("line:rule-id"), per corpus file. */
const EXPECTED: Record<string, string[]> = {
  'debian/mariadb-common/etc/mysql/mariadb.cnf': [],
  'debian/mariadb-server/etc/mysql/mariadb.conf.d/50-server.cnf': ['9:mysql-local-infile-enabled', '9:mysql-secure-file-priv-empty', '9:mysql-symbolic-links-enabled'],
  'debian/mariadb-server/etc/mysql/mariadb.conf.d/50-mysqld_safe.cnf': [],
  'debian/mariadb-client/etc/mysql/mariadb.conf.d/50-client.cnf': [],
  'debian/mariadb-client/etc/mysql/mariadb.conf.d/50-mysql-clients.cnf': [],
  'debian/mariadb-client/etc/mysql/mariadb.conf.d/60-galera.cnf': [],
  'debian/mysql-common/etc/mysql/conf.d/mysql.cnf': [],
  'debian/mysql-common/etc/mysql/conf.d/mysqldump.cnf': [],
  'debian/mysql-common/etc/mysql/my.cnf.fallback': [],
  'synthetic/mysql/bind-prefix.cnf': ['4:mysql-bind-all-interfaces', '4:mysql-prefix-option-name'],
  'synthetic/mysql/client-password.cnf': ['4:mysql-password-in-config', '9:mysql-password-in-config'],
  'synthetic/mysql/group-inner-spaces.cnf': ['3:mysql-group-name-whitespace'],
  'synthetic/mysql/hash-inline.cnf': [],
  'synthetic/mysql/insecure-mixed.cnf': ['3:mysql-bind-all-interfaces', '5:mysql-symbolic-links-enabled', '6:mysql-secure-file-priv-empty', '7:mysql-old-passwords', '10:mysql-local-infile-enabled'],
  'synthetic/mysql/invalid-boolean.cnf': ['3:mysql-bind-all-interfaces', '4:mysql-invalid-boolean', '5:mysql-invalid-boolean'],
  'synthetic/mysql/semicolon-inline.cnf': ['4:mysql-inline-semicolon'],
  'synthetic/mysql/skip-grant-tables-variants.cnf': [
    '2:mysql-bind-all-interfaces',
    '2:mysql-local-infile-enabled',
    '2:mysql-secure-file-priv-empty',
    '2:mysql-symbolic-links-enabled',
    '3:mysql-skip-grant-tables',
    '6:mysql-skip-grant-tables',
  ],
};

describe('my.cnf corpus (../shared/corpus)', { skip: available.length ? false : 'skipped: ../shared/corpus (debian/mariadb-*, mysql-common, synthetic/mysql) is absent' }, () => {
  const root = corpusAvailable('.')!;
  const all = available.flatMap(files).filter((f) => detectKind(f, readFileSync(f, 'utf8'))?.kind === 'mycnf');
  test('holds the option files', () => assert.ok(all.length >= 15, `${all.length} files`));
  for (const f of all) {
    const rel = relative(root, f);
    test(rel, () => {
      const text = readFileSync(f, 'utf8');
      const doc = parseMyCnf(text);
      assertLossless(text, doc);
      assert.deepEqual(doc.problems.filter((p) => p.fatal).map((p) => `${p.line + 1}: ${p.message}`), []);
      const r = lintText({ path: f, text });
      assert.equal(r.kind?.kind, 'mycnf');
      assert.equal(r.findings.filter((x) => x.ruleId === INTERNAL_ERROR_ID).length, 0);
      const got = r.findings.map((x) => `${text.slice(0, x.span.start).split('\n').length}:${x.ruleId}`).sort();
      assert.ok(rel in EXPECTED, `no expectation written for ${rel}`);
      assert.deepEqual(got, [...EXPECTED[rel]].sort());
    });
  }
});
