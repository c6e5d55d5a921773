/** Keys that several Asterisk files share: ACL lines, codecs. */
import { key, KeyInfo, vals } from './types';

const ACL_RULES = ['acl-permit-only', 'acl-order-permit-before-deny', 'acl-list-whitespace', 'acl-ipv4-only'];

const ACL_NOTE =
  'Asterisk starts at "allow" and the last matching line wins: a permit-only list admits everyone. Write deny=0.0.0.0/0.0.0.0 (and deny=::/0 when IPv6 is bound) before the permit lines.';

/** `deny=` with the deny-everything values first. */
export function denyKey(who: string, rules: readonly string[] = []): KeyInfo {
  return key('deny', `Address or network (addr/mask, comma list) denied access to ${who}; repeatable, order matters.`, {
    default: 'none (every address is allowed)',
    values: vals(['0.0.0.0/0.0.0.0', 'every IPv4 address (write it before the permits)'], ['::/0', 'every IPv6 address']),
    safe: '0.0.0.0/0.0.0.0',
    rules: [...rules, ...ACL_RULES],
    security: ACL_NOTE,
    repeatable: true,
  });
}

/** `permit=`: no enumerated value (only the user knows the network). */
export function permitKey(who: string, rules: readonly string[] = []): KeyInfo {
  return key('permit', `Address or network (addr/mask, comma list) allowed to reach ${who}; repeatable, order matters.`, {
    default: 'none',
    rules: [...rules, ...ACL_RULES],
    security: `${ACL_NOTE} Never permit 0.0.0.0/0.0.0.0 or ::/0.`,
    repeatable: true,
  });
}

/** `acl=`: a named ACL from acl.conf. */
export function aclKey(who: string, rules: readonly string[] = []): KeyInfo {
  return key('acl', `Named ACL from acl.conf applied to ${who}; repeatable.`, {
    default: 'none',
    rules,
    security: 'pbxlint cannot see acl.conf from this file: make sure the named list denies everything it does not permit.',
    repeatable: true,
  });
}

export const CODECS = vals('ulaw', 'alaw', 'g722', 'opus', 'g729', 'gsm', 'ilbc', 'speex', 'g726', 'slin', 'h264', 'vp8', 'all');

export function allowKey(): KeyInfo {
  return key('allow', 'Codecs allowed, in order of preference (after disallow=all); repeatable, comma list.', {
    values: CODECS.filter((c) => c.value !== 'all'),
    list: true,
    repeatable: true,
  });
}

export function disallowKey(): KeyInfo {
  return key('disallow', 'Codecs disallowed; disallow=all first, then allow= the ones you want.', { values: vals('all'), list: true, repeatable: true });
}

/** A value that hides the product version (user agent, server name). */
export const NEUTRAL_NAME = vals(['PBX', 'a neutral name that reveals no version']);
