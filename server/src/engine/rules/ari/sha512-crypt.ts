/**
 * SHA-512 crypt(3) (`$6$`), written from Ulrich Drepper's published specification
 * "Unix crypt using SHA-256 and SHA-512" (https://www.akkadia.org/drepper/SHA-crypt.txt)
 * on top of node's SHA-512. It is what glibc's crypt() and `mkpasswd -m sha-512` produce,
 * and what Asterisk's ast_crypt_validate() accepts for ari.conf `password_format=crypt`.
 * test/sha512-crypt.test.ts checks it against the specification's own test vectors.
 */
import { createHash, randomInt } from 'node:crypto';

/** The crypt(3) base-64 alphabet (not RFC 4648's). */
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const ROUNDS_DEFAULT = 5000;
const ROUNDS_MIN = 1000;
const ROUNDS_MAX = 999999999;
const SALT_MAX = 16;

function sha512(...parts: Buffer[]): Buffer {
  const h = createHash('sha512');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** `len` bytes taken from repeating `digest` (the P and S sequences of the spec). */
function repeatTo(digest: Buffer, len: number): Buffer {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i++) out[i] = digest[i % digest.length];
  return out;
}

/** Three bytes as four characters, least significant six bits first. */
function b64From24(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < n; i++) {
    out += ITOA64[w & 0x3f];
    w >>>= 6;
  }
  return out;
}

/**
 * The hash of `key` with `salt` (at most 16 characters are used) and `rounds` (clamped to
 * 1000..999999999; the default 5000 is not written into the result, as the spec says).
 */
export function sha512Crypt(key: string | Buffer, salt: string, rounds?: number): string {
  const P = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const saltText = salt.slice(0, SALT_MAX);
  const S = Buffer.from(saltText, 'utf8');
  const custom = rounds !== undefined;
  const R = custom ? Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, Math.floor(rounds))) : ROUNDS_DEFAULT;

  // Digest B: key, salt, key.
  const B = sha512(P, S, P);
  // Digest A: key, salt, then B for every byte of the key, then B or the key per bit of its length.
  const a = createHash('sha512');
  a.update(P);
  a.update(S);
  let n = P.length;
  for (; n > 64; n -= 64) a.update(B);
  a.update(B.subarray(0, n));
  for (let bits = P.length; bits > 0; bits >>>= 1) a.update(bits & 1 ? B : P);
  const A = a.digest();

  // DP: the key once per byte of the key; the P sequence is the key's length of it.
  const dp = createHash('sha512');
  for (let i = 0; i < P.length; i++) dp.update(P);
  const Pseq = repeatTo(dp.digest(), P.length);
  // DS: the salt 16 + A[0] times; the S sequence is the salt's length of it.
  const ds = createHash('sha512');
  for (let i = 0; i < 16 + A[0]; i++) ds.update(S);
  const Sseq = repeatTo(ds.digest(), S.length);

  let C = A;
  for (let i = 0; i < R; i++) {
    const c = createHash('sha512');
    c.update(i & 1 ? Pseq : C);
    if (i % 3 !== 0) c.update(Sseq);
    if (i % 7 !== 0) c.update(Pseq);
    c.update(i & 1 ? C : Pseq);
    C = c.digest();
  }

  // Output: 21 groups of three bytes, each group (k, k+21, k+42) rotated by k mod 3, then byte 63.
  let enc = '';
  for (let k = 0; k < 21; k++) {
    const t = [C[k], C[k + 21], C[k + 42]];
    const r = k % 3;
    enc += b64From24(t[r], t[(r + 1) % 3], t[(r + 2) % 3], 4);
  }
  enc += b64From24(0, 0, C[63], 2);
  return `$6$${custom ? `rounds=${R}$` : ''}${saltText}$${enc}`;
}

/** A random 16-character salt from the crypt alphabet (CSPRNG). */
export function randomSalt(length = SALT_MAX): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ITOA64[randomInt(ITOA64.length)];
  return out;
}

/** `$6$<random salt>$<hash>` with the default 5000 rounds. */
export function hashPasswordSha512(key: string): string {
  return sha512Crypt(key, randomSalt());
}

/** Parses a setting `$6$[rounds=N$]salt[$…]` and hashes `key` with it (used by the tests). */
export function sha512CryptWithSetting(key: string, setting: string): string | undefined {
  const m = /^\$6\$(?:rounds=(\d+)\$)?([^$]*)/.exec(setting);
  if (!m) return undefined;
  return sha512Crypt(key, m[2], m[1] !== undefined ? Number(m[1]) : undefined);
}
