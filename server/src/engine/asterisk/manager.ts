/** The AMI's view of manager.conf: is it enabled, where does it listen, who are the users. */
import { ConfDocument, Section, allValues, findSection, lastValue, liveSections } from './parser';
import { astTrue } from './values';
import { isLoopbackHost } from '../acl';
import { compareVersion, Settings } from '../settings';
import { parseAcl, AclParse } from '../acl';

export interface AmiListener {
  general?: Section;
  enabled: boolean;
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
  return { general, enabled, bindaddr, explicit: !!b, public: !isLoopbackHost(bindaddr) };
}

export function amiUsers(doc: ConfDocument): Section[] {
  return liveSections(doc, ['general']);
}

/** The user's permit/deny lines in file order (inheritance included). */
export function amiAcl(user: Section): AclParse {
  return parseAcl([...allValues(user, 'permit'), ...allValues(user, 'deny')].sort((a, b) => a.line.start - b.line.start || 0));
}
