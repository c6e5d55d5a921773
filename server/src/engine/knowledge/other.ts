/**
 * http.conf, ari.conf, asterisk.conf `[options]` and extensions.conf `[general]`. Defaults:
 * asterisk-rules.md §0, rules/http/util.ts and rules/core/live-dangerously.ts (version logic),
 * the sample files.
 */
import { statusDefault } from '../rules/http/util';
import { ARI_ACL_RELEASES } from '../rules/ari/util';
import type { RuleContext } from '../rule';
import { compareVersion, Settings } from '../settings';
import { aclKey, denyKey, permitKey } from './common';
import { bool, key, KeyInfo, Scope, vals } from './types';

function enableStatusDefault(settings: Settings): string {
  // statusDefault only reads ctx.settings.
  const d = statusDefault({ settings } as unknown as RuleContext);
  return d === 'always' ? 'no such option in this version: /httpstatus is always served' : d;
}

const HTTP_GENERAL: KeyInfo[] = [
  bool('enabled', 'Start the HTTP server (ARI, AMI over HTTP, WebSockets).', 'no', 'no', { rules: ['http-enabled-public', 'http-no-tls'] }),
  key('bindaddr', 'Address of the HTTP (and by default HTTPS) listener; required.', {
    default: 'none: without it the server does not start',
    values: vals(['127.0.0.1', 'loopback only (put a reverse proxy in front)'], ['::1', 'IPv6 loopback only']),
    safe: '127.0.0.1',
    rules: ['http-enabled-public', 'http-no-tls'],
    security: 'A public address exposes ARI and AMI-over-HTTP logins to the Internet.',
  }),
  key('bindport', 'Port of the HTTP listener.', { default: '8088' }),
  key('prefix', 'Prefix of every URI.', { default: 'none' }),
  key('servername', 'Server header and <address> of error pages; empty omits them.', {
    default: 'Asterisk/<version>',
    values: vals(['Asterisk', 'no version (as in the sample)']),
    safe: 'Asterisk',
    rules: ['http-servername-version'],
    security: 'The default tells scanners the exact Asterisk version.',
  }),
  key('sessionlimit', 'Maximum HTTP sessions.', { default: '100' }),
  key('session_inactivity', 'Milliseconds to wait for more data.', { default: '30000' }),
  key('session_keep_alive', 'Milliseconds to keep a persistent connection (0 = off).', { default: '15000' }),
  bool('enable_static', 'Serve static files from static-http.', 'no', 'no', { rules: ['http-enable-status'] }),
  bool('enablestatic', 'Older name of enable_static.', 'no', 'no', { rules: ['http-enable-status'] }),
  bool('enable_status', 'Serve /httpstatus (shows the running configuration).', enableStatusDefault, 'no', {
    history: 'absent before 13.31, 16.8 and 17.2 (always served); yes until 20.18, 21.12, 22.8 and 23.2; no since.',
    rules: ['http-enable-status'],
    security: 'The status page shows addresses and settings to anyone who can reach the server.',
  }),
  key('redirect', 'Redirect one URI to another: redirect=/from /to; repeatable.', { repeatable: true }),
  bool('tlsenable', 'Start the HTTPS listener.', 'no', 'yes', {
    rules: ['http-no-tls', 'http-enabled-public'],
    security: 'ARI and AMI-over-HTTP send credentials with every request: serve them over TLS only.',
  }),
  key('tlsbindaddr', 'Address and port of the HTTPS listener.', { default: 'the bindaddr, port 8089', rules: ['http-enabled-public'] }),
  key('tlscertfile', 'Certificate (PEM) for HTTPS.'),
  key('tlsprivatekey', 'Private key (PEM) for HTTPS; default: searched in tlscertfile.'),
  key('tlscipher', 'OpenSSL cipher list.'),
  bool('tlsdisablev1', 'Disable TLS 1.0.', 'yes (current releases)', 'yes'),
  bool('tlsdisablev11', 'Disable TLS 1.1.', 'no (current releases)', 'yes'),
  bool('tlsdisablev12', 'Disable TLS 1.2.', 'no (current releases)', 'no'),
  bool('tlsservercipherorder', 'Prefer the server\'s cipher order.', 'yes (current releases)', 'yes'),
  bool('sslenable', 'Older name of tlsenable.', 'no', 'yes', { rules: ['http-no-tls'] }),
  key('sslbindaddr', 'Older name of tlsbindaddr.', { rules: ['http-enabled-public'] }),
];

const ARI_GENERAL: KeyInfo[] = [
  bool('enabled', 'Enable ARI (reachable only when http.conf serves).', 'yes', 'no'),
  bool('pretty', 'Format responses for humans.', 'no', undefined),
  key('allowed_origins', 'Origins allowed for CORS (comma list).', {
    default: 'none',
    rules: ['ari-allowed-origins-wildcard'],
    security: '* lets any web page drive ARI with a user\'s browser credentials.',
  }),
  key('auth_realm', 'Realm of the HTTP authentication.', { default: 'Asterisk REST Interface' }),
  key('websocket_write_timeout', 'WebSocket write timeout (ms).', { default: '100' }),
  key('channelvars', 'Channel variables added to channel events (comma list).'),
];

const ARI_ACL = `Per-user ACLs exist only in Asterisk ${ARI_ACL_RELEASES} and later releases of those lines.`;

const ARI_USER: KeyInfo[] = [
  key('type', 'user (an ARI account) or outbound_websocket.', { values: vals('user', 'outbound_websocket') }),
  bool('read_only', 'Only allow read-only requests.', 'no', 'yes'),
  key('password', 'Password (plain text or crypt(3) hash, see password_format).', {
    secret: true,
    rules: ['ari-password-weak', 'ari-password-plain', 'secret-truncated-by-semicolon', 'secret-quoted'],
    security: 'ARI controls calls and can reach dangerous functions: use 16+ random characters, stored as a SHA-512 crypt hash.',
  }),
  key('password_format', 'How password is stored.', {
    default: 'plain',
    values: vals(['crypt', 'crypt(3) hash, e.g. mkpasswd -m sha-512'], ['plain', 'clear text']),
    safe: 'crypt',
    rules: ['ari-password-plain'],
    security: 'A plain password leaks with the file (backups, AMI GetConfig with read=config).',
  }),
  denyKey(`this ARI user (${ARI_ACL_RELEASES}+)`, ['ari-user-no-acl']),
  permitKey(`this ARI user (${ARI_ACL_RELEASES}+)`, ['ari-user-no-acl']),
  aclKey(`this ARI user (${ARI_ACL_RELEASES}+)`, ['ari-user-no-acl']),
  key('websocket_client_id', 'Outbound WebSocket: client id from websocket_client.conf.'),
  key('apps', 'Outbound WebSocket: Stasis applications served (comma list).'),
  bool('subscribe_all', 'Outbound WebSocket: receive all events.', 'no', undefined),
  key('local_ari_user', 'Outbound WebSocket: ARI user whose rights apply.'),
];

/** live_dangerously when absent (rules/core/live-dangerously.ts). */
function liveDangerouslyDefault(settings: Settings): string {
  if (compareVersion(settings, 12) >= 0) return 'no';
  if (/^\s*11\s*$/.test(settings.asteriskVersion) || compareVersion(settings, 11, 7) >= 0) return 'yes';
  return 'no such option before 11.7: dangerous functions are always allowed';
}

const OPTIONS: KeyInfo[] = [
  bool('execincludes', 'Run #exec directives in configuration files (shell commands).', 'no', 'no', {
    rules: ['asterisk-execincludes'],
    security: 'Anyone who can write a config file (e.g. AMI with write=config) then runs shell commands as Asterisk.',
  }),
  bool('live_dangerously', 'Let AMI/ARI call dangerous functions (SHELL, FILE) and read files outside the config directory.', liveDangerouslyDefault, 'no', {
    history: 'absent before 11.7 (always dangerous); yes in 11.7–11.x; no since 12.',
    rules: ['asterisk-live-dangerously'],
    security: 'yes turns an AMI login into shell access on the host.',
  }),
  key('runuser', 'User Asterisk runs as.', { security: 'Never root: a compromise of Asterisk is then a compromise of the host.' }),
  key('rungroup', 'Group Asterisk runs as.'),
  key('systemname', 'System name: prefixes unique ids; the chan_sip realm defaults to it.', {
    security: 'Changing it changes the default chan_sip realm, and with it every md5secret hash.',
  }),
  bool('autosystemname', 'Set systemname to the host name.', 'no', undefined),
  key('verbose', 'Verbosity level.'),
  key('debug', 'Debug level.'),
  key('maxcalls', 'Maximum simultaneous calls.'),
  key('maxload', 'Stop accepting calls above this load average.'),
  key('maxfiles', 'Maximum open files.'),
  key('minmemfree', 'Stop accepting calls below this free memory (MB).'),
  bool('hideconnect', 'Hide remote console connect/disconnect messages.', 'no', undefined),
  bool('lockconfdir', 'Lock the configuration directory while writing.', 'no', undefined),
  bool('dumpcore', 'Dump core on crash.', 'no', undefined),
  bool('highpriority', 'Run with realtime priority.', 'no', undefined),
  bool('initcrypto', 'Initialize crypto keys at start-up.', 'no', undefined),
  bool('transmit_silence', 'Transmit silence while waiting/recording.', 'no', undefined),
  bool('transcode_via_sln', 'Build transcode paths via signed linear.', undefined, undefined),
  key('defaultlanguage', 'Default language.', { default: 'en' }),
  key('documentation_language', 'Language of the built-in documentation.', { default: 'en_US' }),
  key('entityid', 'Entity ID (MAC address form), unique per server.'),
  key('stdexten', 'How the stdexten macro is invoked.', { default: 'gosub', values: vals('gosub', 'macro') }),
  key('mindtmfduration', 'Minimum DTMF duration (ms).', { default: '80' }),
  bool('cache_record_files', 'Record to a cache directory first.', 'no', undefined),
  key('record_cache_dir', 'Cache directory for recordings.'),
  bool('hide_messaging_ami_events', 'Hide the Message channel\'s housekeeping events.', 'no', undefined),
  bool('sounds_search_custom_dir', 'Search sounds/custom first.', 'no', undefined),
  bool('disable_remote_console_shell', 'Stop remote consoles (asterisk -r) from running shell commands with !.', 'no', 'yes', {
    history: 'newer versions only (see the Asterisk docs).',
    security: 'Anyone who can open a remote console otherwise gets a shell as the Asterisk user.',
  }),
  bool('quiet', 'Same as -q at start-up.', 'no', undefined),
  bool('nofork', 'Same as -f at start-up.', 'no', undefined),
  bool('alwaysfork', 'Same as -F at start-up.', 'no', undefined),
  bool('console', 'Run as console (-c).', 'no', undefined),
  bool('timestamp', 'Timestamp console output (-T).', 'no', undefined),
  bool('nocolor', 'Disable console colours.', 'no', undefined),
  bool('dontwarn', 'Disable some warnings.', 'no', undefined),
  bool('languageprefix', 'Use the language-prefix sound path layout.', undefined, undefined),
  bool('lightbackground', 'Colours for a light terminal background.', 'no', undefined),
  bool('forceblackbackground', 'Force a black terminal background.', 'no', undefined),
  bool('cache_media_frames', 'Cache media frames.', 'yes', undefined),
  bool('rtp_use_dynamic', 'Assign dynamic RTP payload types per instance.', 'yes', undefined),
  key('rtp_pt_dynamic', 'First dynamic RTP payload type.'),
  key('trace', 'Trace level.'),
  bool('refdebug', 'Reference-count debug logging.', 'no', undefined),
];

const FILES: KeyInfo[] = [
  key('astctlpermissions', 'Permissions of the control socket (octal, e.g. 0660).', {
    security: 'Whoever can connect to the control socket gets the full CLI (and its ! shell escape): keep it 0660 or stricter, owned by asterisk.',
  }),
  key('astctlowner', 'Owner of the control socket.'),
  key('astctlgroup', 'Group of the control socket.', { security: 'Every member of this group gets the full Asterisk CLI.' }),
  key('astctl', 'Name of the control socket.', { default: 'asterisk.ctl' }),
];

const DIRECTORY_KEYS: [string, string][] = [
  ['astetcdir', 'configuration files (/etc/asterisk)'],
  ['astmoddir', 'modules'],
  ['astvarlibdir', 'variable data (/var/lib/asterisk)'],
  ['astdbdir', 'the AstDB database'],
  ['astkeydir', 'RSA keys'],
  ['astdatadir', 'sounds and other data'],
  ['astagidir', 'AGI scripts'],
  ['astspooldir', 'spool (voicemail, outgoing call files)'],
  ['astrundir', 'the pid file and control socket'],
  ['astlogdir', 'log files'],
  ['astsbindir', 'the asterisk binary'],
  ['astcachedir', 'cached files'],
];

const DIRECTORIES: KeyInfo[] = DIRECTORY_KEYS.map(([k, what]) =>
  key(k, `Directory of ${what}.`, {
    default: 'compiled in',
    arrow: true,
    security: k === 'astspooldir' ? 'Whoever can write to outgoing/ in this directory can place calls (call files).' : k === 'astagidir' ? 'AGI scripts run as the Asterisk user: keep the directory writable by root only.' : undefined,
  }),
);

const EXTENSIONS_GENERAL: KeyInfo[] = [
  bool('writeprotect', 'Refuse "dialplan save" from the CLI/AMI.', 'no', 'yes', {
    rules: ['dialplan-writeprotect-off'],
    security: 'With no, anyone with CLI or AMI command access can rewrite extensions.conf.',
  }),
  bool('static', 'Mark the dialplan as static (needed for "dialplan save").', 'no', undefined, { rules: ['dialplan-writeprotect-off'] }),
  bool('autofallthrough', 'Hang up (BUSY/CONGESTION) when an extension runs out of priorities.', 'yes', undefined),
  bool('extenpatternmatchnew', 'Use the trie pattern matcher.', 'no', undefined),
  bool('clearglobalvars', 'Clear global variables on dialplan reload.', 'no', undefined),
  key('userscontext', 'Context of the users.conf hints and extensions.'),
];

export const HTTP_SCOPES: Record<string, Scope> = { general: { label: 'http.conf [general]', keys: HTTP_GENERAL } };

export const ARI_SCOPES: Record<string, Scope> = {
  general: { label: 'ari.conf [general]', keys: ARI_GENERAL },
  user: { label: 'ari.conf user', keys: ARI_USER.map((k) => (['deny', 'permit', 'acl'].includes(k.key) ? { ...k, security: `${k.security ?? ''} ${ARI_ACL}`.trim() } : k)) },
};

export const ASTERISK_SCOPES: Record<string, Scope> = {
  options: { label: 'asterisk.conf [options]', keys: OPTIONS },
  files: { label: 'asterisk.conf [files]', keys: FILES },
  directories: { label: 'asterisk.conf [directories]', keys: DIRECTORIES },
};

export const EXTENSIONS_SCOPES: Record<string, Scope> = { general: { label: 'extensions.conf [general]', keys: EXTENSIONS_GENERAL } };
