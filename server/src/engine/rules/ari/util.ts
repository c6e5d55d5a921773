/**
 * ARI's view of ari.conf (res/ari/config.c): `[general]` (enabled defaults to yes,
 * allowed_origins) and the `type=user` sections with their password and password_format.
 */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { allValues, lastValue, liveSections } from '../../asterisk/parser';
import type { RuleContext } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { compareVersion } from '../../settings';
import { generalEntries, lastOf } from '../http/util';

/** `[general] enabled` (default yes, read with ast_true). An included fragment without it: assume enabled. */
export function ariEnabled(ctx: RuleContext): boolean {
  const e = lastOf(generalEntries(ctx.doc, ctx.fragment), ['enabled']);
  return !e || astTrue(e.value);
}

export type PasswordFormat = 'plain' | 'crypt' | 'invalid';

export interface AriUser {
  section: Section;
  password?: Entry;
  format?: Entry;
  /** `plain` when password_format is absent (the default). */
  kind: PasswordFormat;
}

/** Sections whose (first) `type` is `user`, compared case-insensitively as aco/sorcery do. */
export function ariUsers(doc: ConfDocument): AriUser[] {
  const out: AriUser[] = [];
  for (const section of liveSections(doc, ['general'])) {
    const type = allValues(section, 'type')[0];
    if (!type || type.value.toLowerCase() !== 'user') continue;
    const format = lastValue(section, 'password_format');
    const f = format ? format.value.toLowerCase() : 'plain';
    out.push({ section, password: lastValue(section, 'password'), format, kind: f === 'plain' ? 'plain' : f === 'crypt' ? 'crypt' : 'invalid' });
  }
  return out;
}

/** Users named by an outbound websocket's `local_ari_user`: their password must stay plain (res/ari/config.c). */
export function outboundLocalUsers(doc: ConfDocument): Set<string> {
  const names = new Set<string>();
  for (const section of liveSections(doc, ['general'])) {
    const type = allValues(section, 'type')[0];
    if (!type || type.value.toLowerCase() !== 'outbound_websocket') continue;
    const u = lastValue(section, 'local_ari_user');
    if (u && u.value) names.add(u.value.toLowerCase());
  }
  return names;
}

/** Groups users by the password line they use (a template's line is shared). */
export function byPasswordLine(users: AriUser[]): Map<Entry, AriUser[]> {
  const m = new Map<Entry, AriUser[]>();
  for (const u of users) {
    if (!u.password) continue;
    const list = m.get(u.password) ?? [];
    list.push(u);
    m.set(u.password, list);
  }
  return m;
}

/**
 * Per-user ARI ACLs (`permit`/`deny`/`acl` in a user section, commit 46292c9a45 "acl: Add ACL
 * support to http and ari") are in master and in the 20.21.0, 22.11.0 and 23.5.0 release
 * candidates; the 21 branch has them too but no 21 release carries them yet.
 */
export function ariAclSupported(ctx: RuleContext): boolean {
  const v = (major: number, minor = 0) => compareVersion(ctx.settings, major, minor);
  if (v(20) < 0) return false;
  if (v(21) < 0) return v(20, 21) >= 0;
  if (v(22) < 0) return v(21, 13) >= 0;
  if (v(23) < 0) return v(22, 11) >= 0;
  if (v(24) < 0) return v(23, 5) >= 0;
  return true;
}

export const ARI_ACL_RELEASES = '20.21, 22.11 and 23.5';
