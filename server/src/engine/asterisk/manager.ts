/** The AMI's view of manager.conf: is it enabled, where does it listen, who are the users. */
import { ConfDocument, Section, allValues, findSection, lastValue, liveSections } from './parser';
import { astTrue } from './values';
import { compareVersion, Settings } from '../settings';
import { parseAcl, AclParse, AclRule, admitsIpv6, evaluateAcl, hostOf, isLoopbackHost, PROBE_V4, PROBE_V6 } from '../acl';

export interface AmiListener {
  general?: Section;
  enabled: boolean;
  port: string;
  /** True when IPv6 clients can connect (bound to `::` or an IPv6 address). */
  ipv6: boolean;
  /** The effective bind address, with the version default filled in. */
  bindaddr: string;
  explicit: boolean;
  public: boolean;
}

export function amiListener(doc: ConfDocument, settings: Settings): AmiListener {
  const general = findSection(doc, 'general');
  const enabled = !!general && astTrue(lastValue(general, 'enabled')?.value ?? 'no');
  const b = general && lastValue(general, 'bindaddr');
  const dflt = compareVersion(settings, 11) >= 0 ? '::' : '0.0.0.0';
  const bindaddr = b?.value || dflt;
  const port = (general && lastValue(general, 'port')?.value) || '5038';
  return { general, enabled, port, bindaddr, explicit: !!b, public: !isLoopbackHost(hostOf(bindaddr)), ipv6: admitsIpv6(bindaddr) };
}

export function amiUsers(doc: ConfDocument): Section[] {
  return liveSections(doc, ['general']);
}

/** The user's permit/deny lines in file order (inheritance included). */
export function amiAcl(user: Section): AclParse {
  return parseAcl([...allValues(user, 'permit'), ...allValues(user, 'deny')].sort((a, b) => a.line.start - b.line.start || 0));
}

/** Named ACLs (`acl=` from acl.conf) cannot be resolved from manager.conf alone. */
export function usesNamedAcl(user: Section): boolean {
  return allValues(user, 'acl').some((e) => e.value.trim() !== '');
}

/**
 * Can a client from anywhere on the Internet log in as this user? IPv6 is probed only when
 * the listener accepts IPv6. A user with a named `acl=` is assumed restricted.
 */
export function amiUserOpen(user: Section, listener: AmiListener): { v4: boolean; v6: boolean; acl: AclParse } {
  const acl = amiAcl(user);
  if (usesNamedAcl(user) || acl.invalid.length) return { v4: false, v6: false, acl };
  const rules: AclRule[] = acl.rules;
  return { v4: evaluateAcl(rules, PROBE_V4) === 'permit', v6: listener.ipv6 && evaluateAcl(rules, PROBE_V6) === 'permit', acl };
}
