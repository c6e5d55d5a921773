/**
 * SHA-512 crypt(3), checked against the test vectors of Ulrich Drepper's specification
 * "Unix crypt using SHA-256 and SHA-512" (https://www.akkadia.org/drepper/SHA-crypt.txt).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hashPasswordSha512, randomSalt, sha512Crypt, sha512CryptWithSetting } from '../server/src/engine/rules/ari/sha512-crypt';

const SPEC_VECTORS: [setting: string, key: string, expected: string][] = [
  ['$6$saltstring', 'Hello world!', '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1'],
  [
    '$6$rounds=10000$saltstringsaltstring',
    'Hello world!',
    '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
  ],
  [
    '$6$rounds=5000$toolongsaltstring',
    'This is just a test',
    '$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0',
  ],
  [
    '$6$rounds=1400$anotherlongsaltstring',
    'a very much longer text to encrypt.  This one even stretches over morethan one line.',
    '$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1',
  ],
  [
    '$6$rounds=77777$short',
    'we have a short salt string but not a short password',
    '$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0',
  ],
  [
    '$6$rounds=123456$asaltof16chars..',
    'a short string',
    '$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1',
  ],
  [
    '$6$rounds=10$roundstoolow',
    'the minimum number is still observed',
    '$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.',
  ],
];

describe('sha512-crypt', () => {
  for (const [setting, key, expected] of SPEC_VECTORS) {
    test(`spec vector ${setting}`, () => assert.equal(sha512CryptWithSetting(key, setting), expected));
  }
  test('generated hashes have the $6$ shape and verify against themselves', () => {
    const h = hashPasswordSha512('Vq3-kP9_zLm2-Xw7.Rt5');
    const m = /^\$6\$([./0-9A-Za-z]{16})\$([./0-9A-Za-z]{86})$/.exec(h);
    assert.ok(m, h);
    assert.equal(sha512Crypt('Vq3-kP9_zLm2-Xw7.Rt5', m[1]), h);
    assert.notEqual(sha512Crypt('Vq3-kP9_zLm2-Xw7.Rt6', m[1]), h);
  });
  test('salts are random', () => {
    assert.notEqual(randomSalt(), randomSalt());
  });
});
