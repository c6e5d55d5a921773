/** chan_iax2 (iax.conf): `[general]` and user/peer/friend sections. Defaults: asterisk-rules.md §0, iax.conf.sample. */
import { aclKey, allowKey, denyKey, disallowKey, permitKey } from './common';
import { bool, key, KeyInfo, Scope, vals } from './types';

const AUTH_VALUES = vals(['md5', 'challenge/response'], ['rsa', 'public keys (inkeys/outkey)'], ['plaintext', 'password in clear']);

const ENCRYPTION_VALUES = vals(['yes', 'allow AES-128 encryption'], ['aes128', 'same as yes'], ['no', 'no encryption']);

const GENERAL: KeyInfo[] = [
  key('bindport', 'UDP port to listen on.', { default: '4569', rules: ['iax-bindaddr-any'] }),
  key('bindaddr', 'Address to listen on (may be repeated to bind several).', {
    default: '0.0.0.0 (every IPv4 interface)',
    repeatable: true,
    rules: ['iax-bindaddr-any', 'acl-ipv4-only'],
    security: 'All interfaces is normal; then every user needs an ACL and the host a firewall.',
  }),
  bool('delayreject', 'Delay authentication rejects, slowing down brute force.', 'no', 'yes', {
    rules: ['iax-delayreject'],
    security: 'Immediate rejects let attackers guess passwords and user names fast (AST-2009-001).',
  }),
  key('auth', 'Default authentication methods for users (comma list).', {
    values: AUTH_VALUES,
    safe: 'md5',
    list: true,
    rules: ['iax-auth-plaintext'],
    security: 'plaintext sends passwords in clear.',
  }),
  key('encryption', 'Allow IAX2 encryption.', { default: 'no', values: ENCRYPTION_VALUES, safe: 'yes', rules: ['iax-encryption-off'] }),
  bool('forceencryption', 'Refuse calls that cannot be encrypted (turns encryption on).', 'no', 'yes', { rules: ['iax-encryption-off'] }),
  key('calltokenoptional', 'Addresses allowed to skip call tokens (addr/mask); repeatable.', {
    repeatable: true,
    rules: ['iax-calltoken-disabled'],
    security: 'A wide range re-opens call-number exhaustion from spoofed sources (AST-2009-006).',
  }),
  key('maxcallnumbers', 'Call numbers one address may use.'),
  key('maxcallnumbers_nonvalidated', 'Call numbers for all addresses without call token validation.'),
  bool('allowfwdownload', 'Serve IAXy firmware to unauthenticated clients.', 'no', 'no'),
  key('register', 'Outbound registration: register => user[:secret]@host[:port].', {
    arrow: true,
    secret: true,
    repeatable: true,
    rules: ['iax-secret-weak', 'secret-truncated-by-semicolon'],
  }),
  bool('iaxcompat', 'Compatibility mode for blocking switches.', 'no', undefined),
  bool('authdebug', 'Log authentication failures.', undefined, undefined),
  bool('srvlookup', 'Look up DNS SRV records for outbound calls.', undefined, undefined),
  key('bandwidth', 'Codec choice by bandwidth.', { values: vals('low', 'medium', 'high') }),
  disallowKey(),
  allowKey(),
  bool('jitterbuffer', 'Use a jitter buffer.', undefined, undefined),
  key('language', 'Default language for prompts.'),
  key('accountcode', 'Default account code for CDRs.'),
  key('amaflags', 'Default AMA flags for CDRs.', { values: vals('default', 'omit', 'billing', 'documentation') }),
  key('regcontext', 'Context where registering peers get a NoOp extension.'),
  key('trunkfreq', 'How often trunk messages are sent (ms).', { default: '20' }),
  key('tos', 'TOS bits for IAX2 packets.'),
  bool('autokill', 'Give up on unanswered NEW requests after 2 s.', undefined, undefined),
  key('codecpriority', 'Whose codec preference wins.', { values: vals('host', 'caller', 'disabled', 'reqonly') }),
];

const PEER: KeyInfo[] = [
  key('type', 'What the section is: user (calls in), peer (calls out), friend (both).', {
    values: vals(['peer', 'we call it'], ['user', 'it calls us'], ['friend', 'both']),
    rules: ['iax-user-no-secret'],
  }),
  key('secret', 'Password (a user accepts every secret= line; a peer uses the last).', {
    secret: true,
    repeatable: true,
    rules: ['iax-secret-weak', 'iax-user-no-secret', 'secret-truncated-by-semicolon', 'secret-quoted'],
    security: 'A user without secret, dbsecret or inkeys is not authenticated; weak secrets are brute-forced.',
  }),
  key('dbsecret', 'AstDB family/key holding the secret.', { rules: ['iax-user-no-secret'] }),
  key('inkeys', 'Public keys accepted for RSA authentication (key1:key2).', { rules: ['iax-user-no-secret', 'iax-auth-plaintext'] }),
  key('outkey', 'Private key used for RSA authentication to this peer.'),
  key('auth', 'Authentication methods (comma list).', {
    default: 'md5 (md5,rsa with inkeys; rsa with only inkeys)',
    values: AUTH_VALUES,
    safe: 'md5',
    list: true,
    rules: ['iax-auth-plaintext'],
    security: 'plaintext sends the password in clear.',
  }),
  key('context', 'Context the caller may use (users: repeatable, the first is the default).', {
    default: 'default',
    repeatable: true,
    rules: ['iax-user-no-secret'],
    security: 'An unauthenticated user reaches every context listed: keep them inbound-only.',
  }),
  key('host', 'dynamic (the peer registers) or its fixed host name/address.', { values: vals('dynamic'), rules: ['iax-delayreject'] }),
  key('username', 'User name used when calling this peer.'),
  key('requirecalltoken', 'Require call tokens from this user/peer.', {
    default: 'yes',
    values: vals(['yes', 'always require'], ['auto', 'require once the far end used one'], ['no', 'never']),
    safe: 'yes',
    rules: ['iax-calltoken-disabled'],
    security: 'no re-opens call-number exhaustion from spoofed sources (AST-2009-006).',
  }),
  key('encryption', 'Allow encryption for this user/peer.', { default: 'no', values: ENCRYPTION_VALUES, safe: 'yes', rules: ['iax-encryption-off'] }),
  bool('forceencryption', 'Refuse unencrypted calls.', 'no', 'yes', { rules: ['iax-encryption-off'] }),
  key('transfer', 'Native IAX2 transfers.', { values: vals('yes', 'no', 'mediaonly') }),
  bool('trunk', 'Use IAX2 trunking.', 'no', undefined),
  key('qualify', 'Check the peer is alive (yes, no, or max latency in ms).', { values: vals('yes', 'no') }),
  denyKey('this user/peer', ['iax-user-no-secret']),
  permitKey('this user/peer', ['iax-user-no-secret']),
  aclKey('this user/peer', ['iax-user-no-secret']),
  key('callerid', 'Caller ID: "Name" <number>.'),
  key('mailbox', 'Mailbox for message-waiting.'),
  key('defaultip', 'Address used for a dynamic peer before it registers.'),
  key('port', 'Port of the peer.', { default: '4569' }),
  key('language', 'Language for prompts.'),
  key('accountcode', 'Account code for CDRs.'),
  key('amaflags', 'AMA flags for CDRs.', { values: vals('default', 'omit', 'billing', 'documentation') }),
  disallowKey(),
  allowKey(),
  bool('jitterbuffer', 'Use a jitter buffer.', undefined, undefined),
  key('keyrotate', 'Rotate encryption keys (off for old peers).', { values: vals('on', 'off') }),
  key('sourceaddress', 'Local address to send from.'),
  bool('immediate', 'Start at the s extension without asking for digits.', undefined, undefined),
];

export const IAX_SCOPES: Record<string, Scope> = {
  general: { label: 'iax.conf [general]', keys: GENERAL },
  peer: { label: 'iax.conf user/peer/friend', keys: PEER },
};
