/** fail2ban's own vocabulary: stock section names and jail options (fail2ban 1.0.2). */

/** Option names fail2ban jails use; an indented line starting with one is almost surely a mistake. */
export const JAIL_OPTIONS = new Set([
  'enabled', 'port', 'filter', 'logpath', 'logencoding', 'backend', 'journalmatch', 'maxretry', 'findtime',
  'bantime', 'ignoreip', 'ignoreself', 'ignorecommand', 'banaction', 'banaction_allports', 'action', 'protocol',
  'chain', 'usedns', 'mode', 'maxmatches', 'destemail', 'sender', 'mta', 'bantime.increment', 'bantime.factor',
  'bantime.maxtime', 'bantime.rndtime', 'bantime.formula', 'bantime.multipliers', 'bantime.overalljails',
]);

/** Every section name of the stock jail.conf (fail2ban 1.0.2), for spelling checks. */
export const STOCK_SECTION_NAMES: readonly string[] = (
  'INCLUDES DEFAULT sshd dropbear selinux-ssh apache-auth apache-badbots apache-noscript apache-overflows ' +
  'apache-nohome apache-botsearch apache-fakegooglebot apache-modsecurity apache-shellshock openhab-auth ' +
  'nginx-http-auth nginx-limit-req nginx-botsearch nginx-bad-request php-url-fopen suhosin lighttpd-auth ' +
  'roundcube-auth openwebmail horde groupoffice sogo-auth tine20 drupal-auth guacamole monit webmin-auth ' +
  'froxlor-auth squid 3proxy proftpd pure-ftpd gssftpd wuftpd vsftpd assp courier-smtp postfix postfix-rbl ' +
  'sendmail-auth sendmail-reject qmail-rbl dovecot sieve solid-pop3d exim exim-spam kerio courier-auth ' +
  'postfix-sasl perdition squirrelmail cyrus-imap uwimap-auth named-refused nsd asterisk freeswitch ' +
  'znc-adminlog mysqld-auth mssql-auth mongodb-auth recidive pam-generic xinetd-fail stunnel ejabberd-auth ' +
  'counter-strike softethervpn gitlab grafana bitwarden centreon nagios oracleims directadmin portsentry ' +
  'pass2allow-ftp murmur screensharingd haproxy-http-auth slapd domino-smtp phpmyadmin-syslog zoneminder ' +
  'traefik-auth scanlogd monitorix'
).split(' ');

/**
 * How a message names a section or an option: only names from fail2ban's own vocabulary are
 * repeated (a message must never echo text that could be a secret someone typed there).
 */
export function sectionLabel(name: string): string {
  return STOCK_SECTION_NAMES.includes(name) ? `[${name}]` : 'this section';
}

export function jailLabel(name: string): string {
  return name === 'DEFAULT' ? 'every jail' : STOCK_SECTION_NAMES.includes(name) ? `the [${name}] jail` : 'this jail';
}

export function optionLabel(name: string): string {
  return JAIL_OPTIONS.has(name) ? name : 'this option';
}
