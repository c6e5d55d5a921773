/** Completion of keys (per file kind and section type, unset first) and enumerated values (safe first). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, CompletionResult } from '../server/src/engine/completion';
import { hoverAt } from '../server/src/engine/hover';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { parseAsterisk } from '../server/src/engine/asterisk/parser';

/** Completion at the `|` marker (removed from the text). */
function complete(marked: string, path: string): { r: CompletionResult | undefined; text: string; at: number } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'no | marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { r: completeAt(text, path, at, DEFAULT_SETTINGS), text, at };
}

/** Labels in the order an editor shows them (by sortText). */
const sorted = (r: CompletionResult) => [...r.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).map((i) => i.label);
const labels = (r: CompletionResult) => r.items.map((i) => i.label);

const SIP = '/etc/asterisk/sip.conf';
const PJSIP = '/etc/asterisk/pjsip.conf';

describe('key completion', () => {
  test('a new line in sip.conf [general] offers the general keys, unset ones first', () => {
    const { r, at } = complete('[general]\nallowguest=no\n|\n[1001]\ntype=friend\n', SIP);
    assert.ok(r);
    assert.deepEqual(r.span, { start: at, end: at });
    const all = labels(r);
    for (const k of ['allowguest', 'alwaysauthreject', 'autocreatepeer', 'context', 'useragent', 'register']) assert.ok(all.includes(k), `${k} missing`);
    for (const k of ['host', 'secret', 'insecure', 'type']) assert.ok(!all.includes(k), `peer key ${k} offered in [general]`);
    const order = sorted(r);
    assert.ok(order.indexOf('alwaysauthreject') < order.indexOf('allowguest'), 'allowguest is already set: it comes after the unset keys');
    assert.equal(order[order.length - 1], 'allowguest');
    const item = r.items.find((i) => i.label === 'alwaysauthreject')!;
    assert.equal(item.kind, 'key');
    assert.equal(item.insertText, 'alwaysauthreject=');
    assert.match(item.detail, /default: yes/);
    assert.match(item.documentation, /sip-alwaysauthreject/);
    assert.equal(r.items.find((i) => i.label === 'register')!.insertText, 'register => ');
  });

  test('a peer section offers the peer keys; security-relevant ones before the rest', () => {
    const { r } = complete('[general]\nallowguest=no\n\n[1001]\ntype=friend\n|', SIP);
    assert.ok(r);
    const all = labels(r);
    for (const k of ['host', 'secret', 'insecure', 'permit', 'deny', 'callerid']) assert.ok(all.includes(k), `${k} missing`);
    assert.ok(!all.includes('allowguest') && !all.includes('alwaysauthreject'));
    const order = sorted(r);
    assert.ok(order.indexOf('secret') < order.indexOf('callerid'));
    assert.ok(order.indexOf('type') > order.indexOf('callerid'), 'type is already set');
  });

  test('a key inherited from a template is not "already set"', () => {
    const { r } = complete('[phone](!)\ntype=friend\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\n[1001](phone)\n|\n', SIP);
    assert.ok(r);
    const secret = r.items.find((i) => i.label === 'secret')!;
    assert.match(secret.detail, /inherited from \[phone\]/);
    assert.ok(!secret.detail.includes('Vq3') && !secret.documentation.includes('Vq3'));
    assert.ok(secret.sortText.startsWith('0'));
  });

  test('the typed word is the replaced span; a key before an existing = gets no second =', () => {
    const { r, at } = complete('[general]\n  allo|\n', SIP);
    assert.ok(r);
    assert.deepEqual(r.span, { start: at - 4, end: at });
    const mid = complete('[general]\nallowg|uest=no\n', SIP);
    assert.ok(mid.r);
    assert.deepEqual(mid.r.span, { start: mid.at - 6, end: mid.at + 4 });
    assert.equal(mid.r.items.find((i) => i.label === 'allowguest')!.insertText, 'allowguest');
  });

  test('pjsip: keys of the effective type (inherited from a template)', () => {
    const { r } = complete('[tls](!)\ntype=transport\n[t1](tls)\n|\n[6001]\ntype=endpoint\n', PJSIP);
    assert.ok(r);
    const all = labels(r);
    assert.ok(all.includes('protocol') && all.includes('method') && all.includes('verify_server'));
    assert.ok(!all.includes('identify_by') && !all.includes('max_contacts'));
    const ep = complete('[6001]\ntype=endpoint\n|', PJSIP).r!;
    assert.ok(labels(ep).includes('identify_by') && labels(ep).includes('auth') && !labels(ep).includes('protocol'));
  });

  test('pjsip: a section without type= is offered type= first', () => {
    const { r } = complete('[6001]\n|\n', PJSIP);
    assert.ok(r);
    assert.equal(sorted(r)[0], 'type');
    // With endpoint keys already written, the endpoint keys follow.
    const guessed = complete('[6001]\ncontext=phones\nallow_transfer=no\n|\n', PJSIP).r!;
    assert.equal(sorted(guessed)[0], 'type');
    assert.ok(labels(guessed).includes('identify_by'));
  });

  test('other files: manager users, asterisk.conf [options], extensions.conf contexts', () => {
    const m = complete('[general]\nenabled=no\n[admin]\n|\n', '/etc/asterisk/manager.conf').r!;
    assert.ok(labels(m).includes('write') && labels(m).includes('deny') && !labels(m).includes('webenabled'));
    const o = complete('[options]\n|\n', '/etc/asterisk/asterisk.conf').r!;
    assert.ok(labels(o).includes('live_dangerously') && labels(o).includes('execincludes'));
    const x = complete('[from-internal]\n|\n', '/etc/asterisk/extensions.conf').r!;
    assert.equal(x.items.find((i) => i.label === 'exten')!.insertText, 'exten => ');
  });

  test('no completion in comments, headers, directives, unknown sections or unknown files', () => {
    assert.equal(complete('[general]\n; allow|\n', SIP).r, undefined);
    assert.equal(complete('[gen|eral]\n', SIP).r, undefined);
    assert.equal(complete('[general]\n#incl|\n', SIP).r, undefined);
    assert.equal(complete('[compat]\n|\n', '/etc/asterisk/asterisk.conf').r, undefined);
    assert.equal(complete('[general]\n|\n', '/home/u/notes.txt').r, undefined);
  });
});

describe('value completion', () => {
  test('allowguest= offers no first (safe), then yes (the default)', () => {
    const { r, at } = complete('[general]\nallowguest=|\n', SIP);
    assert.ok(r);
    assert.deepEqual(sorted(r), ['no', 'yes']);
    assert.deepEqual(r.span, { start: at, end: at });
    const [no, yes] = [r.items.find((i) => i.label === 'no')!, r.items.find((i) => i.label === 'yes')!];
    assert.equal(no.kind, 'value');
    assert.match(no.detail, /safe/);
    assert.match(yes.detail, /default/);
  });

  test('alwaysauthreject offers yes first; a typed prefix is replaced', () => {
    const { r, at } = complete('[general]\nalwaysauthreject = n|o\n', SIP);
    assert.ok(r);
    assert.equal(sorted(r)[0], 'yes');
    assert.deepEqual(r.span, { start: at - 1, end: at + 1 });
  });

  test('lists: words already present are left out; the span is the current item', () => {
    const { r, at } = complete('[p]\ntype=peer\ninsecure=port,|\n', SIP);
    assert.ok(r);
    assert.deepEqual(labels(r), ['invite']);
    assert.deepEqual(r.span, { start: at, end: at });
  });

  test('pjsip transport: protocol tls first, method tlsv1_2 first', () => {
    assert.equal(sorted(complete('[t]\ntype=transport\nprotocol=|\n', PJSIP).r!)[0], 'tls');
    const m = complete('[t]\ntype=transport\nprotocol=tls\nmethod=|\n', PJSIP).r!;
    assert.equal(sorted(m)[0], 'tlsv1_2');
    assert.ok(sorted(m).indexOf('tlsv1') > sorted(m).indexOf('tlsv1_2'));
    assert.equal(sorted(complete('[6001]\ntype=endpoint\nidentify_by=|\n', PJSIP).r!)[0], 'ip');
  });

  test('pjsip type= in an endpoint section offers endpoint first', () => {
    const { r } = complete('[6001]\ncontext=phones\ntype=|\n', PJSIP);
    assert.ok(r);
    assert.equal(sorted(r)[0], 'endpoint');
    assert.ok(labels(r).includes('transport'));
  });

  test('manager write=: least dangerous classes first, all last', () => {
    const r = complete('[admin]\nwrite=|\n', '/etc/asterisk/manager.conf').r!;
    const order = sorted(r);
    assert.ok(order.indexOf('call') < order.indexOf('originate'));
    assert.ok(order.indexOf('originate') < order.indexOf('system'));
    assert.equal(order[order.length - 1], 'all');
  });

  test('a peer nat= offers the [general] value first (a different one leaks peer names)', () => {
    const { r } = complete('[general]\nnat=force_rport,comedia\n[1001]\ntype=friend\nnat=|\n', SIP);
    assert.ok(r);
    const first = [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText))[0];
    assert.equal(first.label, 'force_rport,comedia');
    assert.match(first.detail, /matches \[general\]/);
  });

  test('never values for secrets, nothing for free-text keys', () => {
    assert.equal(complete('[1001]\ntype=friend\nsecret=|\n', SIP).r, undefined);
    assert.equal(complete('[1001]\ntype=friend\ncallerid=|\n', SIP).r, undefined);
  });

  test('CRLF files and the line after the final newline', () => {
    const crlf = complete('[general]\r\nallowguest=|\r\n', SIP).r!;
    assert.equal(sorted(crlf)[0], 'no');
    const eof = complete('[general]\r\nallowguest=no\r\n|', SIP).r!;
    assert.ok(labels(eof).includes('alwaysauthreject'));
  });
});

describe('reusing the linter\'s parse', () => {
  test('a document of this text is used; one of another text is ignored', () => {
    const text = '[general]\nallowguest=\n';
    const at = text.indexOf('=') + 1;
    const same = parseAsterisk(text);
    assert.deepEqual(sorted(completeAt(text, SIP, at, DEFAULT_SETTINGS, 'sip', same)!), ['no', 'yes']);
    const stale = parseAsterisk('[1001]\ntype=friend\n');
    assert.deepEqual(sorted(completeAt(text, SIP, at, DEFAULT_SETTINGS, 'sip', stale)!), ['no', 'yes']);
    assert.match(hoverAt(text, SIP, 12, DEFAULT_SETTINGS, 'sip', stale)!.markdown, /sip-allowguest/);
  });
});

describe('speed', () => {
  test('a 12,000-line sip.conf: a few milliseconds per request once parsed', () => {
    const lines = ['[general]', 'allowguest=no', 'alwaysauthreject=yes'];
    for (let i = 0; lines.length < 12_000; i++) lines.push(`[${1000 + i}]`, 'type=friend', 'host=dynamic', `secret=Vq3-kP9_zLm2-Xw7.R${i}`, 'context=phones', 'deny=0.0.0.0/0.0.0.0', 'permit=192.0.2.0/255.255.255.0', '');
    const text = lines.join('\n') + '\n';
    const mid = text.indexOf('context=phones', text.length >> 1);
    let t = process.hrtime.bigint();
    assert.ok(completeAt(text, SIP, mid, DEFAULT_SETTINGS));
    const first = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) {
      assert.ok(completeAt(text, SIP, mid, DEFAULT_SETTINGS));
      assert.ok(hoverAt(text, SIP, mid + 2, DEFAULT_SETTINGS));
    }
    const cached = Number(process.hrtime.bigint() - t) / 1e6 / 20;
    assert.ok(first < 500, `first request (with the parse) took ${first.toFixed(1)} ms`);
    assert.ok(cached < 10, `a request on an already parsed text took ${cached.toFixed(2)} ms`);
  });
});
