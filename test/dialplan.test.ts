/** The extensions.conf model (asterisk/dialplan.ts): contexts, exten/same lines, exact spans, patterns, caller references. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseAsterisk } from '../server/src/engine/asterisk/parser';
import {
  DpLine,
  DpPart,
  dialplanOf,
  editable,
  extenAlphabet,
  extenRegExp,
  filterCharset,
  findCallerRefs,
  guarded,
  hasWildcard,
  parsePattern,
  resolveSubCall,
  scanVars,
  splitArgs,
} from '../server/src/engine/asterisk/dialplan';

const dp = (text: string) => dialplanOf(parseAsterisk(text));
/** The file's text at a part's span. */
const at = (text: string, p: { start: number; end: number }) => text.slice(p.start, p.end);
const lines = (text: string, ctx: string): DpLine[] => dp(text).byName.get(ctx)?.lines ?? [];

/** Every part of a line is where the file says it is. */
function assertSpans(text: string, l: DpLine): void {
  const parts: DpPart[] = [l.ext, l.extField, l.priority.part, l.priority.base, l.app.name, ...l.app.args];
  if (l.app.data) parts.push(l.app.data);
  if (l.priority.label) parts.push(l.priority.label);
  if (l.cid) parts.push(l.cid);
  for (const p of parts) if (editable(p)) assert.equal(at(text, p), p.text);
}

describe('contexts', () => {
  test('general and globals are not contexts; templates are hidden; repeated sections merge', () => {
    const text = '[general]\nstatic=yes\n[globals]\nX=1\n[tpl](!)\nexten => 1,1,NoOp(t)\n[a](tpl)\nexten => 2,1,NoOp()\n[b]\ninclude => a\n[a]\nexten => 3,1,NoOp()\n';
    const d = dp(text);
    assert.deepEqual(d.contexts.map((c) => c.name), ['a', 'b']);
    assert.equal(d.general.length, 1);
    assert.equal(d.globals.length, 1);
    const a = d.byName.get('a')!;
    assert.equal(a.sections.length, 2);
    assert.deepEqual(a.lines.map((l) => l.ext.text), ['1', '2', '3']);
  });
  test('context names are case-sensitive', () => {
    const d = dp('[Default]\nexten => 1,1,NoOp()\n[default]\nexten => 2,1,NoOp()\n[GENERAL]\nstatic=yes\n');
    assert.deepEqual(d.contexts.map((c) => c.name), ['Default', 'default']);
    assert.equal(d.general.length, 1);
  });
  test('include, ignorepat, switch and unknown keys', () => {
    const text = '[c]\ninclude => foo,09:00-17:00,mon-fri,*,*\ninclude => bar|x\ninclude=>  baz\nignorepat => 9\nswitch => IAX2/u@h/ctx\nlswitch => Loopback/x\nbogus = 1\n';
    const c = dp(text).byName.get('c')!;
    assert.deepEqual(c.includes.map((i) => i.name.text), ['foo', 'bar', 'baz']);
    for (const i of c.includes) assert.equal(at(text, i.name), i.name.text);
    assert.equal(c.includes[0].timespec?.text, '09:00-17:00,mon-fri,*,*');
    assert.equal(c.ignorepats.length, 1);
    assert.equal(c.switches.length, 2);
    assert.equal(c.unknown.length, 1);
  });
});

describe('exten and same lines', () => {
  const text = [
    '[c]',
    'exten => _X./_1234,1,NoOp(start)',
    '  same => n(dial),Dial(SIP/${EXTEN}@trunk,30,tT)',
    '  SAME => n,Hangup()',
    'exten => 100,hint,PJSIP/100&PJSIP/101(Joe Schmoe)',
    'exten => 100,1,Goto(c,dial+1)',
    'exten = 100,n(back),Set(x=${CUT(a,b,1)})',
    'exten => 100,back+5,NoOp',
    'exten => 101,1,Wait,2',
    'exten => 101,1(lab,NoOp()',
    'exten => 102,n,NoOp()',
    '',
  ].join('\n');
  const ls = lines(text, 'c');
  test('every part has its exact span', () => {
    for (const l of ls) assertSpans(text, l);
  });
  test('same inherits the pattern, labels and priorities are resolved', () => {
    assert.equal(ls[0].ext.text, '_X.');
    assert.equal(ls[0].cid?.text, '_1234');
    assert.equal(ls[1].keyword, 'same');
    assert.equal(ls[1].ext.text, '_X.');
    assert.equal(ls[1].origin, ls[0]);
    assert.equal(ls[2].keyword, 'same');
    assert.deepEqual(ls.slice(0, 3).map((l) => l.priority.num), [1, 2, 3]);
    assert.equal(ls[1].priority.label?.text, 'dial');
    assert.equal(at(text, ls[1].priority.label!), 'dial');
    assert.ok(hasWildcard(ls[1].pattern));
  });
  test('application name, data (first ( to last )) and top-level arguments', () => {
    const d = ls[1];
    assert.equal(d.app.name.text, 'Dial');
    assert.equal(d.app.data?.text, 'SIP/${EXTEN}@trunk,30,tT');
    assert.deepEqual(d.app.args.map((a) => a.text), ['SIP/${EXTEN}@trunk', '30', 'tT']);
    assert.deepEqual(d.app.args.map((a) => at(text, a)), ['SIP/${EXTEN}@trunk', '30', 'tT']);
    assert.deepEqual(ls[5].app.args.map((a) => a.text), ['x=${CUT(a,b,1)}']);
  });
  test('a hint is not an application', () => {
    const h = ls[3];
    assert.ok(h.hint);
    assert.equal(h.priority.kind, 'hint');
    assert.equal(h.priority.num, -1);
    assert.equal(h.app.name.text, 'PJSIP/100&PJSIP/101');
  });
  test('label with offset, App without parentheses, broken label, next on a fresh context', () => {
    assert.equal(ls[6].priority.kind, 'label');
    assert.equal(ls[6].priority.num, 7);
    assert.equal(ls[6].priority.offset?.text, '5');
    assert.equal(ls[7].app.name.text, 'Wait,2');
    assert.equal(ls[7].app.data, undefined);
    assert.ok(ls[8].dropped?.includes("closing ')'"));
    const fresh = lines('[d]\nexten => 1,n,NoOp()\nsame => 1,NoOp()\n', 'd');
    assert.ok(fresh[0].dropped);
    assert.equal(fresh[1].priority.num, 1);
  });
  test('same before any exten is ignored, like pbx_config does', () => {
    assert.equal(lines('[e]\nsame => n,NoOp()\nexten => 1,1,NoOp()\n', 'e').length, 1);
  });
  test('n after a hint gives priority 0: dropped', () => {
    const l = lines('[h]\nexten => 1,hint,SIP/1\nexten => 1,n,NoOp()\n', 'h');
    assert.ok(l[1].dropped);
  });
});

describe('odd input', () => {
  test('unbalanced parentheses and braces never throw', () => {
    const text = '[c]\nexten => 1,1,Dial(SIP/foo\nexten => 2,1,Set(x=${CUT(a,b\nexten => 3,1,System(echo ${CALLERID(num)\nexten => 4,1,)(\nexten => ,,\nexten =>\nsame => \n';
    const ls = lines(text, 'c');
    assert.equal(ls[0].app.closed, false);
    assert.equal(ls[0].app.data?.text, 'SIP/foo');
    for (const l of ls) assertSpans(text, l);
    const refs = findCallerRefs('echo ${CALLERID(num)');
    assert.equal(refs.length, 1);
  });
  test('a pattern with [a-z], and a comma inside [] does not end the extension', () => {
    const ls = lines('[c]\nexten => _[a-z]X[,&]N,1,NoOp()\n', 'c');
    assert.equal(ls[0].ext.text, '_[a-z]X[,&]N');
    const p = parsePattern(ls[0].ext.text)!;
    assert.equal(p.elems.length, 4);
    const first = p.elems[0];
    assert.ok(first.kind === 'set' && first.chars.has('q'.charCodeAt(0)) && !first.chars.has('A'.charCodeAt(0)));
    const alpha = extenAlphabet(ls[0])!;
    assert.ok(alpha.has('&'.charCodeAt(0)));
    assert.ok(extenRegExp('_[a-z]X-N').test('q42'));
    assert.ok(!extenRegExp('_[a-z]XN').test('q41'));
    assert.ok(extenRegExp('_X.').test('1&SIP/x'));
    assert.ok(!extenRegExp('_X.').test('1'));
    assert.ok(extenRegExp('_X!').test('1'));
    assert.equal(parsePattern('_[12')!.broken, true);
  });
  test('a block comment inside a value: offsets follow the file, no edit allowed across it', () => {
    const text = '[c]\nexten => 1,1,Dial(SIP/;-- note --;${EXTEN}@t)\n';
    const l = lines(text, 'c')[0];
    assert.equal(l.app.data?.text, 'SIP/${EXTEN}@t');
    assert.ok(!editable(l.app.data!));
    const arg = l.app.args[0];
    const refs = findCallerRefs(arg.text);
    assert.equal(refs.length, 1);
    // The reference itself is contiguous: the edit can target it exactly.
    const i = arg.text.indexOf('${EXTEN}');
    assert.equal(at(text, { start: arg.pos![i], end: arg.pos![i + 7] + 1 }), '${EXTEN}');
  });
  test('an escaped semicolon is not editable but is read as ;', () => {
    const l = lines('[c]\nexten => 1,1,System(echo a\\;b)\n', 'c')[0];
    assert.equal(l.app.data?.text, 'echo a;b');
    assert.ok(!editable(l.app.data!));
  });
  test('a value extended by += keeps approximate offsets', () => {
    const text = '[c]\nexten => 1,1,NoOp(a\nexten += b)\n';
    const l = lines(text, 'c')[0];
    assert.equal(l.app.data?.text, 'a b');
    assert.equal(l.app.data?.exact, false);
  });
  test('random input never throws', () => {
    const alphabet = '[]()${}:,;-_.!X&|/\\@"n \n=>exten same include';
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 300; k++) {
      let s = '[c]\n';
      const n = Math.floor(rnd() * 120);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const d = dp(s);
      for (const c of d.contexts) for (const l of c.lines) {
        findCallerRefs(l.appField.text);
        resolveSubCall(d, l);
        for (const p of [l.ext, l.app.name, ...l.app.args]) assert.ok(p.start <= p.end && p.end <= s.length);
      }
      scanVars(s);
      filterCharset(s);
    }
  });
});

describe('arguments', () => {
  const part = (text: string): DpPart => ({ start: 0, end: text.length, text, exact: true });
  test('nested functions, $[...], quotes and escapes keep commas inside', () => {
    const args = splitArgs(part('a,${IF($[${X} > 1]?b,c:d)},"e,f",g\\,h,$[1,2],i(j,k)'));
    assert.deepEqual(args.map((a) => a.text), ['a', '${IF($[${X} > 1]?b,c:d)}', '"e,f"', 'g\\,h', '$[1,2]', 'i(j,k)']);
  });
  test('trailing comma gives an empty last argument; empty data none', () => {
    assert.deepEqual(splitArgs(part('a,')).map((a) => a.text), ['a', '']);
    assert.deepEqual(splitArgs(part('')), []);
  });
});

describe('caller-controlled references', () => {
  test('EXTEN, substrings, CALLERID fields, headers', () => {
    const refs = findCallerRefs('${EXTEN} ${EXTEN:1} ${EXTEN:${GLOBAL(N)}:3} ${CALLERID(num)} ${CALLERID(name)} ${CALLERID(num-pres)} ${exten} ${PJSIP_HEADER(read,From)} ${PJSIP_HEADER(add,X)} ${SIP_HEADER(To)} ${CDR(src)} ${CHANNEL(useragent)} ${MYVAR}');
    assert.deepEqual(refs.map((r) => r.text), ['${EXTEN}', '${EXTEN:1}', '${EXTEN:${GLOBAL(N)}:3}', '${CALLERID(num)}', '${CALLERID(name)}', '${PJSIP_HEADER(read,From)}', '${SIP_HEADER(To)}', '${CDR(src)}', '${CHANNEL(useragent)}']);
    assert.equal(refs[3].nameLike, false);
    assert.equal(refs[4].nameLike, true);
  });
  test('FILTER wrapping, with the charset judged', () => {
    const [a] = findCallerRefs('SIP/${FILTER(0-9,${EXTEN})}@t');
    assert.equal(a.filters.length, 1);
    assert.ok(guarded(a, '&,'));
    const [b] = findCallerRefs('${FILTER(0-9&,${EXTEN})}');
    assert.ok(!guarded(b, '&,'));
    const [c] = findCallerRefs('${FILTER(${CS},${EXTEN})}');
    assert.ok(guarded(c, '&,'), 'a charset from a variable is trusted');
    const [d] = findCallerRefs('${FILTER(.@0-9a-zA-Z,${EXTEN})}');
    assert.ok(guarded(d, '&,'));
  });
  test('consuming functions (LEN, REGEX) and SHELL context', () => {
    const [l] = findCallerRefs('${LEN(${EXTEN})}');
    assert.ok(l.consumed);
    const [r] = findCallerRefs('$["${REGEX("^[0-9]+$" ${CALLERID(num)})}" = "1"]');
    assert.ok(r.consumed);
    const [s] = findCallerRefs('x=${SHELL(echo ${CALLERID(name)})}');
    assert.ok(s.shell);
    assert.deepEqual(s.within, ['SHELL']);
  });
  test('FILTER charset decoding', () => {
    const set = (s: string) => [...filterCharset(s)!].sort((a, b) => a - b).map((c) => String.fromCharCode(c)).join('');
    assert.equal(set('0-9'), '0123456789');
    assert.equal(set('a-c\\-'), '-abc');
    assert.equal(set('\\x41\\n'), '\nA');
    assert.equal(filterCharset('z-a')!.size, 256 - 24, 'a reversed range wraps around');
    assert.equal(filterCharset('${X}'), undefined);
  });
});

describe('Gosub and Macro targets', () => {
  test('Gosub(ctx,exten,priority(args)) and Macro(name,args) resolve to the called lines', () => {
    const text = [
      '[page]',
      'exten => _X.,1,Gosub(sub-page,s,1(SIP/${EXTEN},x))',
      'exten => _X.,n,Macro(dialout,${EXTEN})',
      'exten => 5,1,Gosub(lab(a))',
      'exten => 5,n(lab),NoOp(${ARG1})',
      '[sub-page]',
      'exten => s,1,NoOp()',
      ' same => n,Dial(${ARG1})',
      '[macro-dialout]',
      'exten => s,1,Dial(${ARG1})',
      '',
    ].join('\n');
    const d = dp(text);
    const [g, m, local] = d.byName.get('page')!.lines;
    const call = resolveSubCall(d, g)!;
    assert.equal(call.context.name, 'sub-page');
    assert.deepEqual(call.args.map((a) => a.text), ['SIP/${EXTEN}', 'x']);
    assert.equal(call.lines.length, 2);
    const mc = resolveSubCall(d, m)!;
    assert.equal(mc.context.name, 'macro-dialout');
    assert.deepEqual(mc.args.map((a) => a.text), ['${EXTEN}']);
    const lc = resolveSubCall(d, local)!;
    assert.equal(lc.lines.length, 1);
    assert.equal(lc.lines[0].priority.num, 2);
  });
});
