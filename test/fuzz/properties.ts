/**
 * Fuzzing properties, shared by the bounded run in the test suite (test/fuzz.test.ts) and
 * the long run (`npm run fuzz -- --runs 1000000`). For any input, of any kind:
 *  - linting never throws and no rule crashes (no pbxlint-internal-error finding);
 *  - the parse is lossless (Asterisk syntax: tokens cover the input and print it back);
 *  - every span and every fix edit lies inside the text, and every fix applies cleanly;
 *  - no message or fix title contains a planted secret.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, INTERNAL_ERROR_ID } from '../../server/src/engine/lint';
import { lineTokens, parseAsterisk, printDocument } from '../../server/src/engine/asterisk/parser';
import { applyEdits } from '../../server/src/engine/text';

/** File names that exercise every kind the engine knows (Asterisk, FreePBX, host). */
export const PATHS = [
  '/etc/asterisk/sip.conf',
  '/etc/asterisk/sip_custom.conf',
  '/etc/asterisk/pjsip.conf',
  '/etc/asterisk/pjsip_wizard.conf',
  '/etc/asterisk/iax.conf',
  '/etc/asterisk/manager.conf',
  '/etc/asterisk/manager_custom.conf',
  '/etc/asterisk/http.conf',
  '/etc/asterisk/ari.conf',
  '/etc/asterisk/extensions.conf',
  '/etc/asterisk/asterisk.conf',
  '/etc/asterisk/voicemail.conf',
  '/etc/amportal.conf',
  '/etc/mysql/my.cnf',
  '/etc/apache2/apache2.conf',
  '/etc/pam.d/sshd',
  '/etc/ssh/sshd_config',
  '/etc/fail2ban/jail.local',
  '/etc/iptables/rules.v4',
];

const KEYS = ['secret', 'password', 'md5secret', 'remotesecret', 'type', 'host', 'context', 'allowguest', 'alwaysauthreject', 'allowtransfer', 'insecure', 'permit', 'deny', 'acl', 'register', 'enabled', 'bindaddr', 'port', 'read', 'write', 'auth', 'outbound_auth', 'identify_by', 'username', 'exten', 'same', 'include', 'writeprotect', 'execincludes', 'live_dangerously', 'tlsenable', 'webenabled', 'AMPMGRPASS', 'bind-address', 'Listen', 'auth required pam_tally2.so', 'PermitRootLogin'];

/** Secrets planted in generated files: every one is weak, so a rule looks at it; none may be printed. */
export const PLANTED = ['zq7secret1', 'pw42planted', '1234planted', 'amp111zz'];

/** Secrets go only where secrets belong, so that any echo of one is a real leak. */
const secretLine = fc
  .tuple(fc.constantFrom('secret', 'password', 'remotesecret', 'md5secret', 'AMPMGRPASS', 'AMPDBPASS', 'password_digest'), fc.constantFrom('=', ' = ', '=>'), fc.constantFrom(...PLANTED))
  .map(([k, op, v]) => `${k}${op}${v}`);
const registerLine = fc.constantFrom(...PLANTED).map((p) => `register => 4420155:${p}@sip.example.net/4420155`);

const value = fc.oneof(
  fc.constantFrom('yes', 'no', 'dynamic', 'friend', 'peer', 'user', 'endpoint', 'auth', 'aor', 'identify', 'transport', 'port,invite', 'very', '0.0.0.0', '::', '[::]', '127.0.0.1', '0.0.0.0/0.0.0.0', '192.0.2.0/255.255.255.0', '1.2.3.4, 5.6.7.8', '::/0', ',call', 'system,command', 'all', 'a,'),
  fc.constantFrom('_X.,1,Dial(SIP/${EXTEN}@trunk)', '_.,1,System(echo ${CALLERID(num)})', 's,1,DISA(no-password,ctx)', '1,n(label),VoiceMailMain(${EXTEN},s)'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const line = fc.oneof(
  secretLine,
  registerLine,
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('=', ' = ', '=>', ' => ', '+=', ' '), value, fc.constantFrom('', ' ; comment', ';-- block --;', '\\;x', ' # hash')).map(([k, op, v, tail]) => `${k}${op}${v}${tail}`),
  fc.tuple(fc.constantFrom('general', 'global', '1001', 'phones', 'anonymous', 'admin', 'mysqld', 'client', 'sshd', 'asterisk', ' general ', 'default'), fc.constantFrom('', '(!)', '(phones)', '(+)', ' (!)', '()', '(!,phones)', '(!, phones)')).map(([n, o]) => `[${n}]${o}`),
  fc.constantFrom(';-- open', 'close --;', ';--;', 'x=1--;2', '#include sip_custom.conf', '#exec /bin/true', '#tryinclude "nope.conf"', '# comment', '<Directory />', '</Directory>', 'Require all granted', '@include common-auth', 'Match User x', '*filter', ':INPUT ACCEPT [0:0]', '-A INPUT -p udp --dport 5060 -j ACCEPT', 'COMMIT', '!includedir /etc/mysql/conf.d/', '\\', ''),
  fc.string({ maxLength: 40 }),
);

/** A configuration file made of plausible and hostile lines, with mixed line ends and an optional BOM. */
export const configText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\n')), { maxLength: 40 }))
  .map(([bom, ls]) => (bom ? '\ufeff' : '') + ls.map(([l, e]) => l + e).join(''));

/** Planted secrets that sit where a secret belongs (a password key, a register => credential). */
function secretsIn(text: string): string[] {
  const out = new Set<string>();
  const re = /(?:secret|password|passwd|pass|md5_cred|AMP\w*PASS\w*|password_digest)\s*=>?\s*"?([^\s;"]+)|register\s*=>\s*(?:\w+:\/\/)?[^:@\s]+:([^:@\s]+)@/gi;
  for (const m of text.matchAll(re)) {
    const v = m[1] ?? m[2];
    for (const s of PLANTED) if (v && v.includes(s)) out.add(s);
  }
  return [...out];
}

export function checkInvariants(path: string, text: string): void {
  const r = lintText({ path, text });
  const secrets = secretsIn(text);
  const crashed = r.findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID);
  if (crashed.length) throw new Error(`rule crashed on ${path}: ${crashed.map((f) => f.message).join('; ')}`);
  for (const f of r.findings) {
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) throw new Error(`${f.ruleId}: span out of range`);
    for (const rel of f.related) if (!rel.path && !(rel.span.start >= 0 && rel.span.end <= text.length)) throw new Error(`${f.ruleId}: related span out of range`);
    for (const fix of f.fixes) applyEdits(text, fix.edits);
    for (const s of secrets) {
      if (f.message.includes(s) || f.fixes.some((x) => x.title.includes(s))) throw new Error(`${f.ruleId} printed a secret`);
    }
  }
  if (r.kind && isAsteriskLike(r.kind.kind)) {
    const doc = parseAsterisk(text, { fragment: r.kind.fragment });
    let pos = 0;
    for (const l of doc.lines) for (const t of lineTokens(l, text)) {
      if (t.start !== pos) throw new Error(`token gap at ${pos}`);
      pos = t.end;
    }
    if (pos !== text.length || printDocument(doc) !== text) throw new Error('lossless round trip failed');
  }
}

function isAsteriskLike(kind: string): boolean {
  return ['sip', 'pjsip', 'iax', 'manager', 'http', 'ari', 'extensions', 'asterisk', 'asterisk-other'].includes(kind);
}

/** Every corpus file under ../shared/corpus, with the path the engine should see. */
export function corpusFiles(corpus: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.size < 2_000_000 && !/\.(md|png)$/i.test(name)) out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(corpus);
  return out;
}

/** Mutations of a real file: flips, truncation, duplication, line-end mixing, NULs, broken UTF-16. */
export function mutated(text: string) {
  const n = Math.max(1, text.length);
  return fc.oneof(
    fc.tuple(fc.nat(n - 1), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1)),
    fc.nat(n).map((i) => text.slice(0, i)),
    fc.tuple(fc.nat(n), fc.nat(n)).map(([a, b]) => text.slice(0, Math.max(a, b)) + text.slice(Math.min(a, b), Math.max(a, b)) + text.slice(Math.max(a, b))),
    fc.constant(text.replace(/\n/g, '\r\n')),
    fc.nat(n).map((i) => text.replace(/\r?\n/g, (m, off: number) => (off % (i + 2) === 0 ? '\r' : m))),
    fc.nat(n).map((i) => text.slice(0, i) + '\0' + text.slice(i)),
    fc.nat(n).map((i) => text.slice(0, i) + '\ud800\udfff\ufffd\ud83d' + text.slice(i)),
  );
}

/** One very long line in a real file (the 8191-byte rule, and regexes on long input). */
export function withHugeLine(text: string, size: number): string {
  const i = text.indexOf('\n') + 1;
  return text.slice(0, i) + 'secret=' + 'a;-'.repeat(Math.floor(size / 3)) + '\n' + text.slice(i);
}
