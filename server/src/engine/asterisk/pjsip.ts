/**
 * res_pjsip's view of pjsip.conf and pjsip_wizard.conf (asterisk-rules.md §3, asterisk-syntax.md §10),
 * as read from the Asterisk source:
 *
 * - pjsip.conf is loaded by res_sorcery_config once per object type with the criteria `type=<t>`
 *   (`ast_sorcery_changeset_create`): the FIRST effective `type` line (key case-insensitive,
 *   template lines first) must equal `<t>` exactly (strcmp). Sections that match no type are
 *   silently ignored. Object ids (section names) are case-sensitive, and so are references
 *   (`auth=`, `aors=`, `endpoint=`, …).
 * - Since 13.23, 15.6 and 16.0 `global` and `system` are also matched by the exact section name
 *   (`explicit_name`) and are single objects: more than one of them fails that type's load.
 * - Two objects of one type with the same id: "configuration contains a duplicate object", and no
 *   object of that type is loaded from the file (the previous ones are kept; none at startup).
 * - pjsip_wizard.conf is read by res_pjsip_config_wizard, which only takes sections that have a
 *   variable whose name matches the regex `type` (case-sensitive, unanchored) with the value
 *   matching `^wizard$`. Wizard-level keys are looked up case-insensitively (last wins); object
 *   keys are the ones that begin, case-sensitively, with `endpoint/`, `aor/`, `inbound_auth/`, …
 */
import type { ConfDocument, ConfLine, Entry, Section } from './parser';
import { effective, liveSections } from './parser';
import { astTrue } from './values';
import { compareVersion, Settings } from '../settings';

/** Every `pjsip.conf,criteria=type=…` mapping in Asterisk `master`. */
export const PJSIP_TYPES: readonly string[] = [
  'endpoint',
  'auth',
  'aor',
  'identify',
  'acl',
  'transport',
  'registration',
  'global',
  'system',
  'domain_alias',
  'outbound-publish',
  'inbound-publication',
  'asterisk-publication',
  'resource_list',
  'phoneprov',
];

/** Types that also match by section name and must be unique (13.23+, 15.6+, 16+). */
export const SINGLE_OBJECT_TYPES: readonly string[] = ['global', 'system'];

export interface PjsipObject {
  /** The exact section name: the object id. */
  id: string;
  type: string;
  section: Section;
  /** The first `type=` line; undefined for `[global]`/`[system]` matched by name. */
  typeEntry?: Entry;
}

/** `[global]`/`[system]` without a `type=` line are objects since 13.23, 15.6 and 16.0. */
export function hasExplicitNames(settings: Settings): boolean {
  if (compareVersion(settings, 16) >= 0) return true;
  if (compareVersion(settings, 15, 6) >= 0 && compareVersion(settings, 16) < 0) return true;
  return compareVersion(settings, 13, 23) >= 0 && compareVersion(settings, 14) < 0;
}

/** The endpoint `identify_by` default: `username` before 13.19 (14.x, 15.0–15.1 too), then `username,ip`. */
export function defaultIdentifyBy(settings: Settings): string {
  const newer =
    compareVersion(settings, 15, 2) >= 0 || (compareVersion(settings, 13, 19) >= 0 && compareVersion(settings, 14) < 0);
  return newer ? 'username,ip' : 'username';
}

/**
 * 20.12, 21.7, 22.2 and 23+ pick plain password or digest automatically (`password_digest`
 * exists); before, `auth_type=userpass` (the default) used only `password` and `auth_type=md5`
 * only `md5_cred`.
 */
export function autoDigest(settings: Settings): boolean {
  if (compareVersion(settings, 23) >= 0) return true;
  const within = (maj: number, min: number) => compareVersion(settings, maj, min) >= 0 && compareVersion(settings, maj + 1) < 0;
  return within(20, 12) || within(21, 7) || within(22, 2);
}

/**
 * True when a base named in the header was not found (only possible in an included fragment,
 * whose templates may live in the including file): absent keys may come from there.
 */
export function partial(section: Section): boolean {
  return section.bases.length < section.baseNames.length;
}

/** The first effective `type` line: what sorcery's criteria compare. */
export function firstType(section: Section): Entry | undefined {
  return effective(section).find((e) => e.lkey === 'type');
}

/** The last effective entry for a key (sorcery applies every line in order; scalars keep the last). */
export function last(section: Section, lkey: string): Entry | undefined {
  const list = effective(section);
  for (let i = list.length - 1; i >= 0; i--) if (list[i].lkey === lkey) return list[i];
  return undefined;
}

export function all(section: Section, lkey: string): Entry[] {
  return effective(section).filter((e) => e.lkey === lkey);
}

/** `auth=a, b` / `aors=` / `outbound_auth=`: split on `,`, each item stripped, empty items skipped. */
export function refList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.replace(/^[\x01-\x20]+|[\x01-\x20]+$/g, ''))
    .filter((s) => s !== '');
}

export interface RefValue {
  /** The line that decides (the last one), if any. */
  entry?: Entry;
  names: string[];
}

/** A reference list option: the last line replaces the earlier ones (`ast_sip_auth_vector_init`). */
export function refs(section: Section, lkey: string): RefValue {
  const entry = last(section, lkey);
  return { entry, names: refList(entry?.value) };
}

export const IDENTIFY_METHODS: readonly string[] = ['username', 'auth_username', 'ip', 'header', 'request_uri'];

export interface IdentifyBy {
  entry?: Entry;
  /** Lower-cased methods; undefined when the value has an unknown method (the endpoint then fails to load). */
  methods?: string[];
  /** True when no `identify_by` line applies and the version default is used. */
  defaulted: boolean;
}

/** `identify_by`: the last line wins; words stripped, compared case-insensitively. */
export function identifyBy(value: string | undefined, entry: Entry | undefined, settings: Settings): IdentifyBy {
  const v = value ?? defaultIdentifyBy(settings);
  const methods: string[] = [];
  for (const w of refList(v)) {
    const m = w.toLowerCase();
    if (!IDENTIFY_METHODS.includes(m)) return { entry, methods: undefined, defaulted: value === undefined };
    if (!methods.includes(m)) methods.push(m);
  }
  return { entry, methods, defaulted: value === undefined };
}

export function endpointIdentifyBy(section: Section, settings: Settings): IdentifyBy {
  const e = last(section, 'identify_by');
  return identifyBy(e?.value, e, settings);
}

export interface PjsipModel {
  /** pjsip_wizard.conf (only `type=wizard` sections are read). */
  wizardFile: boolean;
  /** Live sorcery objects of a known type, in file order (pjsip.conf only). */
  objects: PjsipObject[];
  /** Live wizard sections (pjsip_wizard.conf only). */
  wizards: Section[];
  /** `#include`/`#tryinclude` lines anywhere in the file: other objects may live there. */
  includes: ConfLine[];
  explicitNames: boolean;
  byType(type: string): PjsipObject[];
  /** The first object of that type with that exact id. */
  find(type: string, id: string): PjsipObject | undefined;
  /** False when Asterisk rejects every object of the type from this file (duplicate ids, a second global/system). */
  loads(type: string): boolean;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1].toLowerCase().replace(/\.sample$/, '');
}

/**
 * res_pjsip_config_wizard's filter `type=^wizard$`: some variable whose name contains `type`
 * (case-sensitive regex) has exactly the value `wizard`.
 */
export function isWizardSection(section: Section): boolean {
  return effective(section).some((e) => e.key.includes('type') && e.value === 'wizard');
}

/** Is this file read by the config wizard rather than by res_sorcery_config? */
export function isWizardFile(doc: ConfDocument, path: string): boolean {
  const base = baseName(path);
  if (base.startsWith('pjsip_wizard')) return true;
  if (/^pjsip[._]/.test(base)) return false;
  // A file with another name (forced kind, modeline): it is a wizard file if it only has wizards.
  const live = liveSections(doc);
  return live.length > 0 && live.every((s) => isWizardSection(s) || !firstType(s));
}

const cache = new WeakMap<ConfDocument, Map<string, PjsipModel>>();

export function pjsipModel(doc: ConfDocument, path: string, settings: Settings): PjsipModel {
  const key = `${settings.asteriskVersion}\0${path}`;
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(doc, perDoc);
  }
  const hit = perDoc.get(key);
  if (hit) return hit;
  const model = buildModel(doc, path, settings);
  perDoc.set(key, model);
  return model;
}

function buildModel(doc: ConfDocument, path: string, settings: Settings): PjsipModel {
  const wizardFile = isWizardFile(doc, path);
  const explicitNames = hasExplicitNames(settings);
  const objects: PjsipObject[] = [];
  const wizards: Section[] = [];
  for (const section of liveSections(doc)) {
    if (wizardFile) {
      if (isWizardSection(section)) wizards.push(section);
      continue;
    }
    const t = firstType(section);
    if (t) {
      if (PJSIP_TYPES.includes(t.value)) objects.push({ id: section.name, type: t.value, section, typeEntry: t });
    } else if (explicitNames && SINGLE_OBJECT_TYPES.includes(section.name)) {
      objects.push({ id: section.name, type: section.name, section });
    }
  }
  const includes = doc.lines.filter((l) => {
    const w = l.directive?.word.text.toLowerCase();
    return l.kind === 'directive' && (w === 'include' || w === 'tryinclude');
  });
  const byTypeMap = new Map<string, PjsipObject[]>();
  for (const o of objects) {
    const list = byTypeMap.get(o.type) ?? [];
    list.push(o);
    byTypeMap.set(o.type, list);
  }
  const byId = new Map<string, Map<string, PjsipObject>>();
  return {
    wizardFile,
    objects,
    wizards,
    includes,
    explicitNames,
    byType: (type) => byTypeMap.get(type) ?? [],
    // Indexed per type on first use (the first object of an id wins, as a linear find did):
    // rules look an object up once per endpoint, which was quadratic on 100,000 endpoints.
    find: (type, id) => {
      let idx = byId.get(type);
      if (!idx) {
        idx = new Map();
        for (const o of byTypeMap.get(type) ?? []) if (!idx.has(o.id)) idx.set(o.id, o);
        byId.set(type, idx);
      }
      return idx.get(id);
    },
    loads: (type) => {
      const list = byTypeMap.get(type) ?? [];
      if (explicitNames && SINGLE_OBJECT_TYPES.includes(type) && list.length > 1) return false;
      return new Set(list.map((o) => o.id)).size === list.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Endpoint facts shared by several rules.

export interface AuthFacts {
  /** Auth names the endpoint challenges with (`auth=`). */
  inbound: RefValue;
  outbound: RefValue;
}

export function endpointAuths(section: Section): AuthFacts {
  return { inbound: refs(section, 'auth'), outbound: refs(section, 'outbound_auth') };
}

/** The dialplan context calls from this endpoint enter (default `default`). */
export function endpointContext(section: Section): string {
  return last(section, 'context')?.value || 'default';
}

/** An auth object's effective `auth_type`, lower-cased (default `userpass`). */
export function authType(section: Section): string {
  return (last(section, 'auth_type')?.value || 'userpass').toLowerCase();
}

/** Does the auth use its plain `password`? (google_oauth never; `auth_type=md5` not before 20.12/21.7/22.2.) */
export function usesPassword(section: Section, settings: Settings): boolean {
  const t = authType(section);
  if (t === 'google_oauth') return false;
  return autoDigest(settings) || t !== 'md5';
}

/** Does the auth use `md5_cred`? (`auth_type=md5` only, before 20.12/21.7/22.2.) */
export function usesMd5Cred(section: Section, settings: Settings): boolean {
  const t = authType(section);
  if (t === 'google_oauth') return false;
  return autoDigest(settings) || t === 'md5';
}

// ---------------------------------------------------------------------------------------------
// Wizard sections.

/** A wizard-level option: looked up case-insensitively, the last one wins. */
export function wizardValue(section: Section, lkey: string): Entry | undefined {
  return last(section, lkey);
}

export function wizardTrue(section: Section, lkey: string): boolean {
  const e = wizardValue(section, lkey);
  return !!e && astTrue(e.value);
}

/** Entries passed to an object: keys that begin (case-sensitively) with `prefix`, e.g. `endpoint/`. */
export function wizardObjectEntries(section: Section, prefix: string): { entry: Entry; lkey: string }[] {
  const out: { entry: Entry; lkey: string }[] = [];
  for (const e of effective(section)) {
    if (e.key.startsWith(prefix) && e.key.length > prefix.length) out.push({ entry: e, lkey: e.key.slice(prefix.length).toLowerCase() });
  }
  return out;
}

/** The last value an object option gets from the wizard (`endpoint/allow_transfer`, …). */
export function wizardObjectValue(section: Section, prefix: string, lkey: string): Entry | undefined {
  const list = wizardObjectEntries(section, prefix).filter((x) => x.lkey === lkey);
  return list.length ? list[list.length - 1].entry : undefined;
}

/** Does the wizard create an identify object (IP matching) for its endpoint? */
export function wizardCreatesIdentify(section: Section): boolean {
  if (wizardTrue(section, 'accepts_registrations') || wizardTrue(section, 'sends_line_with_registrations')) return false;
  // handle_identify requires remote_hosts even when identify/match is given.
  return refList(wizardValue(section, 'remote_hosts')?.value).length > 0;
}
