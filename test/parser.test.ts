/** The Asterisk parser: losslessness, exact ranges, and config.c's odd corners (asterisk-syntax.md §12). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ConfDocument, effective, findSection, lastValue, parseAsterisk, allValues } from '../server/src/engine/asterisk/parser';
import { assertLossless } from './helpers';

const key = (doc: ConfDocument, section: string, k: string) => lastValue(findSection(doc, section)!, k)?.value;

describe('lossless round trip', () => {
  const cases: Record<string, string> = {
    empty: '',
    'no final newline': '[general]\nallowguest=no',
    crlf: '[general]\r\nallowguest = no\r\n; c\r\n',
    bom: '\ufeff[general]\nallowguest=no\n',
    'trailing whitespace': '[general]   \nallowguest = no   \t\n',
    'lone CR': '[general]\rallowguest=no\n',
    'block comment and code on one line': '[g]\nm = a;-- hidden --;b\n',
    'escaped semicolon': '[g]\nsecret=ab\\;cd ; real comment\n',
    'nested block comments': '[g]\n;-- a ;-- b --; c --;\nx=1\n',
    'stray end marker': '[g]\nx = 1--;2\ny=3\n',
    'NUL byte': '[g]\nx=1\0junk\n',
    'control characters': '[g]\n\x01x=\x02y\x7f\n',
    'invalid lines': '[g]\n# comment\nnoequals\n= novalue\n#include\n',
    'header forms': '[a](!)\n[b](a)\n[c] (!)\n[ d ]\n[e]junk\n[f]()\n[a](+)\nk=v\n',
    unicode: '[g]\nsecret=pässwörd😀\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertLossless(text));
  test('an over-long line is skipped whole', () => {
    const text = `[g]\nx=${'a'.repeat(9000)}\ny=2\n`;
    const doc = parseAsterisk(text);
    assertLossless(text, doc);
    assert.equal(key(doc, 'g', 'x'), undefined);
    assert.equal(key(doc, 'g', 'y'), '2');
    assert.ok(doc.problems.some((p) => p.code === 'line-too-long'));
  });
});

describe('comments', () => {
  test('`;` starts a comment, `\\;` is a literal semicolon', () => {
    const doc = parseAsterisk('[g]\nsecret=ab\\;cd ; c\nother=x\\\\;y\n');
    assert.equal(key(doc, 'g', 'secret'), 'ab;cd');
    assert.equal(key(doc, 'g', 'other'), 'x\\;y');
  });
  test('text around a one-line block comment is joined', () => {
    assert.equal(key(parseAsterisk('[g]\nm = a;-- hidden --;b\n'), 'g', 'm'), 'ab');
  });
  test(';--- is a line comment, ;-- opens a block', () => {
    const doc = parseAsterisk('[g]\n;---- banner ----\nx=1\n;--\ny=2\n--;\nz=3\n');
    assert.equal(key(doc, 'g', 'x'), '1');
    assert.equal(key(doc, 'g', 'y'), undefined);
    assert.equal(key(doc, 'g', 'z'), '3');
  });
  test('block comments nest', () => {
    const doc = parseAsterisk('[g]\n;-- a ;-- b --; c --;\nx=1\n;-- a\n;-- b\n--;\ny=2\n--;\nz=3\n');
    assert.equal(key(doc, 'g', 'x'), '1');
    assert.equal(key(doc, 'g', 'y'), undefined);
    assert.equal(key(doc, 'g', 'z'), '3');
  });
  test(';--; opens a block and does not close it', () => {
    const doc = parseAsterisk('[g]\nx=1 ;--;\ny=2\n--;\nz=3\n');
    assert.equal(key(doc, 'g', 'y'), undefined);
    assert.equal(key(doc, 'g', 'z'), '3');
  });
  test('a stray --; keeps its own line whole and kills the rest of the file', () => {
    const doc = parseAsterisk('[g]\nx = 1--;2\ny=3\n[h]\nz=4\n');
    assert.equal(key(doc, 'g', 'x'), '1--;2');
    assert.equal(key(doc, 'g', 'y'), undefined);
    assert.equal(findSection(doc, 'h'), undefined);
    assert.ok(doc.problems.some((p) => p.code === 'stray-comment-end' && p.line === 1));
  });
  test('an unterminated block is reported at its opening line', () => {
    const doc = parseAsterisk('[g]\nx=1\n;-- open\ny=2\n');
    const p = doc.problems.find((q) => q.code === 'unterminated-comment');
    assert.equal(p?.line, 2);
    assert.equal(key(doc, 'g', 'y'), undefined);
  });
  test('# is not a comment', () => {
    const doc = parseAsterisk('[g]\n# bindaddr=127.0.0.1\n');
    assert.ok(doc.problems.some((p) => p.code === 'unknown-directive'));
    assert.equal(key(doc, 'g', 'bindaddr'), undefined);
  });
});

describe('sections', () => {
  test('templates, inheritance and appends follow config.c', () => {
    const doc = parseAsterisk('[t](!)\nsecret=a\nhost=dynamic\n[p](t)\nsecret=b\n[p](+)\ncontext=x\n[t](+)\n');
    const p = findSection(doc, 'p')!;
    assert.deepEqual(allValues(p, 'secret').map((e) => e.value), ['a', 'b']);
    assert.equal(lastValue(p, 'host')?.value, 'dynamic');
    assert.equal(lastValue(p, 'context')?.value, 'x');
    assert.equal(findSection(doc, 't'), undefined, 'a template is not a live section');
    // `(+)` on a template is fatal since 14.
    assert.ok(doc.problems.some((q) => q.code === 'append-missing' && q.fatal));
  });
  test('inheritance copies the base as it was at that moment', () => {
    const doc = parseAsterisk('[b]\nx=1\n[c](b)\n[b](+)\ny=2\n');
    const c = findSection(doc, 'c')!;
    assert.equal(lastValue(c, 'y'), undefined);
    assert.equal(lastValue(c, 'x')?.value, '1');
  });
  test('[x] (!) is an ordinary section; [ general ] is not general; ()) inherits the first section', () => {
    const doc = parseAsterisk('[first]\nk=1\n[x] (!)\n[ general ]\n[e]()\n');
    assert.ok(findSection(doc, 'x'));
    assert.equal(findSection(doc, 'general'), undefined);
    assert.equal(lastValue(findSection(doc, 'e')!, 'k')?.value, '1');
  });
  test('unknown base, missing ] and ), settings before a section are fatal', () => {
    for (const text of ['[p](nobase)\n', '[p\n', '[p](!\n', 'x=1\n[g]\n', '[g]\n\\ x=1\n', '[p](!, t)\n']) {
      assert.ok(parseAsterisk(text).fatal, JSON.stringify(text));
    }
    assert.ok(!parseAsterisk('x=1\n', { fragment: true }).fatal, 'a fragment may start with settings');
  });
  test('names and keys compare case-insensitively; later values win', () => {
    const doc = parseAsterisk('[General]\nAllowGuest=yes\nallowguest=no\n');
    assert.equal(key(doc, 'general', 'allowguest'), 'no');
  });
});

describe('assignments', () => {
  test('=, => and += ; values keep = and quotes; exact ranges', () => {
    const text = '[g]\n  register => a:b@c\nk = abc\nk += def\nK += ghi\nv = a=b\nq="x"\nempty =\n';
    const doc = parseAsterisk(text);
    const g = findSection(doc, 'g')!;
    const reg = lastValue(g, 'register')!;
    assert.equal(reg.op, '=>');
    assert.equal(text.slice(reg.line.assign!.value.start, reg.line.assign!.value.end), 'a:b@c');
    assert.equal(text.slice(reg.line.assign!.key.start, reg.line.assign!.key.end), 'register');
    assert.deepEqual(effective(g).filter((e) => e.lkey === 'k').map((e) => [e.key, e.value]), [['k', 'abc def'], ['K', 'ghi']]);
    assert.equal(lastValue(g, 'v')?.value, 'a=b');
    assert.equal(lastValue(g, 'q')?.value, '"x"');
    const empty = lastValue(g, 'empty')!;
    assert.equal(empty.value, '');
    assert.equal(empty.line.assign!.value.start, empty.line.assign!.value.end);
  });
  test('a leading backslash escapes the first character of the name', () => {
    const doc = parseAsterisk('[g]\n\\#foo = 1\n');
    assert.equal(key(doc, 'g', '#foo'), '1');
  });
  test('directives are recorded, never executed', () => {
    const doc = parseAsterisk('[g]\n#include "sip_custom.conf"\n#tryinclude <x.conf>\n#exec /bin/rm -rf /\n#INCLUDE y.conf\n');
    const g = findSection(doc, 'g')!;
    assert.deepEqual(g.includes.map((l) => l.directive!.arg!.text), ['sip_custom.conf', 'x.conf', 'y.conf']);
    assert.equal(doc.lines[3].directive!.word.text, 'exec');
  });
});
