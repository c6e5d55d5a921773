/** AMI (manager.conf): `[general]` and user sections. Defaults: asterisk-rules.md §0, asterisk/manager.ts, manager.conf.sample. */
import { AMI_CLASSES } from '../asterisk/manager';
import { compareVersion } from '../settings';
import { aclKey, denyKey, permitKey } from './common';
import { bool, key, KeyInfo, Scope, vals, ValueInfo } from './types';

/** Least dangerous first; the classes that give shell or config access last. */
const DANGER_LAST = ['originate', 'agi', 'config', 'command', 'system'];
const CLASS_MEANING: Record<string, string> = {
  system: 'shutdown, restart, reload, dialplan changes: shell-equivalent',
  command: 'run CLI commands: shell-equivalent',
  config: 'read/write configuration files: code execution',
  originate: 'place calls (toll fraud)',
  agi: 'run AGI commands',
  call: 'channel information and control',
  reporting: 'system information',
  user: 'UserEvent',
};

function classValues(): ValueInfo[] {
  const safe = AMI_CLASSES.filter((c) => !DANGER_LAST.includes(c));
  const out: ValueInfo[] = [...safe, ...DANGER_LAST].map((c) => ({ value: c, meaning: CLASS_MEANING[c] }));
  out.push({ value: 'all', meaning: 'every class, including system and command' });
  out.unshift({ value: 'none', meaning: 'no class' });
  return out;
}

const GENERAL: KeyInfo[] = [
  bool('enabled', 'Start the AMI listener.', 'no', 'no', { rules: ['ami-bind-public', 'ami-no-tls', 'ami-webenabled'] }),
  bool('webenabled', 'Serve AMI over the HTTP server (/manager, /rawman, /mxml).', 'no', 'no', {
    rules: ['ami-webenabled'],
    security: 'Over plain HTTP the AMI login travels in clear.',
  }),
  key('port', 'TCP port of the AMI listener.', { default: '5038' }),
  key('bindaddr', 'Address the AMI listener binds to.', {
    default: (s) => (compareVersion(s, 11) >= 0 ? ':: (every IPv4 and IPv6 interface)' : '0.0.0.0 (every IPv4 interface)'),
    history: '0.0.0.0 up to 10; [::] (dual stack) since 11.',
    values: vals(['127.0.0.1', 'loopback only (tunnel remote access over SSH/VPN)'], ['::1', 'IPv6 loopback only']),
    safe: '127.0.0.1',
    rules: ['ami-bind-public', 'ami-no-tls', 'ami-acl-ipv4-only', 'acl-ipv4-only'],
    security: 'AMI on a public address is one weak password away from full PBX control: bind it to loopback.',
  }),
  bool('tlsenable', 'Start the AMI TLS listener.', 'no', 'yes', { rules: ['ami-no-tls', 'ami-bind-public'] }),
  key('tlsbindaddr', 'Address and port of the TLS listener.', {
    default: 'the bindaddr, port 5039',
    values: vals('127.0.0.1:5039'),
    safe: '127.0.0.1:5039',
    rules: ['ami-bind-public'],
  }),
  key('tlscertfile', 'Certificate (PEM) for the TLS listener.'),
  key('tlsprivatekey', 'Private key (PEM) for the TLS listener; default: searched in tlscertfile.'),
  key('tlscipher', 'OpenSSL cipher string.'),
  bool('displayconnects', 'Log AMI logins and logoffs.', 'yes', 'yes', {
    rules: ['ami-displayconnects-off'],
    security: 'no hides logins from the console and logs, so break-ins go unnoticed.',
  }),
  bool('allowmultiplelogin', 'Let one account log in several times at once.', 'yes', 'no'),
  bool('timestampevents', 'Add a timestamp to events.', 'no', undefined),
  key('authtimeout', 'Seconds a client has to log in.', { default: '30' }),
  key('authlimit', 'Maximum unauthenticated sessions.', { default: '50' }),
  key('httptimeout', 'HTTP session timeout (seconds) for AMI over HTTP.', { default: '60' }),
  key('channelvars', 'Channel variables added to channel events (comma list).'),
  key('debug', 'Debug information in AMI messages.', { default: 'off', values: vals('off', 'on') }),
  bool('brokeneventsaction', 'Restore the old Events action behaviour.', 'no', undefined),
  key('disabledevents', 'Events disabled globally (comma list).', { default: 'none' }),
];

const USER: KeyInfo[] = [
  key('secret', 'Password of this AMI account.', {
    secret: true,
    rules: ['ami-secret-weak', 'ami-user-no-secret', 'secret-truncated-by-semicolon', 'secret-quoted'],
    security: 'AMI accounts control the whole PBX: use 16+ random characters and never an appliance default (amp111, elastix456, …).',
  }),
  key('read', 'Event classes this account receives (comma list, no spaces).', {
    default: 'none',
    values: classValues(),
    list: true,
    rules: ['ami-permission-list-malformed'],
  }),
  key('write', 'Action classes this account may run (comma list, no spaces).', {
    default: 'none',
    values: classValues(),
    list: true,
    rules: ['ami-dangerous-write', 'ami-permission-list-malformed'],
    security: 'system, command, config and all give shell-equivalent access; originate and agi place calls. Grant only what the client needs.',
  }),
  denyKey('this AMI account', ['ami-user-no-acl', 'ami-acl-permit-all', 'ami-acl-ipv4-only']),
  permitKey('this AMI account', ['ami-user-no-acl', 'ami-acl-permit-all', 'ami-acl-ipv4-only']),
  aclKey('this AMI account', ['ami-user-no-acl']),
  bool('displayconnects', 'Log this account\'s logins.', 'the [general] value (itself yes)', 'yes', { rules: ['ami-displayconnects-off'] }),
  bool('allowmultiplelogin', 'Let this account log in several times at once.', 'the [general] value (itself yes)', 'no'),
  key('writetimeout', 'Write timeout to this client (ms).', { default: '100' }),
  key('eventfilter', 'Include (or !exclude) events for this account; repeatable.', { repeatable: true }),
  key('setvar', 'Channel variable set on calls this account originates: setvar=NAME=value; repeatable.', { repeatable: true }),
  key('channelvars', 'Channel variables added to this account\'s events.'),
];

export const MANAGER_SCOPES: Record<string, Scope> = {
  general: { label: 'manager.conf [general]', keys: GENERAL },
  user: { label: 'manager.conf user', keys: USER },
};
