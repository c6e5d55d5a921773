import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { lastValue } from '../../asterisk/parser';
import { sipPeers } from '../../asterisk/sip';
import { COMMON_WORDS, KNOWN_DEFAULTS } from '../../wordlist';
import { generalValue, nameList } from '../helpers';
import { digestWords, md5Equals } from './md5';

const SUFFIXES = ['', '1', '12', '123', '1234', '!', '01', '2024', '2025'];
const NUMBERS = ['0000', '1111', '1234', '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '00000000', '11111111', '111111', '4321', '654321', '987654321'];
const LEET: Record<string, string> = { a: '@', o: '0', e: '3', i: '1', s: '$' };

function cap(w: string): string {
  return w ? w[0].toUpperCase() + w.slice(1) : w;
}

let dictionary: string[] | undefined;

/** The dictionary with the usual decorations: capitalised, digits and `!` appended, l33t. */
function dictionaryCandidates(): string[] {
  if (dictionary) return dictionary;
  const out = new Set<string>(NUMBERS);
  for (const w of new Set([...KNOWN_DEFAULTS, ...COMMON_WORDS])) {
    const leet = w.replace(/[aoeis]/g, (c) => LEET[c]);
    for (const s of SUFFIXES) {
      out.add(w + s);
      out.add(cap(w) + s);
    }
    if (leet !== w) for (const s of ['', '1', '123']) out.add(leet + s).add(cap(leet) + s);
  }
  dictionary = [...out];
  return dictionary;
}

/** Passwords built from the account name: `1001`, `1001abc`, `sip1001`, the name reversed, doubled. */
function nameCandidates(names: string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const n = raw.trim();
    if (!n) continue;
    const l = n.toLowerCase();
    const rev = n.split('').reverse().join('');
    for (const base of new Set([n, l, cap(l), rev, n + n])) {
      for (const s of ['', '1', '12', '123', '1234', '!', 'abc', 'pass', 'secret']) out.add(base + s);
      for (const p of ['sip', 'pass', 'secret', 'pw']) out.add(p + base);
    }
    for (const d of l.match(/\d{3,}/g) ?? []) out.add(d).add(d + d);
  }
  return [...out];
}

/** Results per (hash, user, realm): relinting on every keystroke must not redo the search. */
const cache = new Map<string, 'dictionary' | 'name' | null>();
const CACHE_MAX = 2000;

/** Which family of guessable passwords hashes to `hash` for this user and realm, if any. */
export function crackMd5Secret(hash: string, users: string[], realms: string[], names: string[], budget = { left: Infinity }): 'dictionary' | 'name' | null {
  const h = hash.toLowerCase();
  const want = digestWords(h);
  for (const user of users) {
    for (const realm of realms) {
      const key = `${h}\u0000${user}\u0000${realm}\u0000${names.join('\u0000')}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        // A file with hundreds of md5secret peers must not stall the editor: past the budget, stop.
        if (budget.left <= 0) return null;
        budget.left -= dictionaryCandidates().length;
        hit = null;
        const prefix = `${user}:${realm}:`;
        for (const c of nameCandidates(names)) if (md5Equals(prefix + c, want)) hit = 'name';
        if (!hit) {
          for (const c of dictionaryCandidates()) {
            if (md5Equals(prefix + c, want)) {
              hit = 'dictionary';
              break;
            }
          }
        }
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
        cache.set(key, hit);
      }
      if (hit) return hit;
    }
  }
  return null;
}

export const rule: Rule = {
  id: 'sip-md5secret-weak',
  title: 'md5secret is the hash of a guessable password',
  severity: 'error',
  fileKinds: ['sip'],
  description:
    'md5secret stores MD5(name:realm:password) instead of the password. For a weak password that protects nothing: anyone who reads the file tries a dictionary offline in a second, and the hash itself is all a SIP client needs to authenticate.',
  check(ctx) {
    const configured = generalValue(ctx, 'realm')?.value;
    // chan_sip's realm: [general] realm=, else asterisk.conf systemname, else "asterisk".
    const realms = [...new Set([configured, 'asterisk'].filter((r): r is string => !!r))];
    const groups = new Map<Entry, { owners: string[]; found: 'dictionary' | 'name' }>();
    // About half a second of hashing per file at most (uncached); see the docs.
    const budget = { left: 2_000_000 };
    const check = (entry: Entry, owner: string, users: string[], realmList: string[], names: string[]) => {
      if (!/^[0-9a-fA-F]{32}$/.test(entry.value)) return;
      const found = crackMd5Secret(entry.value, users, realmList, names, budget);
      if (!found) return;
      const g = groups.get(entry) ?? { owners: [], found };
      g.owners.push(owner);
      groups.set(entry, g);
    };
    for (const { section } of sipPeers(ctx.doc)) {
      const e = lastValue(section, 'md5secret');
      if (!e) continue;
      const users = [section.name];
      const names = [section.name];
      for (const k of ['defaultuser', 'username', 'fromuser']) {
        const v = lastValue(section, k)?.value;
        if (v) {
          names.push(v);
          // The same hash also serves outbound authentication as that user.
          if (k !== 'fromuser') users.push(v);
        }
      }
      const peerRealms = [...realms];
      for (const k of ['fromdomain', 'host']) {
        const v = lastValue(section, k)?.value;
        if (v && v.toLowerCase() !== 'dynamic') peerRealms.push(v.replace(/:\d+$/, ''));
      }
      check(e, section.name, [...new Set(users)], [...new Set(peerRealms)], [...new Set(names)]);
    }
    // [authentication] auth = user#md5hash@realm (outbound credentials per realm).
    const authLines = ctx.doc.sections.flatMap((s) => s.own).filter((e) => e.lkey === 'auth');
    for (const e of authLines) {
      const m = /^([^#:@]+)#([0-9a-fA-F]{32})@(.+)$/.exec(e.value);
      if (!m) continue;
      const found = crackMd5Secret(m[2], [m[1]], [m[3]], [m[1]], budget);
      if (!found) continue;
      const start = e.line.assign!.value.start + m[1].length + 1;
      ctx.report({
        span: { start, end: start + 32 },
        message: `The hash in this auth= line is the MD5 of ${found === 'name' ? 'a variant of the user name' : 'a common or default password'} for '${m[1]}' at realm ${m[3]}: it is recovered offline in seconds, and the hash alone is enough to authenticate. Use a long random password at the provider and store its new hash.`,
      });
    }
    for (const [entry, g] of groups) {
      const inherited = entry.writtenIn && !g.owners.includes(entry.writtenIn.name) ? ` (set in template '${entry.writtenIn.name}')` : '';
      ctx.report({
        span: entry.line.assign!.value,
        message: `md5secret for peer${g.owners.length > 1 ? 's' : ''} ${nameList(g.owners)}${inherited} is the MD5 of ${g.found === 'name' ? 'a variant of the account name' : 'a common or default password'}: an offline dictionary attack recovers it in seconds, and the hash alone is enough to authenticate as this peer. Choose a long random password and store its hash (echo -n 'name:realm:password' | md5sum).`,
      });
    }
  },
};
