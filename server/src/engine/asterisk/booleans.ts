/**
 * The boolean keys that matter for security, per Asterisk file kind, and how the module that
 * owns each one reads it (asterisk-syntax.md §9). Checked against the Asterisk source:
 * chan_sip at tag 20.20.1, everything else at master f0c1c1a7b7.
 *
 * - `ast_true`: the option is on only for `yes true y t 1 on` (any case); every other word,
 *   including typos such as `enable`, means OFF. This is how nearly every option is read
 *   (`ast_true(v->value)` in the module, or ACO/sorcery `OPT_BOOL_T`/`OPT_YESNO_T` with flags 1).
 * - `not_false`: the option is on unless the value is `no false n f 0 off`; every other word,
 *   including `disable`, means ON (chan_sip `tcpenable`: `if (!ast_false(v->value))`).
 * - `ignored`: the module accepts its true/false words (and its extra words) and ignores any
 *   other value with a warning, so the previous value or the default stays in force
 *   (chan_iax2 `requirecalltoken`).
 */
import type { AsteriskKind } from '../kinds';
import { astFalse, astTrue } from './values';
import type { ConfDocument, Entry, Section } from './parser';

export type BoolReader = 'ast_true' | 'not_false' | 'ignored';

export interface BoolKey {
  /** Lower-case key (keys are compared case-insensitively by every module). */
  key: string;
  reader: BoolReader;
  /**
   * Where the module reads it: `global` = the kind's global section only (`[general]`, or
   * `[options]` for asterisk.conf); `object` = peer/user/endpoint sections (and templates, whose
   * lines apply to the sections that inherit them); `both`.
   */
  scope: 'global' | 'object' | 'both';
  /** pjsip: the object type that owns the option (`endpoint`, `transport`, …). */
  pjsipType?: string;
  /** Other words the module accepts, with their meaning (true = on). */
  extra?: Record<string, boolean>;
  /** The value that is the hardened one, when there clearly is one. */
  secure?: boolean;
  /**
   * Switching to the secure value cannot break a working setup (it changes rejection
   * responses, logging or dialplan saving only), so a fix that does it may be applied unasked.
   */
  hardenSafely?: boolean;
  /** The value in force when the key is absent (needed for the `ignored` reader). */
  default?: boolean;
  /** What the option does, for messages ("answers unknown users and bad passwords alike"). */
  what: string;
}

const T = 'ast_true' as const;

/** chan_sip (channels/chan_sip.c reload_config, build_peer, handle_common_options). */
const SIP: BoolKey[] = [
  { key: 'allowguest', reader: T, scope: 'global', secure: false, what: 'accepts unauthenticated calls from unknown callers' },
  { key: 'alwaysauthreject', reader: T, scope: 'global', secure: true, hardenSafely: true, what: 'rejects unknown users and wrong passwords alike, so extensions cannot be enumerated' },
  { key: 'allowtransfer', reader: T, scope: 'both', secure: false, what: 'allows call transfers with REFER' },
  { key: 'autocreatepeer', reader: T, scope: 'global', extra: { persist: true }, secure: false, what: 'lets any device register without a password' },
  { key: 'pedantic', reader: T, scope: 'global', secure: true, hardenSafely: true, what: 'checks dialog tags and headers strictly' },
  { key: 'allowexternaldomains', reader: T, scope: 'global', secure: false, what: 'accepts INVITE and REFER for domains this server does not serve' },
  { key: 'srvlookup', reader: T, scope: 'global', what: 'looks up DNS SRV records for outbound calls' },
  { key: 'tcpenable', reader: 'not_false', scope: 'global', what: 'opens the SIP TCP listener' },
  { key: 'tlsenable', reader: T, scope: 'global', what: 'opens the SIP TLS listener' },
  { key: 'tlsdontverifyserver', reader: T, scope: 'global', secure: false, what: 'skips checking the TLS certificate of servers Asterisk connects to' },
  { key: 'websocket_enabled', reader: T, scope: 'global', what: 'accepts SIP over WebSocket through the HTTP server' },
  { key: 'accept_outofcall_message', reader: T, scope: 'global', secure: false, what: 'accepts out-of-call MESSAGE requests into the dialplan' },
  { key: 'auth_message_requests', reader: T, scope: 'global', secure: true, what: 'requires authentication for MESSAGE requests' },
  { key: 'auth_options_requests', reader: T, scope: 'global', secure: true, what: 'requires authentication for OPTIONS requests' },
  { key: 'dynamic_exclude_static', reader: T, scope: 'global', secure: true, what: 'stops dynamic peers from registering from a static peer\'s address' },
  { key: 'trustrpid', reader: T, scope: 'both', secure: false, what: 'trusts the caller-supplied Remote-Party-ID' },
  { key: 'promiscredir', reader: T, scope: 'both', secure: false, what: 'follows 302 redirects to any SIP address' },
  { key: 'encryption', reader: T, scope: 'object', secure: true, what: 'requires SRTP media encryption' },
];

/** chan_iax2 (channels/chan_iax2.c set_config, build_user, build_peer). */
const IAX: BoolKey[] = [
  { key: 'delayreject', reader: T, scope: 'global', secure: true, hardenSafely: true, what: 'delays authentication rejections, which slows down brute force' },
  { key: 'allowfwdownload', reader: T, scope: 'global', secure: false, what: 'serves IAXy firmware to unauthenticated clients' },
  { key: 'encryption', reader: T, scope: 'both', extra: { aes128: true }, secure: true, what: 'encrypts IAX2 calls' },
  { key: 'requirecalltoken', reader: 'ignored', scope: 'object', extra: { auto: true }, secure: true, default: true, what: 'requires call tokens, the protection against spoofed-source call flooding' },
];

/** main/manager.c __init_manager (the TLS keys through ast_tls_read_conf). */
const MANAGER: BoolKey[] = [
  { key: 'enabled', reader: T, scope: 'global', secure: false, what: 'starts the AMI listener' },
  { key: 'webenabled', reader: T, scope: 'global', secure: false, what: 'serves AMI over the HTTP server' },
  { key: 'displayconnects', reader: T, scope: 'both', secure: true, hardenSafely: true, what: 'logs AMI logins' },
  { key: 'allowmultiplelogin', reader: T, scope: 'both', secure: false, what: 'lets one AMI account log in several times at once' },
  { key: 'tlsenable', reader: T, scope: 'global', what: 'starts the AMI TLS listener' },
];

/** main/http.c __ast_http_load. */
const HTTP: BoolKey[] = [
  { key: 'enabled', reader: T, scope: 'global', secure: false, what: 'starts the HTTP server (ARI, AMI over HTTP, WebSocket)' },
  { key: 'enablestatic', reader: T, scope: 'global', secure: false, what: 'serves static files' },
  { key: 'enable_static', reader: T, scope: 'global', secure: false, what: 'serves static files' },
  { key: 'enable_status', reader: T, scope: 'global', secure: false, what: 'serves the /httpstatus page' },
  { key: 'tlsenable', reader: T, scope: 'global', what: 'starts the HTTPS listener' },
];

/** res/ari/config.c (sorcery booleans, read with ast_true). */
const ARI: BoolKey[] = [
  { key: 'enabled', reader: T, scope: 'global', secure: false, what: 'enables ARI' },
  { key: 'read_only', reader: T, scope: 'object', secure: true, what: 'limits the ARI user to read-only requests' },
];

/** res_pjsip (sorcery OPT_BOOL_T / OPT_YESNO_T with flags 1, and the TLS transport handler). */
const PJSIP: BoolKey[] = [
  { key: 'allow_unauthenticated_options', reader: T, scope: 'object', pjsipType: 'endpoint', secure: false, what: 'answers OPTIONS without authentication' },
  { key: 'allow_transfer', reader: T, scope: 'object', pjsipType: 'endpoint', secure: false, what: 'allows call transfers with REFER' },
  { key: 'allow_subscribe', reader: T, scope: 'object', pjsipType: 'endpoint', what: 'accepts SUBSCRIBE requests' },
  { key: 'trust_id_inbound', reader: T, scope: 'object', pjsipType: 'endpoint', secure: false, what: 'trusts the caller-supplied P-Asserted-Identity / Remote-Party-ID' },
  { key: 'trust_id_outbound', reader: T, scope: 'object', pjsipType: 'endpoint', secure: false, what: 'sends private caller identity to this endpoint' },
  { key: 'trust_connected_line', reader: T, scope: 'object', pjsipType: 'endpoint', what: 'accepts connected-line updates from this endpoint' },
  { key: 'verify_client', reader: T, scope: 'object', pjsipType: 'transport', secure: true, what: 'verifies TLS client certificates' },
  { key: 'verify_server', reader: T, scope: 'object', pjsipType: 'transport', secure: true, what: 'verifies the TLS certificate of servers Asterisk connects to' },
  { key: 'require_client_cert', reader: T, scope: 'object', pjsipType: 'transport', secure: true, what: 'requires a TLS client certificate' },
  { key: 'authenticate_qualify', reader: T, scope: 'object', pjsipType: 'aor', what: 'authenticates qualify OPTIONS' },
];

/** main/options.c, `[options]` of asterisk.conf. */
const ASTERISK: BoolKey[] = [
  { key: 'execincludes', reader: T, scope: 'global', secure: false, what: 'runs #exec directives in configuration files (shell commands)' },
  { key: 'live_dangerously', reader: T, scope: 'global', secure: false, what: 'lets AMI and ARI call dangerous functions such as SHELL() and FILE()' },
];

/** pbx/pbx_config.c, `[general]` of extensions.conf. */
const EXTENSIONS: BoolKey[] = [
  { key: 'writeprotect', reader: T, scope: 'global', secure: true, hardenSafely: true, what: 'stops "dialplan save" from rewriting extensions.conf' },
  { key: 'static', reader: T, scope: 'global', what: 'marks the dialplan as static (needed for "dialplan save")' },
];

export const BOOLEAN_KEYS: Partial<Record<AsteriskKind, readonly BoolKey[]>> = {
  sip: SIP,
  iax: IAX,
  manager: MANAGER,
  http: HTTP,
  ari: ARI,
  pjsip: PJSIP,
  asterisk: ASTERISK,
  extensions: EXTENSIONS,
};

/** The section whose keys are global settings for the kind. */
export function globalSectionName(kind: AsteriskKind): string {
  return kind === 'asterisk' ? 'options' : 'general';
}

/** Sections that are not objects (peers, users, endpoints) for the kind. */
export function reservedSections(kind: AsteriskKind): string[] {
  if (kind === 'sip') return ['general', 'authentication'];
  if (kind === 'pjsip') return ['global', 'system'];
  if (kind === 'extensions') return ['general', 'globals'];
  if (kind === 'asterisk') return ['options', 'directories', 'files', 'compat'];
  return ['general'];
}

export type BoolState = 'true' | 'false' | 'unrecognised';

/** Is the word one the module understands, and what does it mean? */
export function classifyBool(spec: BoolKey, value: string): { state: BoolState; on?: boolean } {
  const extra = spec.extra?.[value.toLowerCase()];
  if (extra !== undefined) return { state: extra ? 'true' : 'false', on: extra };
  if (astTrue(value)) return { state: 'true', on: true };
  if (astFalse(value)) return { state: 'false', on: false };
  return { state: 'unrecognised', on: spec.reader === 'ast_true' ? false : spec.reader === 'not_false' ? true : spec.default };
}

/** The first `type=` of a section, as sorcery reads it (template lines come first). */
export function pjsipTypeOf(section: Section): string | undefined {
  const list = section.inherited.concat(section.own);
  return list.find((e) => e.lkey === 'type')?.value;
}

/** Looks up the spec for an entry of the given section in a file of the given kind. */
export function boolSpecFor(kind: AsteriskKind, doc: ConfDocument, entry: Entry, fragment: boolean): BoolKey | undefined {
  const table = BOOLEAN_KEYS[kind];
  if (!table) return undefined;
  let lkey = entry.lkey;
  let wizardType: string | undefined;
  const slash = lkey.indexOf('/');
  if (kind === 'pjsip' && slash > 0) {
    // pjsip_wizard.conf: `endpoint/allow_transfer = no`.
    wizardType = lkey.slice(0, slash);
    lkey = lkey.slice(slash + 1);
  }
  const candidates = table.filter((k) => k.key === lkey);
  if (!candidates.length) return undefined;
  const section = entry.writtenIn;
  const globalName = globalSectionName(kind);
  let isGlobal: boolean;
  if (!section) {
    // Lines before the first header only exist in included fragments; FreePBX includes
    // the `*_general_*.conf` fragments inside [general].
    if (!fragment) return undefined;
    isGlobal = true;
  } else {
    const target = section.appendTarget ?? section;
    const name = target.name.toLowerCase();
    if (name === globalName) {
      // Only the first [general] is read by name; a duplicate is someone else's finding.
      const first = doc.sections.find((s) => !s.template && !s.append && s.name.toLowerCase() === globalName);
      if (first !== target) return undefined;
      isGlobal = true;
    } else if (reservedSections(kind).includes(name)) {
      return undefined;
    } else {
      isGlobal = false;
    }
  }
  for (const spec of candidates) {
    if (isGlobal && spec.scope === 'object') continue;
    if (!isGlobal && spec.scope === 'global') continue;
    if (spec.pjsipType) {
      const type = wizardType ?? (section ? pjsipTypeOf(section.appendTarget ?? section)?.toLowerCase() : undefined);
      // A template without a type of its own: the option name decides.
      if (type !== undefined ? type !== spec.pjsipType : !section?.template) continue;
    }
    return spec;
  }
  return undefined;
}
