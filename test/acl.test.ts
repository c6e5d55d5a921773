/**
 * The shared ACL evaluator (main/acl.c semantics) and the AMI permission-list parser
 * (main/manager.c get_perm / ast_instring), against the behaviour read from the Asterisk source
 * and verified in asterisk-syntax.md §9.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseAsterisk, Entry } from '../server/src/engine/asterisk/parser';
import {
  PJSIP_CONTACT_ACL,
  PROBE_V4,
  PROBE_V6,
  admitsIpv6,
  coversRule,
  decidingRule,
  evaluateAcl,
  hostOf,
  isCatchAll,
  isLoopbackHost,
  isLoopbackRule,
  isPublicIpv6Host,
  parseAcl,
  parseAclItem,
  parseAddress,
  parseNumericHost,
  sectionAcl,
} from '../server/src/engine/acl';
import {
  AMI_CLASSES,
  amiInstring,
  describePermissions,
  effectivePermissions,
  normalisePermissionList,
  permissionItems,
  DANGEROUS_WRITE,
} from '../server/src/engine/asterisk/manager';

/** The effective entries of the first section of a snippet. */
function entries(body: string): Entry[] {
  const doc = parseAsterisk(`[s]\n${body}\n`);
  return doc.sections[0].added;
}

function acl(body: string) {
  return parseAcl(entries(body));
}

function v4(a: string): bigint {
  const p = parseNumericHost(a);
  assert.ok(p && p.family === 4, a);
  return p.value;
}

describe('addresses (getaddrinfo AI_NUMERICHOST)', () => {
  test('inet_aton forms: short, octal and hex parts', () => {
    assert.equal(v4('192.0.2.1'), 0xc0000201n);
    assert.equal(v4('10.1'), 0x0a000001n);
    assert.equal(v4('127.1'), 0x7f000001n);
    assert.equal(v4('010.0.0.1'), 0x08000001n); // a leading 0 is octal
    assert.equal(v4('0x7f.0.0.1'), 0x7f000001n);
    assert.equal(v4('3221225985'), 0xc0000201n);
    for (const bad of ['256.0.0.1', '1.2.3.4.5', '08.0.0.1', '1.2.3.', ' 1.2.3.4', '1.2.3.4 ', 'host.example', '']) {
      assert.equal(parseNumericHost(bad), undefined, bad);
    }
    // parseAddress (used outside the ACL code) stays a plain dotted-quad parser.
    assert.equal(parseAddress('10.1'), undefined);
    assert.equal(parseAddress('010.0.0.1')?.value, 0x0a000001n);
  });
  test('IPv6, embedded IPv4, scope ids', () => {
    assert.equal(parseNumericHost('::1')?.value, 1n);
    assert.equal(parseNumericHost('2001:db8::1')?.family, 6);
    assert.equal(parseNumericHost('::ffff:192.0.2.1')?.value, (0xffffn << 32n) | 0xc0000201n);
    assert.equal(parseNumericHost('fe80::1%eth0')?.family, 6);
    assert.equal(parseAddress('[2001:db8::1]')?.family, 6);
    for (const bad of ['2001:db8:::1', '1:2:3:4:5:6:7:8:9', '12345::1', '::ffff:01.2.3.4', 'fe80::1%', '[::1]']) {
      assert.equal(parseNumericHost(bad), undefined, bad);
    }
  });
  test('hosts and listeners', () => {
    assert.equal(hostOf('[::1]:5038'), '::1');
    assert.equal(hostOf('192.0.2.1:5060'), '192.0.2.1');
    assert.equal(hostOf('2001:db8::1'), '2001:db8::1');
    assert.ok(admitsIpv6('[::]:5060') && admitsIpv6('::') && !admitsIpv6('0.0.0.0:5060'));
    assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('127.1') && isLoopbackHost('[::1]') && isLoopbackHost('::ffff:127.0.0.1'));
    assert.ok(!isLoopbackHost('0.0.0.0') && !isLoopbackHost('::'));
    assert.ok(isPublicIpv6Host('2001:db8::10'));
    for (const h of ['::', '::1', 'fe80::1', 'fd00::10', '::ffff:192.0.2.1', '192.0.2.1']) assert.ok(!isPublicIpv6Host(h), h);
  });
});

describe('ACL items (append_ha_core)', () => {
  const ok = (item: string, sense: 'permit' | 'deny' = 'permit') => {
    const r = parseAclItem(item, sense);
    assert.ok('rule' in r, `${item}: ${'error' in r ? r.error : ''}`);
    return r.rule;
  };
  const bad = (item: string) => assert.ok('error' in parseAclItem(item, 'permit'), item);

  test('no mask is a single host; CIDR and dotted masks', () => {
    assert.equal(ok('192.0.2.7').prefix, 32);
    assert.equal(ok('2001:db8::7').prefix, 128);
    assert.equal(ok('192.0.2.0/24').prefix, 24);
    assert.equal(ok('192.0.2.0/255.255.255.0').prefix, 24);
    assert.equal(ok('192.0.2.77/24').network, 0xc0000200n, 'host bits are cleared');
    assert.equal(ok('2001:db8::/32').prefix, 32);
    assert.equal(ok('2001:db8::/ffff:ffff::').prefix, 32);
  });
  test('a dotted mask with holes is accepted and applied bit by bit', () => {
    const r = ok('10.0.0.1/255.0.0.255');
    assert.equal(r.contiguous, false);
    assert.equal(evaluateAcl([{ ...r, sense: 'deny', entry: entries('deny=x')[0], item: '' }], '10.9.9.1'), 'deny');
    assert.equal(evaluateAcl([{ ...r, sense: 'deny', entry: entries('deny=x')[0], item: '' }], '10.9.9.2'), 'permit');
  });
  test('the CIDR length is read with sscanf("%d"): blanks before, junk after', () => {
    assert.equal(ok('192.0.2.0/ 24').prefix, 24);
    assert.equal(ok('192.0.2.0/24 ').prefix, 24);
    assert.equal(ok('0.0.0.0/0 ').prefix, 0);
    bad('192.0.2.0/33');
    bad('2001:db8::/129');
    bad('192.0.2.0/');
    bad('192.0.2.0/x');
  });
  test('the address is not trimmed: a blank before or after it breaks the item', () => {
    bad(' 192.0.2.2');
    bad('192.0.2.2 ');
    bad('192.0.2.0 /24');
    bad(' ::/0');
    bad('');
  });
  test('ports, host names and mixed families are rejected; brackets are fine', () => {
    bad('192.0.2.1:5060');
    bad('[2001:db8::1]:5060');
    bad('pbx.example.com');
    bad('192.0.2.0/ffff::');
    bad('2001:db8::/255.255.0.0');
    assert.equal(ok('[2001:db8::1]').family, 6);
  });
  test('an IPv4-mapped address becomes an IPv4 rule (and takes an IPv4 CIDR length)', () => {
    const r = ok('::ffff:192.0.2.0/24');
    assert.equal(r.family, 4);
    assert.equal(r.network, 0xc0000200n);
    bad('::ffff:192.0.2.0/120');
  });
  test('! flips the sense of the item', () => {
    assert.equal(ok('!192.0.2.12', 'permit').sense, 'deny');
    assert.equal(ok('!192.0.2.12', 'deny').sense, 'permit');
    assert.equal(ok('!192.0.2.12', 'deny').negate, true);
  });
});

describe('ACL lines (parseAcl)', () => {
  test('items are split on "," and a bad item stops its line only', () => {
    const a = acl('deny=0.0.0.0/0.0.0.0\npermit=192.0.2.1, 192.0.2.2,192.0.2.3\npermit=192.0.2.4');
    assert.deepEqual(a.rules.map((r) => r.item), ['0.0.0.0/0.0.0.0', '192.0.2.1', '192.0.2.4']);
    assert.deepEqual(a.invalid.map((i) => i.item), [' 192.0.2.2']);
    assert.deepEqual(a.dropped.map((i) => i.item), ['192.0.2.3']);
  });
  test('item offsets point into the file', () => {
    const doc = parseAsterisk('[s]\npermit = 192.0.2.1,192.0.2.2\n');
    const a = sectionAcl(doc.sections[0]);
    assert.deepEqual(a.rules.map((r) => doc.text.slice(r.itemStart!, r.itemStart! + r.item.length)), ['192.0.2.1', '192.0.2.2']);
  });
  test('keys are case-insensitive; named lists are collected; other key families ignored', () => {
    const a = acl('Deny=0.0.0.0/0\nPERMIT=192.0.2.1\nacl=office\ncontact_permit=192.0.2.9');
    assert.equal(a.rules.length, 2);
    assert.deepEqual(a.named.map((e) => e.value), ['office']);
    const c = parseAcl(entries('contact_deny=0.0.0.0/0\ncontact_permit=192.0.2.9\npermit=192.0.2.1'), PJSIP_CONTACT_ACL);
    assert.deepEqual(c.rules.map((r) => r.sense), ['deny', 'permit']);
  });
  test('template lines come first (effective order)', () => {
    const doc = parseAsterisk('[t](!)\ndeny=0.0.0.0/0\n[u](t)\npermit=192.0.2.5\n');
    const a = sectionAcl(doc.sections[1]);
    assert.deepEqual(a.rules.map((r) => r.sense), ['deny', 'permit']);
    assert.equal(a.rules[0].entry.writtenIn?.name, 't');
  });
});

describe('ACL evaluation (ast_apply_ha)', () => {
  test('starts at allow; a list of permits restricts nothing', () => {
    assert.equal(evaluateAcl([], PROBE_V4), 'permit');
    assert.equal(evaluateAcl(acl('permit=192.0.2.0/24').rules, PROBE_V4), 'permit');
  });
  test('the last matching rule wins', () => {
    const good = acl('deny=0.0.0.0/0.0.0.0\npermit=192.0.2.5');
    assert.equal(evaluateAcl(good.rules, PROBE_V4), 'deny');
    assert.equal(evaluateAcl(good.rules, '192.0.2.5'), 'permit');
    const backwards = acl('permit=192.0.2.5\ndeny=0.0.0.0/0.0.0.0');
    assert.equal(evaluateAcl(backwards.rules, '192.0.2.5'), 'deny');
    assert.equal(decidingRule(backwards.rules, '192.0.2.5')?.item, '0.0.0.0/0.0.0.0');
  });
  test('IPv4 rules never match a native IPv6 client (verified: login from ::1)', () => {
    const a = acl('deny=0.0.0.0/0.0.0.0\npermit=192.0.2.1');
    assert.equal(evaluateAcl(a.rules, '::1'), 'permit');
    assert.equal(evaluateAcl(a.rules, PROBE_V6), 'permit');
    assert.equal(evaluateAcl(acl('deny=0.0.0.0/0\ndeny=::/0').rules, PROBE_V6), 'deny');
  });
  test('IPv4-mapped clients are matched by IPv4 rules and by no IPv6 rule', () => {
    const a = acl('deny=::/0\npermit=192.0.2.1');
    assert.equal(evaluateAcl(a.rules, '::ffff:192.0.2.1'), 'permit');
    assert.equal(evaluateAcl(acl('deny=0.0.0.0/0').rules, '::ffff:198.51.100.7'), 'deny');
    assert.equal(evaluateAcl(acl('deny=::/0').rules, '::ffff:198.51.100.7'), 'permit');
  });
  test('! items: deny everything except one host', () => {
    const a = acl('deny=0.0.0.0/0\ndeny=!192.0.2.7');
    assert.equal(evaluateAcl(a.rules, '192.0.2.7'), 'permit');
    assert.equal(evaluateAcl(a.rules, '192.0.2.8'), 'deny');
  });
  test('coverage, catch-alls and loopback-only rules', () => {
    const [wide, narrow, v6] = acl('deny=192.0.2.0/24\npermit=192.0.2.7\npermit=2001:db8::/32').rules;
    assert.ok(coversRule(wide, narrow) && !coversRule(narrow, wide) && !coversRule(wide, v6));
    assert.ok(isCatchAll(acl('deny=0.0.0.0/0.0.0.0').rules[0]) && isCatchAll(acl('deny=::/0').rules[0]));
    assert.ok(!isCatchAll(acl('deny=0.0.0.0/1').rules[0]));
    assert.ok(isLoopbackRule(acl('permit=127.0.0.1/255.255.255.0').rules[0]));
    assert.ok(isLoopbackRule(acl('permit=::1').rules[0]));
    assert.ok(!isLoopbackRule(acl('permit=127.0.0.0/7').rules[0]));
  });
});

describe('AMI permission lists (get_perm / ast_instring)', () => {
  const grants = (v: string) => describePermissions(effectivePermissions(v));
  test('plain lists grant exactly their classes', () => {
    assert.equal(grants('system,call'), 'system,call');
    assert.equal(grants('call'), 'call');
    assert.equal(grants(''), '<none>');
    assert.equal(grants('none'), '<none>');
  });
  test('every item but the last is a PREFIX match', () => {
    assert.equal(grants('c,agent'), 'call,command,agent,config,cdr,cc');
    assert.equal(grants('orig,call'), 'call,originate');
    assert.equal(grants('call,orig'), 'call', 'the last item must match exactly');
    assert.equal(grants('sys,call'), 'system,call');
  });
  test('an empty non-last item grants everything; a, grants all', () => {
    const every = effectivePermissions(',call');
    assert.ok(every.has('all') && AMI_CLASSES.every((c) => every.has(c)));
    assert.ok(effectivePermissions('a,').has('all'));
    assert.ok(effectivePermissions('call,,agent').has('system'));
    assert.ok(effectivePermissions('all').has('command'));
  });
  test('case-sensitive and untrimmed: "System, call" grants nothing', () => {
    assert.equal(grants('System, call'), '<none>');
    assert.equal(grants('call ,agent'), 'agent');
  });
  test('a trailing comma is harmless', () => {
    assert.equal(grants('call,'), 'call');
    assert.equal(grants('agent,'), 'agent');
    assert.equal(amiInstring('call,', 'cc'), false);
  });
  test('items are classified', () => {
    assert.deepEqual(
      permissionItems(',c,orig,System, call,foo,call').map((i) => i.kind),
      ['empty', 'prefix', 'prefix', 'mangled', 'mangled', 'unknown', 'exact'],
    );
    assert.equal(permissionItems('c,x')[0].meant, undefined);
    assert.equal(permissionItems('orig,x')[0].meant, 'originate');
  });
  test('normalising: full lower-case names, ambiguous items dropped, no dangerous class added', () => {
    const dangerous = Object.keys(DANGEROUS_WRITE);
    assert.equal(normalisePermissionList('Call, reporting').value, 'call,reporting');
    assert.equal(normalisePermissionList(',call', dangerous).value, 'call');
    assert.equal(normalisePermissionList('c,agent', dangerous).value, 'agent');
    assert.equal(normalisePermissionList('orig,call', dangerous).value, 'originate,call');
    const sys = normalisePermissionList('System, call', dangerous);
    assert.equal(sys.value, 'call');
    assert.deepEqual(sys.notAdded, ['system']);
    assert.equal(normalisePermissionList('System, call').value, 'system,call');
    assert.equal(normalisePermissionList('foo', dangerous).value, 'none');
  });
});
