/**
 * Offline dictionary check of pre-hashed pjsip credentials (`password_digest=ALG:hex`,
 * `md5_cred=hex`): hash(`username:realm:candidate`) for every candidate pbxlint's weak-secret
 * dictionary and the account names produce. Results are cached, so re-linting while typing
 * costs nothing.
 */
import { createHash } from 'node:crypto';
import { COMMON_WORDS, KNOWN_DEFAULTS } from '../../wordlist';

/** IANA digest names res_pjsip accepts, and node's hash names. */
const ALGORITHMS: Record<string, { hash: string; hexLength: number }> = {
  md5: { hash: 'md5', hexLength: 32 },
  'sha-256': { hash: 'sha256', hexLength: 64 },
  'sha-512-256': { hash: 'sha512-256', hexLength: 64 },
};

export interface DigestItem {
  /** Algorithm as written (MD5 when the item has no `ALG:` prefix, as for md5_cred). */
  algorithm: string;
  hex: string;
  /** Offsets of the hex text inside the value string. */
  from: number;
  to: number;
}

/** Splits a `password_digest`/`md5_cred` value the way `password_digest_handler` does. */
export function parseDigestValue(value: string): DigestItem[] {
  const out: DigestItem[] = [];
  let pos = 0;
  for (const raw of value.split(',')) {
    const start = pos;
    pos += raw.length + 1;
    const colon = raw.indexOf(':');
    const algorithm = colon >= 0 ? raw.slice(0, colon).trim() : 'MD5';
    const rest = colon >= 0 ? raw.slice(colon + 1) : raw;
    const hex = rest.trim();
    if (!hex) continue;
    const from = start + (colon >= 0 ? colon + 1 : 0) + rest.indexOf(hex);
    out.push({ algorithm, hex, from, to: from + hex.length });
  }
  return out;
}

export type WeakKind = 'default' | 'dictionary' | 'name';

function variants(word: string): string[] {
  const cap = word.charAt(0).toUpperCase() + word.slice(1);
  const out = [word, cap];
  for (const suffix of ['1', '123', '!']) out.push(word + suffix, cap + suffix);
  return out;
}

let dictionary: { candidate: string; kind: WeakKind }[] | undefined;

function baseCandidates(): { candidate: string; kind: WeakKind }[] {
  if (dictionary) return dictionary;
  const seen = new Set<string>();
  const out: { candidate: string; kind: WeakKind }[] = [];
  const add = (c: string, kind: WeakKind) => {
    if (c && !seen.has(c)) {
      seen.add(c);
      out.push({ candidate: c, kind });
    }
  };
  for (const w of KNOWN_DEFAULTS) for (const v of variants(w)) add(v, 'default');
  // The README example, with its original case (the list holds it lower-cased).
  add('aE3%B8*$jk^G', 'default');
  for (const w of COMMON_WORDS) for (const v of variants(w)) add(v, 'dictionary');
  for (let n = 4; n <= 10; n++) add('1234567890'.slice(0, n), 'dictionary');
  for (const d of '0123456789') for (let n = 4; n <= 8; n++) add(d.repeat(n), 'dictionary');
  for (const w of ['qwerty', 'qwertyuiop', 'asdfgh', 'abc123', 'pass123', 'passw0rd', 'p@ssw0rd', 'P@ssw0rd', 'letmein1', '123456a', 'a123456']) add(w, 'dictionary');
  dictionary = out;
  return out;
}

function nameCandidates(names: string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const n = raw.trim();
    if (!n) continue;
    const rev = n.split('').reverse().join('');
    for (const v of [n, n.toLowerCase(), rev]) {
      out.add(v);
      for (const s of ['1', '12', '123', '1234', '!', '0', '00', '000']) {
        out.add(v + s);
        out.add(s + v);
      }
      out.add(v + v);
    }
    for (const d of n.match(/\d{3,}/g) ?? []) {
      out.add(d);
      out.add(d + d);
      out.add(`${d}${d.split('').reverse().join('')}`);
    }
  }
  return [...out];
}

const results = new Map<string, WeakKind | null>();
const MAX_CACHE = 2000;

function hashOf(alg: string, text: string): string | undefined {
  try {
    return createHash(alg).update(text, 'utf8').digest('hex');
  } catch {
    return undefined; // algorithm not available in this Node build
  }
}

/**
 * Is the stored digest the hash of a guessable password for this user and one of the realms?
 * Returns what kind of guess matched, undefined when none did or the algorithm is unknown.
 */
export function crackDigest(item: DigestItem, username: string, realms: string[], names: string[]): WeakKind | undefined {
  const alg = ALGORITHMS[item.algorithm.toLowerCase()];
  if (!alg) return undefined;
  const hex = item.hex.toLowerCase();
  if (hex.length !== alg.hexLength || !/^[0-9a-f]+$/.test(hex)) return undefined;
  const key = [alg.hash, username, realms.join('\u0001'), names.join('\u0001'), hex].join('\0');
  const cached = results.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: WeakKind | null = null;
  search: for (const realm of realms) {
    const prefix = `${username}:${realm}:`;
    for (const c of nameCandidates(names)) {
      if (hashOf(alg.hash, prefix + c) === hex) {
        found = 'name';
        break search;
      }
    }
    for (const { candidate, kind } of baseCandidates()) {
      const h = hashOf(alg.hash, prefix + candidate);
      if (h === undefined) break search;
      if (h === hex) {
        found = kind;
        break search;
      }
    }
  }
  if (results.size >= MAX_CACHE) results.clear();
  results.set(key, found);
  return found ?? undefined;
}

export function describeWeakKind(kind: WeakKind): string {
  switch (kind) {
    case 'default':
      return 'a well-known default password (sample files, appliances)';
    case 'dictionary':
      return 'a common password or dictionary word';
    case 'name':
      return 'a variant of the account name';
  }
}
