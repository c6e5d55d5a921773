/**
 * Which sections of which file carry an ACL, what guards it, what Asterisk does when an item
 * does not parse, and whether the service that applies it accepts IPv6 clients. The acl-* and
 * ami-* rules all evaluate ACLs through ../../acl.ts.
 */
import type { ConfDocument, Entry, Section } from '../../asterisk/parser';
import { effective, findSection, lastValue, liveSections } from '../../asterisk/parser';
import { formatSetting, insertLinesAfter, insertLinesBefore } from '../../asterisk/edits';
import { astTrue } from '../../asterisk/values';
import { sipPeers } from '../../asterisk/sip';
import { amiListener, amiUsers } from '../../asterisk/manager';
import type { RuleContext } from '../../rule';
import { nameList } from '../helpers';
import type { TextEdit } from '../../text';
import { keyOf, memo } from '../../memo';
import {
  AclKeys,
  AclParse,
  AclRule,
  BASE_ACL,
  PJSIP_CONTACT_ACL,
  SIP_CONTACT_ACL,
  admitsIpv6,
  decidingRule,
  evaluateAcl,
  isCatchAll,
  isPublicIpv6Host,
  hostOf,
  parseAcl,
  PROBE_V4,
  PROBE_V6,
} from '../../acl';

/** What the module does with a section whose ACL has an item it cannot parse. */
export type AclErrorEffect =
  /** manager user / chan_sip peer: "Deleting user/peer" (nobody can use it). */
  | 'delete'
  /** chan_sip [general] contact ACL: the module refuses to load. */
  | 'fail-load'
  /** chan_iax2: the error is ignored; the item and the rest of its line are silently skipped. */
  | 'partial'
  /** res_pjsip `type=acl`: the object is not created at start-up, so none of its rules apply. */
  | 'drop-open'
  /** res_pjsip endpoint, ARI user: the object is rejected (the device/user stops working). */
  | 'drop-closed';

export interface AclList {
  section: Section;
  /** For messages: "SIP peer '1001'", "pjsip type=acl 'office'". */
  label: string;
  /** For messages about several sections: "SIP peer", "pjsip type=acl". */
  noun: string;
  keys: AclKeys;
  /** For messages: what the list restricts. */
  guards: string;
  onError: AclErrorEffect;
  /** Asterisk skips empty values of these keys (chan_sip peers, pjsip endpoints, iax). */
  skipEmpty: boolean;
  /** Does the service that applies this ACL accept IPv6 clients? undefined: cannot tell from this file. */
  ipv6?: boolean;
  /** A specific public IPv6 address is bound (the IPv6 gap is then reachable from the Internet). */
  publicIpv6?: boolean;
}

function listenerIpv6(addrs: string[], general: Section | undefined, fragment: boolean): { ipv6?: boolean; publicIpv6?: boolean } {
  const v6 = addrs.filter((a) => a !== '' && admitsIpv6(a));
  if (v6.length) return { ipv6: true, publicIpv6: v6.some((a) => isPublicIpv6Host(hostOf(a))) };
  // No IPv6 bind seen: the default (0.0.0.0) is IPv4-only, unless an included file may bind.
  if (fragment && !general) return {};
  if (general?.includes.length) return {};
  return { ipv6: false, publicIpv6: false };
}

function sipLists(doc: ConfDocument, fragment: boolean): AclList[] {
  const general = findSection(doc, 'general');
  const addrs: string[] = [];
  if (general) {
    for (const e of effective(general)) {
      if (e.lkey === 'bindaddr' || e.lkey === 'udpbindaddr') addrs.push(e.value);
    }
    if (astTrue(lastValue(general, 'tcpenable')?.value ?? 'no')) addrs.push(lastValue(general, 'tcpbindaddr')?.value ?? '');
    if (astTrue(lastValue(general, 'tlsenable')?.value ?? 'no')) addrs.push(lastValue(general, 'tlsbindaddr')?.value ?? '');
  }
  const l = listenerIpv6(addrs, general, fragment);
  const out: AclList[] = [];
  if (general) {
    out.push({ section: general, label: "chan_sip's global contact ACL", noun: 'chan_sip [general]', keys: SIP_CONTACT_ACL, guards: 'the addresses devices may register as contacts', onError: 'fail-load', skipEmpty: false, ...l });
  }
  for (const { section, type } of sipPeers(doc)) {
    const noun = `SIP ${type}`;
    const label = `${noun} '${section.name}'`;
    out.push({ section, label, noun, keys: BASE_ACL, guards: 'calls and registrations', onError: 'delete', skipEmpty: true, ...l });
    out.push({ section, label, noun, keys: SIP_CONTACT_ACL, guards: 'the contact addresses it may register', onError: 'delete', skipEmpty: true, ...l });
  }
  return out;
}

function iaxLists(doc: ConfDocument, fragment: boolean): AclList[] {
  const general = findSection(doc, 'general');
  const addrs = general ? effective(general).filter((e) => e.lkey === 'bindaddr').map((e) => e.value) : [];
  const l = listenerIpv6(addrs, general, fragment);
  const out: AclList[] = [];
  for (const section of liveSections(doc, ['general', 'callnumberlimits'])) {
    const type = lastValue(section, 'type')?.value.toLowerCase();
    if (type !== 'user' && type !== 'peer' && type !== 'friend') continue;
    out.push({ section, label: `IAX2 ${type} '${section.name}'`, noun: `IAX2 ${type}`, keys: BASE_ACL, guards: type === 'peer' ? 'registrations' : type === 'user' ? 'incoming calls' : 'calls and registrations', onError: 'partial', skipEmpty: true, ...l });
  }
  return out;
}

/** The sorcery type of a pjsip/ari section: the FIRST `type=` line (template lines come first), case-sensitive. */
export function sorceryType(section: Section): string | undefined {
  return effective(section).find((e) => e.lkey === 'type')?.value;
}

function pjsipLists(doc: ConfDocument, fragment: boolean): AclList[] {
  const sections = liveSections(doc);
  const binds: string[] = [];
  let transports = 0;
  for (const s of sections) {
    if (sorceryType(s) !== 'transport') continue;
    transports++;
    binds.push(lastValue(s, 'bind')?.value ?? '');
  }
  let l: { ipv6?: boolean; publicIpv6?: boolean };
  const v6 = binds.filter((b) => b !== '' && admitsIpv6(b));
  if (v6.length) l = { ipv6: true, publicIpv6: v6.some((b) => isPublicIpv6Host(hostOf(b))) };
  else if (fragment || doc.sections.some((s) => s.includes.length) || (!transports && doc.preamble.length)) l = {};
  else l = { ipv6: false, publicIpv6: false };
  const out: AclList[] = [];
  for (const section of sections) {
    const type = sorceryType(section);
    if (type === 'acl') {
      const noun = 'pjsip type=acl';
      const label = `${noun} '${section.name}'`;
      out.push({ section, label, noun, keys: BASE_ACL, guards: 'every SIP request', onError: 'drop-open', skipEmpty: false, ...l });
      out.push({ section, label, noun, keys: PJSIP_CONTACT_ACL, guards: 'the Contact addresses of every SIP request', onError: 'drop-open', skipEmpty: false, ...l });
    } else if (type === 'endpoint') {
      const noun = 'pjsip endpoint';
      const label = `${noun} '${section.name}'`;
      out.push({ section, label, noun, keys: BASE_ACL, guards: "this endpoint's requests", onError: 'drop-closed', skipEmpty: true, ...l });
      out.push({ section, label, noun, keys: PJSIP_CONTACT_ACL, guards: "the Contact addresses of this endpoint's requests", onError: 'drop-closed', skipEmpty: true, ...l });
    }
  }
  return out;
}

function ariLists(doc: ConfDocument): AclList[] {
  // ARI is served by the HTTP server (http.conf): its address family cannot be seen from here.
  return liveSections(doc, ['general'])
    .filter((s) => sorceryType(s) === 'user')
    .map((section) => ({ section, label: `ARI user '${section.name}'`, noun: 'ARI user', keys: BASE_ACL, guards: 'ARI logins', onError: 'drop-closed' as const, skipEmpty: false }));
}

function managerLists(ctx: RuleContext): AclList[] {
  const l = amiListener(ctx.doc, ctx.settings);
  return amiUsers(ctx.doc).map((section) => ({
    section,
    label: `AMI user '${section.name}'`,
    noun: 'AMI user',
    keys: BASE_ACL,
    guards: 'AMI logins',
    onError: 'delete' as const,
    skipEmpty: false,
    ipv6: l.ipv6,
    publicIpv6: l.ipv6 && isPublicIpv6Host(hostOf(l.bindaddr)),
  }));
}

/** Every ACL of the file, per ACL-bearing section and key family. */
export function aclLists(ctx: RuleContext): AclList[] {
  // Four acl-* rules and several ami-* rules ask for the same lists: compute them once per lint.
  return memo(ctx.doc, keyOf(aclLists, ctx.settings), () => computeAclLists(ctx));
}

function computeAclLists(ctx: RuleContext): AclList[] {
  switch (ctx.kind) {
    case 'sip':
      return sipLists(ctx.doc, ctx.fragment);
    case 'iax':
      return iaxLists(ctx.doc, ctx.fragment);
    case 'pjsip':
      return pjsipLists(ctx.doc, ctx.fragment);
    case 'ari':
      return ariLists(ctx.doc);
    case 'manager':
      return managerLists(ctx);
    default:
      return [];
  }
}

/** The list's entries as the module reads them (effective order; empty values skipped where the module skips them). */
export function listEntries(list: AclList): Entry[] {
  const keys = [list.keys.permit, list.keys.deny, list.keys.named].filter((k): k is string => !!k).map((k) => k.toLowerCase());
  return effective(list.section).filter((e) => keys.includes(e.lkey) && !(list.skipEmpty && e.value === ''));
}

export function listAcl(list: AclList): AclParse {
  return memo(list, listAcl, () => parseAcl(listEntries(list), list.keys));
}

/** Groups findings by the line that causes them (a template line shared by several sections). */
export class ByLine<T> {
  private readonly map = new Map<string, { entry: Entry; data: T; names: string[] }>();
  add(entry: Entry, key: string, name: string, data: T): void {
    const k = `${entry.line.index}:${key}`;
    const g = this.map.get(k);
    if (g) {
      if (!g.names.includes(name)) g.names.push(name);
    } else this.map.set(k, { entry, data, names: [name] });
  }
  groups(): { entry: Entry; data: T; names: string[] }[] {
    return [...this.map.values()];
  }
}

/** " (set in template 'x')" when the line is not written in the (single) reported section itself. */
export function inheritedNote(entry: Entry, owners: string[]): string {
  const w = entry.writtenIn;
  if (!w || (owners.length === 1 && w.name === owners[0] && !w.template)) return '';
  return ` (set in ${w.template ? 'template ' : ''}'${w.name}')`;
}

/** "SIP peer 'a'", or "SIP peers 'a' and 'b' (set in template 't')": who a grouped finding is about. */
export function whoText(list: AclList, names: string[], entry: Entry): string {
  const base = names.length > 1 ? `${list.noun}s ${nameList(names)}` : list.label;
  return `${base}${inheritedNote(entry, names)}`;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the acl-* and ami-* rules.

/** The first permit rule, when the list is permit-only in effect: it admits the IPv4 probe and a deny-all before it would fix that. */
export function permitOnly(acl: AclParse): { firstPermit: AclRule; hasDeny: boolean } | undefined {
  if (acl.invalid.length || acl.named.length) return undefined;
  const idx = acl.rules.findIndex((r) => r.sense === 'permit');
  if (idx < 0) return undefined;
  if (evaluateAcl(acl.rules, PROBE_V4) !== 'permit') return undefined;
  const firstPermit = acl.rules[idx];
  const denyAll = (family: 4 | 6): AclRule => ({ ...firstPermit, sense: 'deny', negate: false, family, network: 0n, mask: 0n, prefix: 0, contiguous: true });
  const fixed = [...acl.rules.slice(0, idx), denyAll(4), denyAll(6), ...acl.rules.slice(idx)];
  // A catch-all permit after the permits (permit=0.0.0.0/0) is a deliberate "allow all", not this problem.
  if (evaluateAcl(fixed, PROBE_V4) === 'permit') return undefined;
  return { firstPermit, hasDeny: acl.rules.some((r) => r.sense === 'deny' && r.family === 4) };
}

/** The deny lines to insert before the first permit: IPv4 deny-all, and `::/0` unless one already precedes. */
export function permitOnlyFix(doc: ConfDocument, acl: AclParse, firstPermit: AclRule, denyKey: string): { edit: TextEdit; inserted: string[] } {
  const idx = acl.rules.indexOf(firstPermit);
  const v6Denied = acl.rules.slice(0, idx).some((r) => r.family === 6 && r.sense === 'deny' && isCatchAll(r));
  const sec = firstPermit.entry.writtenIn;
  const inserted = [`${denyKey}=0.0.0.0/0.0.0.0`];
  if (!v6Denied) inserted.push(`${denyKey}=::/0`);
  const lines = inserted.map((kv) => formatSetting(doc, sec, denyKey, kv.slice(denyKey.length + 1)));
  return { edit: insertLinesBefore(doc, firstPermit.entry.line, lines), inserted };
}

/**
 * The IPv6 gap: the list denies the public IPv4 probe, yet a native IPv6 client from anywhere
 * matches no rule at all and is admitted (IPv4 rules never match IPv6). Returns the rule to
 * report (the IPv4 deny-all, or the first deny) and where `deny=::/0` goes.
 */
export function ipv6Gap(acl: AclParse): { culprit: AclRule; anchor: { rule: AclRule; before: boolean } } | undefined {
  if (acl.invalid.length || acl.named.length || !acl.rules.length) return undefined;
  if (evaluateAcl(acl.rules, PROBE_V4) !== 'deny') return undefined;
  // An explicit IPv6 rule that admits the probe (permit=::/0, a wide prefix) is deliberate.
  if (decidingRule(acl.rules, PROBE_V6) !== undefined) return undefined;
  const v4DenyAll = acl.rules.findIndex((r) => r.family === 4 && r.sense === 'deny' && isCatchAll(r));
  const firstV6 = acl.rules.findIndex((r) => r.family === 6);
  const firstPermit = acl.rules.findIndex((r) => r.sense === 'permit');
  const culprit = acl.rules[v4DenyAll >= 0 ? v4DenyAll : Math.max(0, acl.rules.findIndex((r) => r.sense === 'deny'))];
  let anchor: { rule: AclRule; before: boolean };
  if (firstV6 >= 0 && (v4DenyAll < 0 || firstV6 < v4DenyAll)) anchor = { rule: acl.rules[firstV6], before: true };
  else if (v4DenyAll >= 0) anchor = { rule: acl.rules[v4DenyAll], before: false };
  else anchor = { rule: acl.rules[firstPermit >= 0 ? firstPermit : 0], before: firstPermit >= 0 };
  return { culprit, anchor };
}

export function ipv6GapFix(doc: ConfDocument, anchor: { rule: AclRule; before: boolean }, denyKey: string): TextEdit {
  const line = anchor.rule.entry.line;
  const text = formatSetting(doc, anchor.rule.entry.writtenIn, denyKey, '::/0');
  return anchor.before ? insertLinesBefore(doc, line, [text]) : insertLinesAfter(doc, line, [text]);
}
