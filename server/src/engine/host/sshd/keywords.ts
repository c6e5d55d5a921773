/**
 * sshd_config keywords: the `keywords[]` table of OpenSSH portable `servconf.c` from 7.4p1 to
 * 9.9p1 (where allowed — global only or also in Match — follows the newest release that
 * knows the keyword), the value each one takes, and the keywords that distribution patches
 * add (Debian's GSSAPI key exchange, RHEL's Kerberos options). Debian 12 ships 9.2p1.
 */

export type ValueKind =
  /** yes | no (`parse_flag`). */
  | 'flag'
  /** One word of a fixed list (`parse_multistate`). */
  | 'enum'
  /** A decimal integer (`parse_int`). */
  | 'int'
  | 'port'
  /** Anything else (paths, lists, patterns, times): not checked. */
  | 'other';

export interface KeywordInfo {
  /** May appear inside a Match block. */
  match: boolean;
  kind: ValueKind;
  /** Accepted words for 'enum' (compared case-insensitively, as sshd does). */
  values?: readonly string[];
  /** sshd logs "Deprecated option" / "Unsupported option" (or says nothing) and ignores it. */
  status?: 'deprecated' | 'ignored' | 'unsupported';
  /** First OpenSSH release that knows it, when later than 9.2 (Debian 12 rejects it). */
  since?: string;
  /** A vendor patch adds it (not upstream). */
  vendor?: string;
}

const F = (match: boolean): KeywordInfo => ({ match, kind: 'flag' });
const O = (match: boolean): KeywordInfo => ({ match, kind: 'other' });
const E = (match: boolean, values: readonly string[]): KeywordInfo => ({ match, kind: 'enum', values });
const I = (match: boolean): KeywordInfo => ({ match, kind: 'int' });
const D = (match: boolean): KeywordInfo => ({ match, kind: 'other', status: 'deprecated' });

const FORWARD = ['yes', 'all', 'no', 'remote', 'local'];

export const KEYWORDS: Record<string, KeywordInfo> = {
  acceptenv: O(true),
  addressfamily: E(false, ['inet', 'inet6', 'any']),
  afstokenpassing: { match: false, kind: 'other', status: 'unsupported' },
  allowagentforwarding: F(true),
  allowgroups: O(true),
  allowstreamlocalforwarding: E(true, FORWARD),
  allowtcpforwarding: E(true, FORWARD),
  allowusers: O(true),
  authenticationmethods: O(true),
  authorizedkeyscommand: O(true),
  authorizedkeyscommanduser: O(true),
  authorizedkeysfile: O(true),
  authorizedkeysfile2: D(true),
  authorizedprincipalscommand: O(true),
  authorizedprincipalscommanduser: O(true),
  authorizedprincipalsfile: O(true),
  banner: O(true),
  casignaturealgorithms: O(true),
  challengeresponseauthentication: F(true),
  channeltimeout: O(true),
  checkmail: D(false),
  chrootdirectory: O(true),
  ciphers: O(false),
  clientalivecountmax: I(true),
  clientaliveinterval: O(true),
  compression: E(false, ['yes', 'delayed', 'no']),
  denygroups: O(true),
  denyusers: O(true),
  disableforwarding: F(true),
  dsaauthentication: F(false),
  exposeauthinfo: F(true),
  fingerprinthash: O(false),
  forcecommand: O(true),
  gatewayports: E(true, ['clientspecified', 'yes', 'no']),
  gssapiauthentication: F(true),
  gssapicleanupcredentials: F(false),
  gssapistrictacceptorcheck: F(false),
  hostbasedacceptedalgorithms: O(true),
  hostbasedacceptedkeytypes: O(true),
  hostbasedauthentication: F(true),
  hostbasedusesnamefrompacketonly: F(true),
  hostcertificate: O(false),
  hostdsakey: O(false),
  hostkey: O(false),
  hostkeyagent: O(false),
  hostkeyalgorithms: O(false),
  ignorerhosts: E(true, ['yes', 'no', 'shosts-only']),
  ignoreuserknownhosts: F(false),
  include: O(true),
  ipqos: O(true),
  kbdinteractiveauthentication: F(true),
  keepalive: F(false),
  kerberosauthentication: F(true),
  kerberosgetafstoken: F(false),
  kerberosorlocalpasswd: F(false),
  kerberostgtpassing: { match: false, kind: 'other', status: 'unsupported' },
  kerberosticketcleanup: F(false),
  kexalgorithms: O(false),
  keyregenerationinterval: D(false),
  listenaddress: O(false),
  logingracetime: O(false),
  loglevel: E(true, ['quiet', 'fatal', 'error', 'info', 'verbose', 'debug', 'debug1', 'debug2', 'debug3']),
  logverbose: O(true),
  macs: O(false),
  match: O(true),
  maxauthtries: I(true),
  maxsessions: I(true),
  maxstartups: O(false),
  modulifile: O(false),
  pamauthenticationviakbdint: D(false),
  pamservicename: { match: true, kind: 'other', since: '9.8' },
  passwordauthentication: F(true),
  permitemptypasswords: F(true),
  permitlisten: O(true),
  permitopen: O(true),
  permitrootlogin: E(true, ['without-password', 'prohibit-password', 'forced-commands-only', 'yes', 'no']),
  permittty: F(true),
  permittunnel: E(true, ['yes', 'point-to-point', 'ethernet', 'no']),
  permituserenvironment: O(false),
  permituserrc: F(true),
  persourcemaxstartups: O(false),
  persourcenetblocksize: O(false),
  persourcepenalties: { match: false, kind: 'other', since: '9.8' },
  persourcepenaltyexemptlist: { match: false, kind: 'other', since: '9.8' },
  pidfile: O(false),
  port: { match: false, kind: 'port' },
  printlastlog: F(false),
  printmotd: F(false),
  protocol: { match: false, kind: 'other', status: 'ignored' },
  pubkeyacceptedalgorithms: O(true),
  pubkeyacceptedkeytypes: O(true),
  pubkeyauthentication: F(true),
  pubkeyauthoptions: O(true),
  rdomain: O(true),
  refuseconnection: { match: true, kind: 'flag', since: '9.9' },
  rekeylimit: O(true),
  requiredrsasize: I(true),
  reversemappingcheck: D(false),
  revokedkeys: O(true),
  rhostsauthentication: D(false),
  rhostsrsaauthentication: D(true),
  rsaauthentication: D(true),
  securitykeyprovider: O(false),
  serverkeybits: D(false),
  setenv: O(true),
  skeyauthentication: F(true),
  sshdsessionpath: { match: false, kind: 'other', since: '9.8' },
  streamlocalbindmask: O(true),
  streamlocalbindunlink: F(true),
  strictmodes: F(false),
  // Global only up to 9.4; allowed in Match since 9.5.
  subsystem: O(true),
  syslogfacility: E(false, ['daemon', 'user', 'auth', 'authpriv', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7']),
  tcpkeepalive: F(false),
  trustedusercakeys: O(true),
  unusedconnectiontimeout: O(true),
  usedns: F(false),
  uselogin: D(false),
  usepam: F(false),
  useprivilegeseparation: D(false),
  verifyreversemapping: D(false),
  versionaddendum: O(false),
  x11displayoffset: I(true),
  x11forwarding: F(true),
  x11uselocalhost: F(true),
  xauthlocation: O(false),
  // Distribution patches.
  debianbanner: { match: false, kind: 'flag', vendor: 'Debian/Ubuntu' },
  gssapikeyexchange: { match: false, kind: 'flag', vendor: 'Debian/Ubuntu/RHEL (GSSAPI key exchange patch)' },
  gssapistorecredentialsonrekey: { match: false, kind: 'flag', vendor: 'Debian/Ubuntu/RHEL (GSSAPI key exchange patch)' },
  gssapikexalgorithms: { match: false, kind: 'other', vendor: 'Debian/Ubuntu/RHEL (GSSAPI key exchange patch)' },
  gssapienablek5users: { match: true, kind: 'flag', vendor: 'RHEL/Fedora' },
  kerberosusekuserok: { match: true, kind: 'flag', vendor: 'RHEL/Fedora' },
  gssapiindicators: { match: true, kind: 'other', vendor: 'RHEL/Fedora' },
};

/** Keywords that are aliases of one setting (the first one written wins for all). */
export const ALIASES: Record<string, string> = {
  challengeresponseauthentication: 'kbdinteractiveauthentication',
  skeyauthentication: 'kbdinteractiveauthentication',
  dsaauthentication: 'pubkeyauthentication',
  keepalive: 'tcpkeepalive',
  hostdsakey: 'hostkey',
  pubkeyacceptedkeytypes: 'pubkeyacceptedalgorithms',
  hostbasedacceptedkeytypes: 'hostbasedacceptedalgorithms',
};

export function canonical(key: string): string {
  return ALIASES[key] ?? key;
}

/** Keywords whose every occurrence counts (not "first value wins"). */
export const ACCUMULATING = new Set(['port', 'listenaddress', 'hostkey', 'hostcertificate', 'acceptenv', 'subsystem', 'allowusers', 'denyusers', 'allowgroups', 'denygroups', 'include', 'match', 'setenv', 'channeltimeout']);

/**
 * Settings whose override by a drop-in matters for security: what the sshd rules check and
 * what CIS Debian 12 §5.1 hardens (single-value keywords only).
 */
export const HARDENING = new Set([
  'permitrootlogin', 'passwordauthentication', 'kbdinteractiveauthentication', 'permitemptypasswords', 'maxauthtries',
  'usepam', 'pubkeyauthentication', 'hostbasedauthentication', 'ignorerhosts', 'permituserenvironment', 'disableforwarding',
  'gssapiauthentication', 'logingracetime', 'loglevel', 'maxstartups', 'maxsessions', 'clientaliveinterval',
  'clientalivecountmax', 'ciphers', 'macs', 'kexalgorithms', 'banner', 'authenticationmethods',
]);
