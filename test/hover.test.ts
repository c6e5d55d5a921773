/** Hover on keys: meaning, version-dependent default, safe value, rule links, never a secret. Plus the knowledge base's own consistency. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../server/src/engine/hover';
import { DEFAULT_SETTINGS, Settings } from '../server/src/engine/settings';
import { RULE_IDS } from '../server/src/engine/rules';
import { BOOLEAN_KEYS } from '../server/src/engine/asterisk/booleans';
import { citedRules, findKey, keysIn, KNOWN_KINDS, scopesOf } from '../server/src/engine/knowledge';
import type { AsteriskKind } from '../server/src/engine/kinds';

const v = (asteriskVersion: string): Settings => ({ ...DEFAULT_SETTINGS, asteriskVersion });

/** Hover with the cursor `at` characters into the first occurrence of `needle`. */
function hover(text: string, path: string, needle: string, at = 1, settings: Settings = DEFAULT_SETTINGS) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in the text`);
  return hoverAt(text, path, i + at, settings);
}

const SIP = '[general]\ncontext=public\nallowguest=yes\nalwaysauthreject=no\n\n[1001]\ntype=friend\nhost=dynamic\ncontext=phones\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\ninsecure=port,invite\nnat=no\n';
const SIP_PATH = '/etc/asterisk/sip.conf';

describe('hover on sip.conf keys', () => {
  test('allowguest: meaning, default, safe value first, rule link, span is the key', () => {
    const h = hover(SIP, SIP_PATH, 'allowguest');
    assert.ok(h);
    const start = SIP.indexOf('allowguest');
    assert.deepEqual(h.span, { start, end: start + 'allowguest'.length });
    assert.match(h.markdown, /^\*\*allowguest\*\* · sip\.conf \\\[general\\\]/);
    assert.match(h.markdown, /Default \(Asterisk 13\): `yes`/);
    assert.match(h.markdown, /- `no` \*\*\(safe\)\*\*/);
    assert.ok(h.markdown.indexOf('- `no`') < h.markdown.indexOf('- `yes`'), 'safe value listed first');
    assert.ok(h.markdown.includes('](https://github.com/pbxlint/pbxlint/blob/main/docs/rules/sip-allowguest.md)'));
  });

  test('the default follows the configured Asterisk version', () => {
    assert.match(hover(SIP, SIP_PATH, 'alwaysauthreject', 2, v('1.6'))!.markdown, /Default \(Asterisk 1\.6\): `no`/);
    assert.match(hover(SIP, SIP_PATH, 'alwaysauthreject', 2, v('1.8'))!.markdown, /Default \(Asterisk 1\.8\): `yes`/);
    const general = '[general]\nnat=no\n';
    const g = (ver: string) => /Default \(Asterisk [^)]*\): `([a-z_]+)`/.exec(hover(general, SIP_PATH, 'nat', 1, v(ver))!.markdown)?.[1];
    assert.equal(g('1.6'), 'no');
    assert.equal(g('10'), 'force_rport');
    assert.equal(g('13'), 'auto_force_rport');
    // In a peer the default is the [general] value.
    assert.match(hover(SIP, SIP_PATH, 'nat=')!.markdown, /Default \(Asterisk 13\): the \\\[general\\\] nat=/);
  });

  test('[general] and peer sections describe the same key differently', () => {
    assert.match(hover(SIP, SIP_PATH, 'context=public')!.markdown, /Default dialplan context for incoming calls/);
    const peer = hover(SIP, SIP_PATH, 'context=phones')!.markdown;
    assert.match(peer, /sip\.conf peer\/user\/friend/);
    assert.match(peer, /calls from this peer start/);
  });

  test('a secret is never shown, on the key or on the value', () => {
    for (const at of [1, 'secret='.length + 3]) {
      const h = hover(SIP, SIP_PATH, 'secret=', at);
      assert.ok(h, `hover at ${at}`);
      assert.ok(!h.markdown.includes('Vq3'), h.markdown);
      assert.match(h.markdown, /sip-secret-weak/);
    }
    const reg = '[general]\nregister => 4420155:Summer2019x@sip.example.net/4420155\n';
    for (const at of [2, 20]) {
      const h = hover(reg, SIP_PATH, 'register', at);
      assert.ok(h);
      assert.ok(!h.markdown.includes('Summer2019x') && !h.markdown.includes('4420155'), h.markdown);
    }
  });

  test('on a value word: its meaning first, span is the word', () => {
    const i = SIP.indexOf('invite');
    const h = hoverAt(SIP, SIP_PATH, i + 2, DEFAULT_SETTINGS);
    assert.ok(h);
    assert.deepEqual(h.span, { start: i, end: i + 'invite'.length });
    assert.match(h.markdown, /^`invite`: accept INVITEs WITHOUT authentication/);
    assert.match(h.markdown, /sip-insecure-invite/);
  });

  test('nothing on unknown keys, comments, headers, or files that are not Asterisk configuration', () => {
    assert.equal(hover('[general]\nfrobnicate=1\n', SIP_PATH, 'frob'), undefined);
    assert.equal(hover('[general]\n;allowguest=no\n', SIP_PATH, 'allowguest'), undefined);
    assert.equal(hover(SIP, SIP_PATH, 'general'), undefined);
    assert.equal(hover('allowguest=no\n', '/home/u/notes.txt', 'allowguest'), undefined);
  });

  test('a forced kind works on any path', () => {
    assert.match(hoverAt('[general]\nallowguest=no\n', '/tmp/x.txt', 12, DEFAULT_SETTINGS, 'sip')!.markdown, /sip-allowguest/);
  });
});

describe('hover on other files', () => {
  test('manager.conf bindaddr default: 0.0.0.0 up to 10, :: since 11', () => {
    const t = '[general]\nenabled=yes\nbindaddr=0.0.0.0\n';
    assert.match(hover(t, '/etc/asterisk/manager.conf', 'bindaddr', 1, v('10'))!.markdown, /Default \(Asterisk 10\): `0\.0\.0\.0`/);
    assert.match(hover(t, '/etc/asterisk/manager.conf', 'bindaddr', 1, v('18'))!.markdown, /Default \(Asterisk 18\): `::`/);
    assert.match(hover(t, '/etc/asterisk/manager.conf', 'bindaddr')!.markdown, /ami-bind-public/);
  });

  test('manager.conf users: write lists the dangerous classes last', () => {
    const h = hover('[general]\nenabled=no\n[admin]\nsecret=Vq3-kP9_zLm2-Xw7.Rt5\nwrite=call\n', '/etc/asterisk/manager.conf', 'write')!;
    assert.match(h.markdown, /manager\.conf user/);
    assert.match(h.markdown, /ami-dangerous-write/);
    assert.ok(h.markdown.indexOf('`call`') < h.markdown.indexOf('`system`'));
  });

  test('asterisk.conf live_dangerously: version history', () => {
    const t = '[options]\nlive_dangerously=no\n';
    const d = (ver: string) => hover(t, '/etc/asterisk/asterisk.conf', 'live_dangerously', 1, v(ver))!.markdown;
    assert.match(d('11.7'), /\): `yes`/);
    assert.match(d('13'), /\): `no`/);
    assert.match(d('1.8'), /no such option before 11\.7/);
  });

  test('http.conf enable_status default by version', () => {
    const t = '[general]\nenable_status=no\n';
    const d = (ver: string) => hover(t, '/etc/asterisk/http.conf', 'enable_status', 1, v(ver))!.markdown;
    assert.match(d('13'), /always served/);
    assert.match(d('18'), /\): `yes`/);
    assert.match(d('22.9'), /\): `no`/);
  });

  test('pjsip: the type comes from the template; identify_by default by version', () => {
    const t = '[tmpl](!)\ntype=endpoint\n[6001](tmpl)\nidentify_by=username\nallow_transfer=no\n';
    const h = hover(t, '/etc/asterisk/pjsip.conf', 'allow_transfer')!;
    assert.match(h.markdown, /pjsip\.conf type=endpoint/);
    assert.match(h.markdown, /pjsip-allow-transfer/);
    assert.match(hover(t, '/etc/asterisk/pjsip.conf', 'identify_by', 1, v('13.18'))!.markdown, /\): `username`\s/);
    assert.match(hover(t, '/etc/asterisk/pjsip.conf', 'identify_by', 1, v('13.19'))!.markdown, /\): `username,ip`/);
  });

  test('pjsip: the same key means different things per type', () => {
    const t = '[t]\ntype=transport\npassword=Vq3-kP9_zLm2-Xw7.Rt5\n[a]\ntype=auth\npassword=Vq3-kP9_zLm2-Xw7.Rt6\n';
    const tr = hover(t, '/etc/asterisk/pjsip.conf', 'password')!.markdown;
    const au = hover(t, '/etc/asterisk/pjsip.conf', 'password=Vq3-kP9_zLm2-Xw7.Rt6')!.markdown;
    assert.match(tr, /private key/);
    assert.match(au, /pjsip-auth-password-weak/);
    assert.ok(!tr.includes('Vq3') && !au.includes('Vq3'));
  });

  test('pjsip_wizard.conf: endpoint/… keys are described as endpoint options', () => {
    const t = '[trunk]\ntype=wizard\nendpoint/allow_transfer=no\n';
    const h = hover(t, '/etc/asterisk/pjsip_wizard.conf', 'allow_transfer')!;
    assert.ok(h);
    assert.match(h.markdown, /Allow SIP REFER transfers/);
  });

  test('iax.conf and ari.conf', () => {
    assert.match(hover('[general]\ndelayreject=no\n', '/etc/asterisk/iax.conf', 'delayreject')!.markdown, /iax-delayreject/);
    const ari = hover('[general]\nenabled=yes\n[app]\ntype=user\npassword_format=plain\n', '/etc/asterisk/ari.conf', 'password_format')!.markdown;
    assert.match(ari, /- `crypt` \*\*\(safe\)\*\*/);
    assert.match(ari, /\): `plain`/);
  });
});

describe('knowledge base consistency', () => {
  test('every cited rule exists', () => {
    const unknown = [...citedRules()].filter((id) => !RULE_IDS.includes(id));
    assert.deepEqual(unknown, []);
  });

  test('the safe value is always listed first', () => {
    for (const kind of KNOWN_KINDS) {
      for (const scope of scopesOf(kind)) {
        for (const k of keysIn(kind, scope)) {
          if (k.safe === undefined) continue;
          assert.equal(k.values?.[0]?.value, k.safe, `${kind} ${scope} ${k.key}`);
        }
      }
    }
  });

  test('every hardened boolean the engine knows is covered, with its secure word first', () => {
    const objectScope: Partial<Record<AsteriskKind, string>> = { sip: 'peer', iax: 'peer', manager: 'user', ari: 'user' };
    for (const [kind, list] of Object.entries(BOOLEAN_KEYS) as [AsteriskKind, NonNullable<(typeof BOOLEAN_KEYS)[AsteriskKind]>][]) {
      const global = kind === 'asterisk' ? 'options' : 'general';
      for (const b of list) {
        if (b.secure === undefined) continue;
        const scopes = b.pjsipType ? [b.pjsipType] : b.scope === 'global' ? [global] : b.scope === 'object' ? [objectScope[kind]] : [global, objectScope[kind]];
        for (const scope of scopes) {
          if (!scope) continue;
          const hit = findKey(kind, scope, b.key);
          assert.ok(hit, `${kind} ${scope} ${b.key} missing`);
          assert.equal(hit.info.values?.[0]?.value, b.secure ? 'yes' : 'no', `${kind} ${scope} ${b.key}`);
          assert.ok(hit.info.rules?.includes('config-bool-unrecognised'), `${kind} ${scope} ${b.key} lacks config-bool-unrecognised`);
        }
      }
    }
  });

  test('every key the rules read is known', () => {
    const read: Record<string, Record<string, string[]>> = {
      sip: {
        general: ['allowguest', 'alwaysauthreject', 'allowtransfer', 'autocreatepeer', 'pedantic', 'srvlookup', 'allowexternaldomains', 'nat', 'bindaddr', 'bindport', 'udpbindaddr', 'tcpbindaddr', 'tlsbindaddr', 'tcpenable', 'tlsenable', 'useragent', 'sdpsession', 'context', 'realm', 'register', 'domain', 'contactpermit', 'contactdeny', 'contactacl'],
        peer: ['type', 'host', 'secret', 'md5secret', 'remotesecret', 'insecure', 'qualify', 'nat', 'permit', 'deny', 'acl', 'contactpermit', 'contactdeny', 'contactacl', 'allowtransfer', 'context', 'defaultuser', 'fromuser', 'fromdomain', 'username', 'auth'],
      },
      pjsip: {
        endpoint: ['type', 'auth', 'outbound_auth', 'aors', 'context', 'identify_by', 'allow_transfer', 'allow_unauthenticated_options', 'transport', 'permit', 'deny', 'acl', 'contact_acl', 'contact_permit', 'contact_deny'],
        auth: ['type', 'auth_type', 'username', 'password', 'password_digest', 'md5_cred', 'realm'],
        aor: ['type', 'max_contacts'],
        identify: ['type', 'endpoint', 'match'],
        transport: ['type', 'protocol', 'bind', 'method', 'cipher', 'verify_server', 'allow_wildcard_certs'],
        registration: ['type', 'server_uri', 'outbound_auth', 'transport'],
        acl: ['type', 'permit', 'deny', 'acl', 'contact_permit', 'contact_deny', 'contact_acl'],
        global: ['type', 'user_agent', 'default_realm', 'endpoint_identifier_order'],
        wizard: ['type', 'sends_auth', 'accepts_auth', 'sends_registrations', 'accepts_registrations', 'remote_hosts', 'server_uri_pattern'],
      },
      iax: {
        general: ['bindaddr', 'bindport', 'delayreject', 'encryption', 'forceencryption', 'calltokenoptional', 'auth', 'register'],
        peer: ['type', 'secret', 'dbsecret', 'inkeys', 'auth', 'context', 'host', 'requirecalltoken', 'encryption', 'forceencryption', 'permit', 'deny', 'acl', 'username'],
      },
      manager: {
        general: ['enabled', 'webenabled', 'bindaddr', 'port', 'tlsenable', 'tlsbindaddr', 'displayconnects', 'allowmultiplelogin'],
        user: ['secret', 'read', 'write', 'permit', 'deny', 'acl', 'displayconnects'],
      },
      http: { general: ['enabled', 'bindaddr', 'bindport', 'tlsenable', 'tlsbindaddr', 'sslenable', 'sslbindaddr', 'servername', 'enable_status', 'enable_static', 'enablestatic'] },
      ari: { general: ['enabled', 'allowed_origins'], user: ['type', 'password', 'password_format', 'read_only', 'permit', 'deny', 'acl', 'local_ari_user'] },
      asterisk: { options: ['execincludes', 'live_dangerously'] },
      extensions: { general: ['writeprotect', 'static'], context: ['exten', 'same', 'include'] },
    };
    const missing: string[] = [];
    for (const [kind, scopes] of Object.entries(read)) {
      for (const [scope, keys] of Object.entries(scopes)) {
        for (const k of keys) if (!findKey(kind as AsteriskKind, scope, k)) missing.push(`${kind} ${scope} ${k}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('keys are unique within a scope and every one has a one-line summary', () => {
    for (const kind of KNOWN_KINDS) {
      for (const scope of scopesOf(kind)) {
        const seen = new Set<string>();
        for (const k of keysIn(kind, scope)) {
          assert.ok(!seen.has(k.key), `${kind} ${scope} ${k.key} twice`);
          seen.add(k.key);
          assert.ok(k.summary.length > 5 && !k.summary.includes('\n'), `${kind} ${scope} ${k.key}`);
          assert.equal(k.key, k.key.toLowerCase(), `${kind} ${scope} ${k.key} is not lower case`);
        }
      }
    }
  });
});
