import type { Fix, Rule, RuleContext } from '../../rule';
import type { Entry, Section } from '../../asterisk/parser';
import { lastValue, parseAsterisk } from '../../asterisk/parser';
import { formatSetting, insertLinesAfter, replaceValue } from '../../asterisk/edits';
import { applyEdits, TextEdit } from '../../text';
import { nameList } from '../helpers';
import { AriUser, ariEnabled, ariUsers, byPasswordLine, outboundLocalUsers } from './util';
import { hashPasswordSha512 } from './sha512-crypt';
import { createHash } from 'node:crypto';

/** aco stored the password in a 256-byte buffer before the sorcery rewrite. */
const MAX_PASSWORD_BYTES = 255;

/**
 * SHA-512 crypt costs 5000 hash rounds (tens of milliseconds). The language server re-lints on
 * every keystroke, so hashes are remembered per password (keyed by a SHA-256 of it, never the
 * password itself) and at most HASH_BUDGET new ones are computed per run; a finding beyond the
 * budget gets its fix on a later run.
 */
const HASH_CACHE = new Map<string, string>();
const HASH_CACHE_SIZE = 256;
const HASH_BUDGET = 16;

function cachedHash(password: string, budget: { left: number }): string | undefined {
  const key = createHash('sha256').update(password, 'utf8').digest('base64');
  const hit = HASH_CACHE.get(key);
  if (hit) {
    HASH_CACHE.delete(key);
    HASH_CACHE.set(key, hit);
    return hit;
  }
  if (budget.left <= 0) return undefined;
  budget.left--;
  const hash = hashPasswordSha512(password);
  HASH_CACHE.set(key, hash);
  if (HASH_CACHE.size > HASH_CACHE_SIZE) HASH_CACHE.delete(HASH_CACHE.keys().next().value as string);
  return hash;
}

/**
 * Rewrites the password line to its SHA-512 crypt hash and makes the users' effective
 * password_format `crypt`, then checks the result by re-parsing: every user of the line now
 * has (hash, crypt) and every other user keeps exactly what it had. Undefined when a shared
 * template makes that impossible with a minimal edit.
 */
function cryptFix(ctx: RuleContext, entry: Entry, group: AriUser[], budget: { left: number }): Fix | undefined {
  if (Buffer.byteLength(entry.value, 'utf8') > MAX_PASSWORD_BYTES) return undefined;
  const formats = new Set(group.map((u) => u.format));
  if (formats.size !== 1) return undefined;
  const format = [...formats][0];
  const hash = cachedHash(entry.value, budget);
  if (!hash) return undefined;
  const edits: TextEdit[] = [replaceValue(entry, hash)];
  if (format) edits.push(replaceValue(format, 'crypt'));
  else edits.push(insertLinesAfter(ctx.doc, entry.line, [formatSetting(ctx.doc, ctx.doc.sections[entry.line.section], 'password_format', 'crypt')]));
  const after = parseAsterisk(applyEdits(ctx.doc.text, edits), { fragment: ctx.fragment });
  if (after.sections.length !== ctx.doc.sections.length) return undefined;
  const mine = new Set(group.map((u) => u.section.index));
  const state = (s: Section) => [lastValue(s, 'password')?.value, (lastValue(s, 'password_format')?.value ?? 'plain').toLowerCase(), lastValue(s, 'type')?.value.toLowerCase()].join('\u0000');
  for (const u of ariUsers(ctx.doc)) {
    const now = after.sections[u.section.index];
    const want = mine.has(u.section.index) ? [hash, 'crypt', lastValue(u.section, 'type')?.value.toLowerCase()].join('\u0000') : state(u.section);
    if (state(now) !== want) return undefined;
  }
  if (after.sections.some((s, i) => s.name !== ctx.doc.sections[i].name)) return undefined;
  return {
    title: 'Store a SHA-512 crypt hash of this password and set password_format=crypt (clients keep the same password)',
    safety: 'offer',
    edits,
  };
}

export const rule: Rule = {
  id: 'ari-password-plain',
  title: 'ARI password stored in plain text',
  severity: 'warning',
  fileKinds: ['ari'],
  fix: 'offer',
  description:
    'ARI users default to password_format=plain: whoever reads ari.conf (a backup, a support bundle, an AMI user allowed to read configuration, a web-panel file disclosure) gets a working ARI login. A crypt(3) hash keeps the same password for clients but is useless to a reader.',
  check(ctx) {
    if (!ariEnabled(ctx)) return;
    const outbound = outboundLocalUsers(ctx.doc);
    const users = ariUsers(ctx.doc).filter((u) => u.kind === 'plain' && u.password && u.password.value !== '' && !outbound.has(u.section.name.toLowerCase()));
    const budget = { left: HASH_BUDGET };
    for (const [entry, group] of byPasswordLine(users)) {
      const names = group.map((u) => u.section.name);
      const explicit = group.every((u) => u.format);
      const fix = cryptFix(ctx, entry, group, budget);
      ctx.report({
        span: entry.line.assign!.value,
        message:
          `ARI user${names.length > 1 ? 's' : ''} ${nameList(names)} ${names.length > 1 ? 'keep their' : 'keeps its'} password in plain text (password_format ${explicit ? 'is plain' : 'is not set and defaults to plain'}): ` +
          'anyone who can read ari.conf (backups, support bundles, an AMI user with read=config) can log in to ARI. Store a SHA-512 crypt hash (password_format=crypt, e.g. from mkpasswd -m sha-512).',
        fixes: fix ? [fix] : [],
      });
    }
  },
};
