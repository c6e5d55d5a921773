/**
 * chan_sip (sip.conf): `[general]` and peer/user/friend sections. Defaults from
 * asterisk-rules.md §0 (chan_sip at 20.20.1, older tags for version history), the rules under
 * rules/sip/ and sip.conf.sample.
 */
import { compareVersion } from '../settings';
import { aclKey, allowKey, denyKey, disallowKey, NEUTRAL_NAME, permitKey } from './common';
import { bool, key, KeyInfo, Scope, vals } from './types';

const NAT_VALUES = vals(
  ['force_rport', 'always answer to the source port'],
  ['comedia', 'send media where it comes from'],
  ['auto_force_rport', 'force_rport when NAT is detected (default since 11)'],
  ['auto_comedia', 'comedia when NAT is detected'],
  ['no', 'RFC 3581 only'],
);

/** [general] nat when absent (rules/sip/nat-mismatch.ts). */
export function sipNatDefault(s: Parameters<typeof compareVersion>[0]): string {
  if (compareVersion(s, 11) >= 0) return 'auto_force_rport';
  if (compareVersion(s, 1, 8) >= 0) return 'force_rport';
  return 'no';
}

const NAT_HISTORY = 'no up to 1.6; force_rport in 1.8 and 10 (after AST-2011-013); auto_force_rport since 11.';

const TRANSPORTS = vals(['tls', 'encrypted signalling'], 'tcp', 'udp', 'ws', 'wss');

const CONTEXT_PEER = key('context', 'Dialplan context where calls from this peer start.', {
  default: 'the [general] context= (itself default when unset)',
  security: 'Trunks and anything that is not strongly authenticated should land in an inbound-only context that cannot dial out.',
});

const GENERAL: KeyInfo[] = [
  key('context', 'Default dialplan context for incoming calls: guests and peers without their own context= start here.', {
    default: 'default',
    rules: ['sip-allowguest'],
    security: 'Unauthenticated guest calls (allowguest) land here: keep it inbound-only, never able to reach a trunk.',
  }),
  bool('allowguest', 'Accept calls from callers that match no peer, without authentication.', 'yes', 'no', {
    rules: ['sip-allowguest'],
    security: 'With yes (the default) anyone on the Internet can call into the [general] context= without a password.',
  }),
  bool('alwaysauthreject', 'Reject unknown users exactly like wrong passwords.', (s) => (compareVersion(s, 1, 8) >= 0 ? 'yes' : 'no'), 'yes', {
    history: 'no up to 1.6.2; yes since 1.8.0 (CVE-2011-2666).',
    rules: ['sip-alwaysauthreject'],
    security: 'With no, scanners learn which extensions exist from the different replies, then brute-force only those.',
  }),
  bool('allowtransfer', 'Allow call transfers (REFER); peers may override.', 'yes', 'no', {
    rules: ['sip-allowtransfer'],
    security: 'A transfer runs in the transferer\'s context: a guest or compromised leg can bounce calls to paid destinations.',
  }),
  key('autocreatepeer', 'Create a peer for any device that registers, without authentication.', {
    default: 'no',
    values: vals(['no', 'only configured peers'], ['yes', 'anyone may register'], ['persist', 'anyone, kept across reloads']),
    safe: 'no',
    rules: ['sip-autocreatepeer'],
    security: 'Any value but no lets anyone register and call without a password.',
  }),
  bool('pedantic', 'Strict checking of dialog tags and SIP headers.', (s) => (compareVersion(s, 1, 8) >= 0 ? 'yes' : 'no'), 'yes', {
    history: 'no up to 1.6.2; yes since 1.8.',
    rules: ['sip-pedantic-off'],
  }),
  bool('srvlookup', 'Look up DNS SRV records for outbound calls to domains.', 'yes', undefined, {
    rules: ['sip-srvlookup'],
    security: 'Together with allowexternaldomains, lets injected dial strings reach any domain on the Internet.',
  }),
  bool('allowexternaldomains', 'Accept INVITE and REFER for domains this server does not serve.', 'yes', 'no', {
    rules: ['sip-srvlookup'],
  }),
  key('domain', 'A domain this server serves: domain=name[,context]; repeatable.', { default: 'none', repeatable: true }),
  key('realm', 'Realm for digest authentication.', {
    default: 'asterisk (or systemname from asterisk.conf when set)',
    rules: ['sip-md5secret-weak'],
    security: 'md5secret hashes are computed over user:realm:password; changing the realm invalidates them.',
  }),
  key('nat', 'NAT handling for all peers (comma list).', {
    default: sipNatDefault,
    history: NAT_HISTORY,
    values: NAT_VALUES,
    list: true,
    rules: ['sip-nat-mismatch'],
    security: 'Set it here only: a peer with a different nat= answers from another port, so peer names can be enumerated (AST-2011-013).',
  }),
  key('bindaddr', 'Address (and optional port) the SIP listeners bind to.', {
    default: '0.0.0.0 (every IPv4 interface), port 5060',
    rules: ['sip-bindaddr-any', 'acl-ipv4-only'],
    security: 'All interfaces is normal for remote phones; then every peer needs an ACL and the host a firewall. :: also accepts IPv6.',
  }),
  key('bindport', 'UDP port to listen on.', { default: '5060', rules: ['sip-bindaddr-any'] }),
  key('udpbindaddr', 'Address (and optional port) of the UDP listener.', {
    default: '0.0.0.0:5060',
    rules: ['sip-bindaddr-any', 'acl-ipv4-only'],
  }),
  bool('tcpenable', 'Open the SIP TCP listener.', 'no', undefined, {
    rules: ['sip-bindaddr-any'],
    security: 'chan_sip reads it the other way round: every value except no/false/off/0/n/f turns it on.',
  }),
  key('tcpbindaddr', 'Address (and optional port) of the TCP listener.', { rules: ['sip-bindaddr-any', 'acl-ipv4-only'] }),
  bool('tlsenable', 'Open the SIP TLS listener.', 'no', undefined, { rules: ['sip-bindaddr-any'] }),
  key('tlsbindaddr', 'Address (and optional port, 5061 by default) of the TLS listener.', { rules: ['sip-bindaddr-any', 'acl-ipv4-only'] }),
  key('tlscertfile', 'Certificate chain (PEM) for TLS.', { default: 'asterisk.pem in the current directory' }),
  key('tlsprivatekey', 'Private key file (PEM) for TLS; default: searched in tlscertfile.'),
  key('tlscafile', 'CA certificate used to verify servers Asterisk connects to.'),
  key('tlscapath', 'Directory of CA certificates (hashed names).'),
  key('tlscipher', 'OpenSSL cipher string for TLS.'),
  key('tlsclientmethod', 'TLS/SSL method for outbound connections.', { default: 'version-flexible (sslv23)' }),
  bool('tlsdontverifyserver', 'Skip verifying the certificate of servers Asterisk connects to.', 'no', 'no', {
    security: 'yes lets anyone in the path impersonate your provider and read the digest exchange.',
  }),
  key('useragent', 'User-Agent/Server header of every SIP message.', {
    default: 'Asterisk PBX <version>',
    values: NEUTRAL_NAME,
    safe: 'PBX',
    rules: ['sip-version-disclosure'],
    security: 'The default tells scanners the exact Asterisk version, so they pick matching exploits.',
  }),
  key('sdpsession', 'SDP session name (s=) of every call.', {
    default: 'Asterisk PBX <version>',
    values: NEUTRAL_NAME,
    safe: 'PBX',
    rules: ['sip-version-disclosure'],
  }),
  key('register', 'Outbound registration: register => [transport://]user[:secret[:authuser]]@host[:port][/extension].', {
    arrow: true,
    secret: true,
    repeatable: true,
    rules: ['sip-register-credentials', 'sip-secret-weak', 'secret-truncated-by-semicolon'],
    security: 'The provider password is in the line; over UDP/TCP the digest exchange is visible on the wire. Prefer tls:// or IP authentication.',
  }),
  key('transport', 'Default transports for peers (comma list, first = primary).', { default: 'udp', values: TRANSPORTS, list: true, safe: 'tls' }),
  key('externaddr', 'Public address (and port) to put in SIP headers behind NAT.'),
  key('externip', 'Older name of externaddr.'),
  key('externhost', 'Public host name to resolve for SIP headers behind NAT.'),
  key('localnet', 'Local network (addr/mask) that is not NATed; repeatable.', { repeatable: true }),
  key('defaultexpiry', 'Default registration expiry (seconds).', { default: '120' }),
  key('minexpiry', 'Minimum registration expiry (seconds).', { default: '60' }),
  key('maxexpiry', 'Maximum registration expiry (seconds).', { default: '3600' }),
  key('dtmfmode', 'Default DTMF method.', {
    default: 'rfc2833',
    values: vals('rfc2833', 'info', 'shortinfo', 'inband', 'auto'),
  }),
  disallowKey(),
  allowKey(),
  key('language', 'Default language for prompts.'),
  bool('trustrpid', 'Trust Remote-Party-ID headers from callers.', 'no', 'no', {
    security: 'A trusted caller-supplied identity can be spoofed.',
  }),
  key('sendrpid', 'Send caller identity in Remote-Party-ID or P-Asserted-Identity.', {
    default: 'no',
    values: vals('no', 'yes', 'rpid', 'pai'),
  }),
  bool('promiscredir', 'Follow 302 redirects to any SIP address.', 'no', 'no', {
    security: 'A far end can redirect calls anywhere, including paid destinations.',
  }),
  bool('accept_outofcall_message', 'Pass out-of-call MESSAGE requests into the dialplan.', 'yes', 'no'),
  bool('auth_message_requests', 'Require authentication for MESSAGE requests.', 'yes', 'yes'),
  bool('auth_options_requests', 'Require authentication for OPTIONS requests, like INVITE.', 'no', 'yes', {
    security: 'Unauthenticated OPTIONS replies help scanners fingerprint the server.',
  }),
  bool('dynamic_exclude_static', 'Stop dynamic peers from registering at the address of a static peer.', undefined, 'yes'),
  key('contactpermit', 'Addresses devices may register from (all peers); repeatable.', {
    repeatable: true,
    rules: ['sip-dynamic-no-acl', 'acl-list-whitespace'],
  }),
  key('contactdeny', 'Addresses devices may not register from (all peers); repeatable.', {
    values: vals('0.0.0.0/0.0.0.0'),
    safe: '0.0.0.0/0.0.0.0',
    repeatable: true,
    rules: ['sip-dynamic-no-acl', 'acl-list-whitespace'],
  }),
  key('contactacl', 'Named ACL (acl.conf) for register addresses.', { repeatable: true, rules: ['sip-dynamic-no-acl'] }),
  key('regcontext', 'Context where registering peers get a NoOp extension.'),
  bool('websocket_enabled', 'Accept SIP over WebSocket through the HTTP server.', 'yes', undefined),
  bool('allowsubscribe', 'Accept SUBSCRIBE requests.', 'yes', undefined),
  key('subscribecontext', 'Context searched for SUBSCRIBE requests.'),
  key('videosupport', 'SIP video support.', { default: 'no', values: vals('no', 'yes', 'always') }),
  key('rtptimeout', 'Hang up when no RTP arrives for this many seconds.'),
  key('outboundproxy', 'Send outbound signalling through this proxy.'),
  key('media_address', 'Address put in the SDP for media.'),
  key('directmedia', 'Default for peers: let media flow directly between the endpoints.', { default: 'yes', values: vals('yes', 'no', 'nonat', 'update', 'outgoing') }),
  bool('encryption', 'Default for peers: offer (and require) SRTP media encryption.', 'no', 'yes'),
  bool('callcounter', 'Default for peers: count calls for device state.', 'no', undefined),
  key('allowoverlap', 'Overlap dialing support.', { default: 'yes', values: vals('no', 'yes', 'dtmf') }),
  bool('match_auth_username', 'Match the peer by the Authorization user name instead of From.', 'no', undefined),
  bool('authfailureevents', 'Emit PeerStatus "Rejected" manager events when a peer fails to authenticate.', 'no', 'yes', {
    security: 'Failed logins as AMI events help detection tools see brute force.',
  }),
  key('progressinband', 'Generate in-band ringing.', { default: 'no', values: vals('no', 'yes', 'never') }),
  bool('compactheaders', 'Send compact SIP headers.', 'no', undefined),
  bool('textsupport', 'Support T.140 realtime text.', 'no', undefined),
  key('maxcallbitrate', 'Maximum bitrate for video calls (kb/s).', { default: '384' }),
  key('qualifyfreq', 'Default seconds between qualify OPTIONS.', { default: '60' }),
  key('keepalive', 'Seconds between keep-alive packets to peers.'),
  key('mohinterpret', 'Music-on-hold class when a peer puts us on hold.'),
  key('mohsuggest', 'Music-on-hold class suggested to peers.'),
  key('tonezone', 'Indications (tones) country.'),
  key('t38pt_udptl', 'Default T.38 fax over UDPTL.', { values: vals('no', 'yes') }),
  key('session-timers', 'Session timers mode.', { values: vals('accept', 'originate', 'refuse') }),
  key('tcpauthtimeout', 'Seconds a TCP/TLS client has to authenticate.', { default: '30' }),
  key('tcpauthlimit', 'Maximum unauthenticated TCP/TLS sessions.', { default: '100' }),
  key('tos_sip', 'TOS bits for SIP packets.'),
  key('tos_audio', 'TOS bits for RTP audio.'),
  key('rtpbindaddr', 'Address RTP binds to (default: the UDP bind address).'),
  key('outofcall_message_context', 'Context for out-of-call MESSAGE requests.'),
];

const PEER: KeyInfo[] = [
  key('type', 'What the section is: peer (matched by address), user (matched by name), friend (both).', {
    default: 'none (chan_sip ignores a section without type=)',
    values: vals(['peer', 'matched by IP address: use for trunks'], ['friend', 'peer and user in one'], ['user', 'matched by name, calls in only']),
    safe: 'peer',
    rules: ['sip-type-friend-trunk', 'sip-peer-no-secret', 'sip-insecure-invite'],
    security: 'A friend is also matched by name from any address: trunks should be type=peer with a fixed host and an ACL.',
  }),
  key('host', 'dynamic (the device registers) or the fixed host name/address of the peer.', {
    default: 'none',
    values: vals(['dynamic', 'the device registers from anywhere (add an ACL)']),
    rules: ['sip-dynamic-no-acl', 'sip-peer-no-secret', 'sip-insecure-invite', 'sip-qualify-trunk', 'sip-type-friend-trunk'],
    security: 'A dynamic peer may register from the whole Internet unless deny/permit restricts it.',
  }),
  key('secret', 'Password the device authenticates with.', {
    secret: true,
    rules: ['sip-secret-weak', 'sip-peer-no-secret', 'secret-truncated-by-semicolon', 'secret-quoted'],
    security: 'Registration brute force is the first step of toll fraud: use 16+ random characters; without any secret the peer is not authenticated at all.',
  }),
  key('md5secret', 'MD5 of user:realm:password, instead of secret.', {
    secret: true,
    rules: ['sip-md5secret-weak', 'sip-peer-no-secret', 'secret-truncated-by-semicolon'],
    security: 'A hash of a dictionary password is cracked offline in seconds.',
  }),
  key('remotesecret', 'Password Asterisk uses to authenticate to this peer.', {
    secret: true,
    rules: ['sip-secret-weak', 'secret-truncated-by-semicolon', 'secret-quoted'],
  }),
  key('auth', 'Credentials for outbound authentication: auth=user:secret@realm; repeatable.', {
    secret: true,
    repeatable: true,
    rules: ['secret-truncated-by-semicolon'],
  }),
  CONTEXT_PEER,
  key('insecure', 'Relax matching/authentication for this peer (comma list).', {
    default: 'none (port and authentication are checked)',
    values: vals(['port', 'match by IP address, any source port'], ['invite', 'accept INVITEs WITHOUT authentication']),
    list: true,
    rules: ['sip-insecure-invite', 'sip-insecure-very', 'sip-type-friend-trunk'],
    security: 'invite turns authentication off for calls: only for IP-authenticated trunks with a deny/permit ACL and an inbound-only context. very and yes are legacy words.',
  }),
  key('nat', 'NAT handling for this peer (comma list); better set only in [general].', {
    default: 'the [general] nat=',
    history: NAT_HISTORY,
    values: NAT_VALUES,
    list: true,
    rules: ['sip-nat-mismatch'],
    security: 'A value different from [general] makes the peer name discoverable (AST-2011-013).',
  }),
  key('qualify', 'Send OPTIONS to check the peer is alive (yes, no, or max latency in ms).', {
    default: 'no',
    values: vals('yes', 'no'),
    safe: 'yes',
    rules: ['sip-qualify-trunk'],
  }),
  bool('allowtransfer', 'Allow call transfers (REFER) from this peer.', 'the [general] value (itself yes)', 'no', { rules: ['sip-allowtransfer'] }),
  denyKey('this peer', ['sip-dynamic-no-acl', 'sip-insecure-invite', 'sip-peer-no-secret']),
  permitKey('this peer', ['sip-dynamic-no-acl', 'sip-insecure-invite', 'sip-peer-no-secret']),
  aclKey('this peer', ['sip-dynamic-no-acl']),
  key('contactpermit', 'Addresses this peer may register from; repeatable.', { repeatable: true, rules: ['sip-dynamic-no-acl', 'acl-list-whitespace'] }),
  key('contactdeny', 'Addresses this peer may not register from; repeatable.', {
    values: vals('0.0.0.0/0.0.0.0'),
    safe: '0.0.0.0/0.0.0.0',
    repeatable: true,
    rules: ['sip-dynamic-no-acl', 'acl-list-whitespace'],
  }),
  key('contactacl', 'Named ACL (acl.conf) for the register address.', { repeatable: true, rules: ['sip-dynamic-no-acl'] }),
  key('defaultuser', 'User name used to call the device before it registers.', { rules: ['sip-secret-weak'] }),
  key('username', 'Legacy form of defaultuser (see the Asterisk docs).', { rules: ['sip-secret-weak'] }),
  key('fromuser', 'User part of the From header towards this peer (providers often need it).', { rules: ['sip-secret-weak'] }),
  key('fromdomain', 'Domain of the From header towards this peer.'),
  key('callerid', 'Caller ID forced on calls from this peer: "Name" <number>.'),
  key('mailbox', 'Mailbox(es) for message-waiting: 1234@context[,…].'),
  key('transport', 'Transports for this peer (comma list, first = used for outbound).', {
    default: 'the [general] transport= (itself udp)',
    values: TRANSPORTS,
    list: true,
    safe: 'tls',
  }),
  bool('encryption', 'Offer (and require) SRTP media encryption.', 'no', 'yes'),
  key('dtmfmode', 'DTMF method for this peer.', { default: 'the [general] dtmfmode= (itself rfc2833)', values: vals('rfc2833', 'info', 'shortinfo', 'inband', 'auto') }),
  key('directmedia', 'Let media flow directly between the endpoints.', { default: 'yes', values: vals('yes', 'no', 'nonat', 'update', 'outgoing') }),
  key('canreinvite', 'Older name of directmedia.', { values: vals('yes', 'no', 'nonat', 'update') }),
  disallowKey(),
  allowKey(),
  key('call-limit', 'Maximum simultaneous calls for this peer.'),
  bool('callcounter', 'Count calls for device state.', 'no', undefined),
  key('busylevel', 'Number of calls at which the peer is busy.'),
  key('port', 'Port of the peer.', { default: '5060' }),
  key('defaultip', 'Address used for a dynamic peer before it registers.'),
  key('language', 'Language for prompts.'),
  key('accountcode', 'Account code written to CDRs.'),
  key('amaflags', 'AMA flags for CDRs.', { values: vals('default', 'omit', 'billing', 'documentation') }),
  key('subscribecontext', 'Context searched for SUBSCRIBE from this peer.'),
  bool('allowsubscribe', 'Accept SUBSCRIBE requests from this peer.', 'yes', undefined),
  bool('trustrpid', 'Trust Remote-Party-ID headers from this peer.', 'no', 'no'),
  key('sendrpid', 'Send caller identity to this peer.', { default: 'no', values: vals('no', 'yes', 'rpid', 'pai') }),
  bool('promiscredir', 'Follow 302 redirects from this peer to any address.', 'no', 'no'),
  key('regexten', 'Extension created in regcontext when the peer registers.'),
  key('setvar', 'Channel variable set on calls of this peer: setvar=NAME=value; repeatable.', { repeatable: true }),
  key('outboundproxy', 'Proxy for signalling to this peer.'),
  key('qualifyfreq', 'Seconds between qualify OPTIONS.', { default: '60' }),
  key('videosupport', 'SIP video support for this peer.', { values: vals('no', 'yes', 'always') }),
  key('t38pt_udptl', 'T.38 fax over UDPTL.', { values: vals('no', 'yes') }),
  key('rtptimeout', 'Hang up when no RTP arrives for this many seconds.'),
  key('description', 'Free text shown in sip show peers.'),
  key('callingpres', 'Caller ID presentation.', { values: vals('allowed_not_screened', 'allowed_passed_screen', 'allowed_failed_screen', 'allowed', 'prohib_not_screened', 'prohib_passed_screen', 'prohib_failed_screen', 'prohib', 'unavailable') }),
  key('callgroup', 'Numeric call groups (0-63).'),
  key('pickupgroup', 'Numeric pickup groups (0-63).'),
  key('namedcallgroup', 'Named call groups.'),
  key('namedpickupgroup', 'Named pickup groups.'),
  key('mohinterpret', 'Music-on-hold class when this peer puts us on hold.'),
  key('mohsuggest', 'Music-on-hold class suggested to this peer.'),
  key('parkinglot', 'Parking lot for calls from this peer.'),
  key('vmexten', 'Voicemail extension dialled by the MWI button.'),
  key('directmediapermit', 'Addresses direct media may go to.', { repeatable: true }),
  key('directmediadeny', 'Addresses direct media may not go to.', { repeatable: true }),
  key('session-timers', 'Session timers mode for this peer.', { values: vals('accept', 'originate', 'refuse') }),
  key('unsolicited_mailbox', 'Mailbox for unsolicited MWI NOTIFY from this peer.'),
  bool('subscribemwi', 'Only send MWI when the peer subscribes.', 'no', undefined),
];

export const SIP_SCOPES: Record<string, Scope> = {
  general: { label: 'sip.conf [general]', keys: GENERAL },
  peer: { label: 'sip.conf peer/user/friend', keys: PEER },
};
