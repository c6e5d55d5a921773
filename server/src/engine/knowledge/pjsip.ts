/**
 * res_pjsip (pjsip.conf, pjsip_wizard.conf) per object type. Defaults from asterisk-rules.md §0,
 * asterisk/pjsip.ts (version logic) and the option reference at the end of pjsip.conf.sample.
 */
import { autoDigest, defaultIdentifyBy, PJSIP_TYPES } from '../asterisk/pjsip';
import { aclKey, allowKey, denyKey, disallowKey, NEUTRAL_NAME, permitKey } from './common';
import { bool, key, KeyInfo, Scope, vals } from './types';

const TYPE_MEANING: Record<string, string> = {
  endpoint: 'a SIP device or trunk',
  auth: 'credentials',
  aor: 'where an endpoint can be reached (registrations, contacts)',
  identify: 'match requests to an endpoint by IP address',
  transport: 'a listener (protocol, bind address, TLS)',
  registration: 'outbound registration to a provider',
  acl: 'an IP access list for all SIP traffic',
  global: 'global settings',
  system: 'SIP stack settings',
  domain_alias: 'a domain alias',
};

function typeKey(type: string): KeyInfo {
  const order = [type, ...PJSIP_TYPES.filter((t) => t !== type)];
  return key('type', `Object type: sorcery only loads the section when this is exactly ${type} (lower case).`, {
    default: 'none (a section without type= is silently ignored)',
    values: vals(...order.map((t): [string, string] => [t, TYPE_MEANING[t] ?? t])),
    rules: ['pjsip-type-invalid', 'pjsip-duplicate-object'],
    security: 'A misspelt or capitalised type (Endpoint, ACL) makes the object silently disappear, e.g. an ACL that never applies.',
  });
}

/** `type=` for a section whose type is not known yet: every type. */
export const PJSIP_ANY_TYPE: KeyInfo = key('type', 'Object type: endpoint, auth, aor, identify, transport, registration, acl, global, system, …', {
  default: 'none (a section without type= is silently ignored)',
  values: vals(...PJSIP_TYPES.map((t): [string, string] => [t, TYPE_MEANING[t] ?? t])),
  rules: ['pjsip-type-invalid', 'pjsip-duplicate-object'],
  security: 'A misspelt or capitalised type makes the object silently disappear.',
});

const TRANSPORT_PROTOCOLS = vals(['tls', 'encrypted signalling'], 'tcp', 'udp', ['wss', 'WebSocket over TLS (http.conf TLS)'], 'ws', 'flow');

const ENDPOINT: KeyInfo[] = [
  typeKey('endpoint'),
  key('context', 'Dialplan context where calls from this endpoint start.', {
    default: 'default',
    rules: ['pjsip-endpoint-no-auth', 'pjsip-anonymous-endpoint', 'pjsip-allow-transfer'],
    security: 'Trunks and unauthenticated endpoints must land in an inbound-only context that cannot dial out.',
  }),
  key('auth', 'Auth object(s) used to challenge requests from this endpoint (comma list).', {
    default: 'none: requests are NOT challenged',
    rules: ['pjsip-endpoint-no-auth', 'pjsip-auth-shared-in-out'],
    security: 'Without auth= the endpoint is never challenged: identified by user name, anyone can call as it from anywhere.',
  }),
  key('outbound_auth', 'Auth object(s) used when the far end challenges Asterisk.', {
    default: 'none',
    rules: ['pjsip-auth-shared-in-out'],
    security: 'Do not reuse the inbound auth= object: the provider credential would become a login to your PBX.',
  }),
  key('aors', 'AoR(s) of this endpoint (comma list).', { default: 'none' }),
  key('identify_by', 'How requests are matched to this endpoint (comma list).', {
    default: defaultIdentifyBy,
    history: 'username up to 13.18 (and 14.x, 15.0–15.1); username,ip since 13.19 and 15.2.',
    values: vals(
      ['ip', 'source address (needs a type=identify section)'],
      ['username', 'From user = endpoint name, from any address'],
      ['auth_username', 'Authorization user name'],
      ['header', 'a configured header (type=identify match_header)'],
      ['request_uri', 'the request URI'],
    ),
    safe: 'ip',
    list: true,
    rules: ['pjsip-endpoint-no-auth'],
    security: 'username matching without auth= lets anyone who knows the endpoint name call from anywhere; IP-authenticated trunks should use identify_by=ip.',
  }),
  bool('allow_transfer', 'Allow SIP REFER transfers from this endpoint.', 'yes', 'no', {
    rules: ['pjsip-allow-transfer'],
    security: 'A transfer runs in the endpoint\'s context: a compromised or trunk leg can bounce calls to paid destinations.',
  }),
  bool('allow_unauthenticated_options', 'Answer OPTIONS without challenging for credentials.', 'no', 'no', {
    rules: ['pjsip-allow-unauthenticated-options'],
    security: 'yes lets anyone enumerate endpoint names with OPTIONS.',
  }),
  bool('allow_subscribe', 'Accept SUBSCRIBE requests from this endpoint.', 'yes', undefined),
  key('transport', 'Transport object to send requests with.', { default: 'none (chosen automatically)', rules: ['pjsip-transport-tls-weak'] }),
  key('callerid', 'Caller ID of this endpoint: "Name" <number>.', { default: 'none' }),
  disallowKey(),
  allowKey(),
  bool('direct_media', 'Let media flow directly between endpoints.', 'yes', undefined),
  key('dtmf_mode', 'DTMF method.', { default: 'rfc4733', values: vals('rfc4733', 'inband', 'info', 'auto', 'auto_info') }),
  bool('force_rport', 'Send responses to the source port.', 'yes', undefined),
  bool('rewrite_contact', 'Rewrite the Contact with the source address (NAT).', 'no', undefined),
  bool('rtp_symmetric', 'Send RTP back to where it comes from (NAT).', 'no', undefined),
  bool('ice_support', 'Enable ICE.', 'no', undefined),
  key('media_encryption', 'Media encryption to require.', {
    default: 'no',
    values: vals(['sdes', 'SRTP, keys in SDP (needs TLS signalling)'], ['dtls', 'DTLS-SRTP'], ['no', 'plain RTP']),
  }),
  bool('media_encryption_optimistic', 'Use encryption when possible, without failing the call.', 'no', undefined),
  bool('trust_id_inbound', 'Trust identity headers (P-Asserted-Identity, Remote-Party-ID) from this endpoint.', 'no', 'no', {
    security: 'Only for trusted trunks: otherwise callers can spoof any identity.',
  }),
  bool('trust_id_outbound', 'Send private identity details to this endpoint.', 'no', 'no'),
  bool('trust_connected_line', 'Accept connected-line updates from this endpoint.', 'yes', undefined),
  bool('send_connected_line', 'Send connected-line updates to this endpoint.', 'yes', undefined),
  bool('send_pai', 'Send P-Asserted-Identity.', 'no', undefined),
  bool('send_rpid', 'Send Remote-Party-ID.', 'no', undefined),
  key('from_user', 'User part of the From header towards this endpoint.', { default: 'none' }),
  key('from_domain', 'Domain of the From header towards this endpoint.', { default: 'none' }),
  key('mailboxes', 'Mailboxes for unsolicited MWI (comma list).', { default: 'none' }),
  key('language', 'Language for prompts.', { default: 'none' }),
  key('outbound_proxy', 'Proxy for requests to this endpoint (full SIP URI).', { default: 'none' }),
  bool('webrtc', 'Turn on the WebRTC options (AVPF, ICE, DTLS, rtcp-mux).', 'no', undefined),
  key('set_var', 'Channel variable set on calls of this endpoint: set_var=NAME=value; repeatable.', { repeatable: true }),
  denyKey('this endpoint', ['pjsip-endpoint-acl-missing']),
  permitKey('this endpoint', ['pjsip-endpoint-acl-missing']),
  aclKey('this endpoint', ['pjsip-endpoint-acl-missing']),
  key('contact_deny', 'Contact addresses this endpoint may not register.', { values: vals('0.0.0.0/0.0.0.0'), safe: '0.0.0.0/0.0.0.0', rules: ['pjsip-endpoint-acl-missing', 'acl-list-whitespace'] }),
  key('contact_permit', 'Contact addresses this endpoint may register.', { rules: ['pjsip-endpoint-acl-missing', 'acl-list-whitespace'] }),
  key('contact_acl', 'Named ACL (acl.conf) for the Contact address.', { rules: ['pjsip-endpoint-acl-missing'] }),
  key('rtp_timeout', 'Hang up when no RTP arrives for this many seconds.', { default: '0 (off)' }),
  key('device_state_busy_at', 'Calls at which the device is busy.', { default: '0' }),
  key('call_group', 'Numeric call groups.', { default: 'none' }),
  key('pickup_group', 'Numeric pickup groups.', { default: 'none' }),
  key('tone_zone', 'Indications (tones) country.', { default: 'none' }),
  key('moh_suggest', 'Music-on-hold class.', { default: 'default' }),
  bool('100rel', 'Support reliable provisional responses (RFC 3262).', 'yes', undefined),
  bool('timers', 'Session timers.', 'yes', undefined),
  key('sdp_session', 'SDP session name (s=).', { default: 'Asterisk' }),
  key('sdp_owner', 'User part of the SDP o= line.', { default: '-' }),
  key('media_address', 'Address put in the SDP for media.', { default: 'none' }),
  bool('bind_rtp_to_media_address', 'Bind RTP to media_address.', 'no', undefined),
  key('callerid_privacy', 'Caller ID presentation.', { default: 'allowed_not_screened', values: vals('allowed_not_screened', 'allowed_passed_screened', 'allowed_failed_screened', 'allowed', 'prohib_not_screened', 'prohib_passed_screened', 'prohib_failed_screened', 'prohib', 'unavailable') }),
  key('callerid_tag', 'Internal id tag of the endpoint.', { default: 'none' }),
  key('direct_media_method', 'How direct media is set up.', { default: 'invite', values: vals('invite', 'reinvite', 'update') }),
  key('connected_line_method', 'How connected-line updates are sent.', { default: 'invite', values: vals('invite', 'reinvite', 'update') }),
  bool('disable_direct_media_on_nat', 'No direct media when NAT is in the way.', 'no', undefined),
  key('redirect_method', 'How 3xx redirects from the endpoint are handled.', { default: 'user', values: vals('user', 'uri_core', 'uri_pjsip') }),
  bool('allow_overlap', 'RFC 3578 overlap dialing.', 'yes', undefined),
  bool('aggregate_mwi', 'Send one MWI NOTIFY for all mailboxes.', 'yes', undefined),
  key('mwi_from_user', 'From user of unsolicited MWI NOTIFYs.', { default: 'none' }),
  key('voicemail_extension', 'Voicemail extension for the Message-Account header.', { default: '[global] default_voicemail_extension' }),
  key('sub_min_expiry', 'Minimum subscription expiry (seconds).', { default: '0' }),
  bool('moh_passthrough', 'Pass hold/unhold through as re-INVITEs.', undefined, undefined),
  bool('send_diversion', 'Send the Diversion header.', 'yes', undefined),
  bool('rpid_immediate', 'Send connected-line updates before answer.', 'no', undefined),
  key('timers_min_se', 'Minimum session timer (seconds).', { default: '90' }),
  key('timers_sess_expires', 'Maximum session timer (seconds).', { default: '1800' }),
  bool('use_ptime', 'Use the endpoint\'s packetization interval.', 'no', undefined),
  bool('use_avpf', 'Use and require AVPF.', 'no', undefined),
  bool('inband_progress', 'Indicate ringing with in-band progress.', 'no', undefined),
  key('named_call_group', 'Named call groups.', { default: 'none' }),
  key('named_pickup_group', 'Named pickup groups.', { default: 'none' }),
  bool('t38_udptl', 'T.38 fax over UDPTL.', 'no', undefined),
  key('t38_udptl_ec', 'T.38 error correction.', { default: 'none', values: vals('none', 'fec', 'redundancy') }),
  bool('t38_udptl_nat', 'NAT support for UDPTL.', 'no', undefined),
  bool('fax_detect', 'Detect CNG fax tones.', 'no', undefined),
  bool('one_touch_recording', 'Allow one-touch recording.', 'no', undefined),
  key('rtp_engine', 'RTP engine.', { default: 'asterisk' }),
  key('tos_audio', 'TOS bits for audio.', { default: '0' }),
  key('cos_audio', 'COS priority for audio.', { default: '0' }),
  bool('dtls_verify', 'Verify the DTLS peer certificate.', 'no', 'yes'),
  key('dtls_cert_file', 'DTLS certificate file.', { default: 'none' }),
  key('dtls_private_key', 'DTLS private key file.', { default: 'none' }),
  key('dtls_ca_file', 'DTLS CA certificate file.', { default: 'none' }),
  key('dtls_setup', 'DTLS role.', { values: vals('active', 'passive', 'actpass') }),
  bool('dtls_auto_generate_cert', 'Generate an ephemeral DTLS certificate.', 'no', undefined),
  key('rtp_keepalive', 'Seconds between comfort-noise packets when RTP is idle.'),
  key('rtp_timeout_hold', 'Hang up when no RTP arrives on hold for this many seconds.', { default: '0 (off)' }),
  key('incoming_call_offer_pref', 'Codec preference for incoming offers.', { default: 'local', values: vals('local', 'local_first', 'remote', 'remote_first') }),
  key('outgoing_call_offer_pref', 'Codec preference for outgoing offers.', { default: 'remote_merge', values: vals('local', 'local_merge', 'local_first', 'remote', 'remote_merge', 'remote_first') }),
  key('max_audio_streams', 'Maximum negotiated audio streams.', { default: '1' }),
  key('max_video_streams', 'Maximum negotiated video streams.', { default: '1' }),
  bool('refer_blind_progress', 'Report blind transfer progress.', 'yes', undefined),
  bool('suppress_q850_reason_headers', 'Do not send Q.850 Reason headers.', 'no', undefined),
  bool('stir_shaken', 'STIR/SHAKEN on this endpoint.', 'no', undefined),
];

const AUTH: KeyInfo[] = [
  typeKey('auth'),
  key('auth_type', 'Authentication mechanism.', {
    default: (s) => (autoDigest(s) ? 'digest' : 'userpass'),
    history: 'userpass (password) or md5 (md5_cred) until 20.12/21.7/22.2; since then digest picks password or password_digest.',
    values: vals(['digest', 'password or password_digest (20.12+, 21.7+, 22.2+)'], ['userpass', 'plain password'], ['md5', 'md5_cred hash'], 'google_oauth'),
    rules: ['pjsip-auth-password-weak', 'pjsip-auth-digest-weak'],
  }),
  key('username', 'User name of the credential (required).', { rules: ['pjsip-auth-password-weak', 'pjsip-auth-digest-weak'] }),
  key('password', 'Plain-text password.', {
    secret: true,
    rules: ['pjsip-auth-password-weak', 'pjsip-registration-credentials', 'secret-truncated-by-semicolon', 'secret-quoted'],
    security: 'Inbound credentials are brute-forced for toll fraud: use 16+ random characters.',
  }),
  key('password_digest', 'Pre-computed digest ALGORITHM:hash of username:realm:password.', {
    secret: true,
    rules: ['pjsip-auth-digest-weak'],
    security: 'A digest of a dictionary password is cracked offline.',
  }),
  key('md5_cred', 'MD5 of username:realm:password (deprecated form of password_digest).', { secret: true, rules: ['pjsip-auth-digest-weak'] }),
  key('realm', 'Realm: inbound = sent in challenges; outbound = the realm expected from the server.', {
    default: 'inbound: [global] default_realm (itself asterisk); outbound: any',
    rules: ['pjsip-auth-digest-weak'],
  }),
  key('nonce_lifetime', 'Seconds a nonce stays valid.', { default: '32' }),
  key('refresh_token', 'Google OAuth refresh token.', { secret: true }),
  key('oauth_clientid', 'Google OAuth client id.'),
  key('oauth_secret', 'Google OAuth client secret.', { secret: true }),
  key('supported_algorithms_uas', 'Digest algorithms offered as UAS (newer versions).', { values: vals('SHA-256', 'SHA-512-256', 'MD5'), list: true }),
  key('supported_algorithms_uac', 'Digest algorithms answered as UAC (newer versions).', { values: vals('SHA-256', 'SHA-512-256', 'MD5'), list: true }),
];

const AOR: KeyInfo[] = [
  typeKey('aor'),
  key('max_contacts', 'How many contacts may register to this AoR (0 = no registrations).', {
    default: '0',
    rules: ['pjsip-endpoint-acl-missing'],
    security: 'Above 0 the AoR accepts registrations: restrict who may register with an ACL.',
  }),
  key('contact', 'Static contact URI(s); repeatable.', { default: 'none', repeatable: true }),
  bool('remove_existing', 'Replace the oldest contact when max_contacts is reached.', 'no', undefined),
  bool('remove_unavailable', 'Replace unavailable contacts when max_contacts is reached.', 'no', undefined),
  key('qualify_frequency', 'Seconds between qualify OPTIONS (0 = off).', { default: '0' }),
  key('qualify_timeout', 'Qualify timeout in seconds.', { default: '3.0' }),
  bool('authenticate_qualify', 'Authenticate qualify OPTIONS.', 'no', undefined),
  key('default_expiration', 'Default registration expiry (seconds).', { default: '3600' }),
  key('maximum_expiration', 'Maximum registration expiry (seconds).', { default: '7200' }),
  key('minimum_expiration', 'Minimum registration expiry (seconds).', { default: '60' }),
  key('mailboxes', 'Mailboxes for MWI subscriptions.', { default: 'none' }),
  key('outbound_proxy', 'Proxy for OPTIONS requests (full SIP URI).', { default: 'none' }),
  key('voicemail_extension', 'Voicemail extension for the Message-Account header.', { default: '[global] default_voicemail_extension' }),
];

const IDENTIFY: KeyInfo[] = [
  typeKey('identify'),
  key('endpoint', 'Endpoint that matching requests belong to.', { default: 'none', rules: ['pjsip-endpoint-no-auth'] }),
  key('match', 'Addresses, networks or host names to match (comma list); repeatable.', {
    default: 'none',
    repeatable: true,
    rules: ['acl-list-whitespace'],
    security: 'Requests from a matched address skip digest authentication when the endpoint has no auth=: match only the provider\'s addresses.',
  }),
  key('match_header', 'Header: value to match.', { default: 'none' }),
  bool('srv_lookups', 'Resolve SRV records of host names in match=.', 'yes', undefined),
];

const TRANSPORT: KeyInfo[] = [
  typeKey('transport'),
  key('protocol', 'Protocol of this transport.', {
    default: 'udp',
    values: TRANSPORT_PROTOCOLS,
    safe: 'tls',
    rules: ['pjsip-transport-bind-any', 'pjsip-transport-tls-weak', 'pjsip-registration-credentials'],
    security: 'udp and tcp carry the digest exchange and SDES keys in clear.',
  }),
  key('bind', 'Address and optional port to listen on.', {
    default: 'none',
    rules: ['pjsip-transport-bind-any', 'acl-ipv4-only'],
    security: '0.0.0.0 or [::] listens on every interface: pair it with ACLs, identify sections and a firewall.',
  }),
  key('method', 'TLS protocol version (TLS only).', {
    default: 'none (the PJSIP/OpenSSL default)',
    values: vals(
      ['tlsv1_2', 'TLS 1.2'],
      ['tlsv1_3', 'TLS 1.3 (versions that support it; see the Asterisk docs)'],
      ['sslv23', 'highest version both sides support'],
      ['tlsv1_1', 'TLS 1.1: weak'],
      ['tlsv1', 'TLS 1.0: weak'],
      ['sslv3', 'SSLv3: broken'],
      ['sslv2', 'SSLv2: broken'],
    ),
    safe: 'tlsv1_2',
    rules: ['pjsip-transport-tls-weak'],
    security: 'sslv2, sslv3, tlsv1 and tlsv1_1 allow downgrade and interception of SIP digests and SDES keys.',
  }),
  key('cipher', 'OpenSSL cipher names (TLS only).', { default: 'none', rules: ['pjsip-transport-tls-weak'] }),
  key('cert_file', 'Certificate file (TLS only).', { default: 'none' }),
  key('priv_key_file', 'Private key file (TLS only).', { default: 'none' }),
  key('ca_list_file', 'CA certificates used to verify the peer (TLS only).', { default: 'none' }),
  key('ca_list_path', 'Directory of CA certificates (TLS only).', { default: 'none' }),
  key('password', 'Password of the private key file (TLS only).', { secret: true }),
  bool('verify_server', 'Verify the certificate of servers Asterisk connects to (TLS only).', 'no', 'yes', {
    rules: ['pjsip-transport-tls-weak'],
    security: 'Without it anyone in the path can impersonate your provider.',
  }),
  bool('verify_client', 'Verify client certificates (TLS only).', 'no', 'yes'),
  bool('require_client_cert', 'Require a client certificate (TLS only).', 'no', 'yes'),
  bool('allow_wildcard_certs', 'Accept wildcard names in server certificates (with verify_server).', 'no', 'no', { rules: ['pjsip-transport-tls-weak'] }),
  key('local_net', 'Local network (not NATed); repeatable.', { default: 'none', repeatable: true }),
  key('external_media_address', 'Public address for media behind NAT.', { default: 'none' }),
  key('external_signaling_address', 'Public address for SIP behind NAT.', { default: 'none' }),
  key('external_signaling_port', 'Public port for SIP behind NAT.', { default: '0' }),
  key('domain', 'Domain the transport serves.', { default: 'none' }),
  key('tos', 'TOS bits for signalling.', { default: '0' }),
  key('cos', 'COS priority for signalling.', { default: '0' }),
  bool('allow_reload', 'Apply changes to this transport on reload.', 'no', undefined),
  bool('symmetric_transport', 'Reply to dynamic contacts over the transport they used.', 'no', undefined),
  key('websocket_write_timeout', 'WebSocket write timeout (ms).', { default: '100' }),
  key('external_signaling_hostname', 'Host name for Contact/Via instead of the address (newer versions).', { default: 'none' }),
];

const REGISTRATION: KeyInfo[] = [
  typeKey('registration'),
  key('server_uri', 'SIP URI of the registrar.', { default: 'none', rules: ['pjsip-registration-credentials'] }),
  key('client_uri', 'SIP URI (address of record) to register.', { default: 'none' }),
  key('contact_user', 'User part of the Contact.', { default: 'none' }),
  key('outbound_auth', 'Auth object used when the registrar challenges.', {
    default: 'none',
    rules: ['pjsip-registration-credentials', 'pjsip-auth-shared-in-out'],
    security: 'Keep it separate from any endpoint auth=.',
  }),
  key('transport', 'Transport to register over.', {
    default: 'none (chosen automatically)',
    rules: ['pjsip-registration-credentials', 'pjsip-transport-tls-weak'],
    security: 'Over udp/tcp the digest exchange is visible on the wire: prefer a TLS transport.',
  }),
  key('expiration', 'Registration expiry (seconds).', { default: '3600' }),
  key('retry_interval', 'Seconds between retries after a failure.', { default: '60' }),
  key('forbidden_retry_interval', 'Retry interval after 403 Forbidden (0 = stop).', { default: '0' }),
  key('fatal_retry_interval', 'Retry interval after a fatal response (0 = stop).', { default: '0' }),
  key('max_retries', 'Maximum registration attempts.', { default: '10' }),
  bool('auth_rejection_permanent', 'Treat rejected credentials as a permanent failure.', 'yes', undefined),
  key('outbound_proxy', 'Proxy for registrations (full SIP URI).', { default: 'none' }),
  bool('line', 'Add a line parameter to match incoming calls to this registration.', 'no', undefined),
  key('endpoint', 'Endpoint for incoming calls related to this registration (with line).', { default: 'none' }),
  key('max_random_initial_delay', 'Maximum random delay of the first registration (seconds).', { default: '10' }),
];

const ACL: KeyInfo[] = [
  typeKey('acl'),
  denyKey('SIP (every request)'),
  permitKey('SIP (every request)'),
  aclKey('SIP (every request)'),
  key('contact_deny', 'Contact addresses that may not register.', { values: vals('0.0.0.0/0.0.0.0'), safe: '0.0.0.0/0.0.0.0', rules: ['acl-list-whitespace'] }),
  key('contact_permit', 'Contact addresses that may register.', { rules: ['acl-list-whitespace'] }),
  key('contact_acl', 'Named ACL (acl.conf) for Contact addresses.'),
];

const GLOBAL: KeyInfo[] = [
  typeKey('global'),
  key('user_agent', 'User-Agent header of every SIP message.', {
    default: 'Asterisk PBX <version>',
    values: NEUTRAL_NAME,
    safe: 'PBX',
    rules: ['pjsip-version-disclosure'],
    security: 'The default tells scanners the exact Asterisk version.',
  }),
  key('endpoint_identifier_order', 'Priority of the endpoint identifiers (comma list); unlisted ones still run, last.', {
    default: 'ip,username,anonymous',
    values: vals('ip', 'username', 'auth_username', 'header', 'anonymous'),
    list: true,
    security: 'It only sets the priority: identifiers left out still run (last), so it cannot switch username matching or the anonymous endpoint off.',
  }),
  key('default_realm', 'Realm used in challenges when the auth object sets none.', { default: 'asterisk', rules: ['pjsip-auth-digest-weak'] }),
  key('default_from_user', 'From user of requests Asterisk originates.', { default: 'asterisk' }),
  key('default_outbound_endpoint', 'Endpoint for outbound requests without one.', { default: 'default_outbound_endpoint' }),
  key('max_forwards', 'Max-Forwards of requests.', { default: '70' }),
  key('keep_alive_interval', 'Seconds between keep-alives on connection-oriented transports.', { default: '90 (current releases; see the Asterisk docs for older ones)' }),
  key('debug', 'SIP debug logging: yes, no or a host address.', { default: 'no', values: vals('no', 'yes') }),
  key('regcontext', 'Context where registering endpoints get a NoOp extension.', { default: 'none' }),
  key('unidentified_request_count', 'Unidentified requests from one address before a security event.', { default: '5' }),
  key('unidentified_request_period', 'Seconds over which unidentified requests are counted.', { default: '5' }),
  bool('disable_multi_domain', 'Disable multi-domain support.', 'no', undefined),
  bool('ignore_uri_user_options', 'Cut the URI user part at the first semicolon.', 'no', undefined),
  key('taskprocessor_overload_trigger', 'What overload stops accepting new requests.', { default: 'global', values: vals('global', 'pjsip_only', 'none') }),
  key('default_voicemail_extension', 'Voicemail extension for the Message-Account header.', { default: 'none' }),
  key('contact_expiration_check_interval', 'Seconds between expired-contact checks.', { default: '30' }),
  key('max_initial_qualify_time', 'Seconds after start-up within which every contact is qualified.'),
  bool('mwi_disable_initial_unsolicited', 'Do not send unsolicited MWI to every endpoint at start-up.', 'no', undefined),
  bool('norefersub', 'Advertise norefersub.', 'yes', undefined),
  bool('send_contact_status_on_update_registration', 'Send ContactStatus events on re-registration.', 'no', undefined),
  key('unidentified_request_prune_interval', 'Seconds between prunes of unidentified-request records.'),
  key('default_auth_algorithms_uas', 'Digest algorithms offered as UAS (newer versions).', { default: 'MD5', values: vals('SHA-256', 'SHA-512-256', 'MD5'), list: true }),
  key('default_auth_algorithms_uac', 'Digest algorithms answered as UAC (newer versions).', { default: 'MD5', values: vals('SHA-256', 'SHA-512-256', 'MD5'), list: true }),
];

const SYSTEM: KeyInfo[] = [
  typeKey('system'),
  key('timer_t1', 'SIP timer T1 (ms).', { default: '500' }),
  key('timer_b', 'SIP timer B (ms).', { default: '32000' }),
  bool('compact_headers', 'Use compact SIP header names.', 'no', undefined),
  bool('disable_tcp_switch', 'Do not switch from UDP to TCP for large requests.', 'yes', undefined),
];

const DOMAIN_ALIAS: KeyInfo[] = [typeKey('domain_alias'), key('domain', 'Domain this alias stands for.', { default: 'none' })];

const WIZARD: KeyInfo[] = [
  key('type', 'Must be wizard for res_pjsip_config_wizard to build the objects.', { values: vals('wizard'), rules: ['pjsip-type-invalid'] }),
  bool('sends_auth', 'Create an outbound auth object (outbound_auth/…).', 'no', undefined, { rules: ['pjsip-auth-password-weak', 'pjsip-registration-credentials'] }),
  bool('accepts_auth', 'Create an inbound auth object (inbound_auth/…).', 'no', 'yes', {
    rules: ['pjsip-endpoint-no-auth', 'pjsip-auth-password-weak'],
    security: 'Without it the endpoint is never challenged.',
  }),
  bool('sends_registrations', 'Create an outbound registration.', 'no', undefined, { rules: ['pjsip-registration-credentials'] }),
  bool('accepts_registrations', 'Create an AoR that accepts registrations.', 'no', undefined, { rules: ['pjsip-endpoint-no-auth'] }),
  bool('sends_line_with_registrations', 'Add a line parameter to the registration.', 'no', undefined),
  key('remote_hosts', 'Remote host[:port] list (comma list).', { default: 'none', rules: ['pjsip-registration-credentials'] }),
  key('transport', 'Transport for the endpoint and registrations.', { rules: ['pjsip-registration-credentials'] }),
  key('outbound_proxy', 'Proxy for the endpoint and registrations.', { default: 'none' }),
  key('server_uri_pattern', 'Pattern of the registration server_uri.', { default: 'sip:${REMOTE_HOST}', rules: ['pjsip-registration-credentials'] }),
  key('client_uri_pattern', 'Pattern of the registration client_uri.', { default: 'sip:${USERNAME}@${REMOTE_HOST}' }),
  key('contact_pattern', 'Pattern of the AoR contact.', { default: 'sip:${REMOTE_HOST}' }),
  bool('has_phoneprov', 'Create a phoneprov object.', 'no', undefined),
  bool('has_hint', 'Create a hint (and optionally an application).', 'no', undefined),
  key('hint_exten', 'Extension of the hint.'),
];

export const PJSIP_SCOPES: Record<string, Scope> = {
  endpoint: { label: 'pjsip.conf type=endpoint', keys: ENDPOINT },
  auth: { label: 'pjsip.conf type=auth', keys: AUTH },
  aor: { label: 'pjsip.conf type=aor', keys: AOR },
  identify: { label: 'pjsip.conf type=identify', keys: IDENTIFY },
  transport: { label: 'pjsip.conf type=transport', keys: TRANSPORT },
  registration: { label: 'pjsip.conf type=registration', keys: REGISTRATION },
  acl: { label: 'pjsip.conf type=acl', keys: ACL },
  global: { label: 'pjsip.conf type=global', keys: GLOBAL },
  system: { label: 'pjsip.conf type=system', keys: SYSTEM },
  domain_alias: { label: 'pjsip.conf type=domain_alias', keys: DOMAIN_ALIAS },
  wizard: { label: 'pjsip_wizard.conf type=wizard', keys: WIZARD },
};

/** pjsip_wizard.conf `endpoint/…`, `inbound_auth/…` prefixes and the object type they configure. */
export const WIZARD_PREFIXES: Record<string, string> = {
  endpoint: 'endpoint',
  aor: 'aor',
  inbound_auth: 'auth',
  outbound_auth: 'auth',
  registration: 'registration',
  identify: 'identify',
};
