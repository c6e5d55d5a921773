/**
 * Lossless parser of `vsftpd.conf`, as vsftpd 3.0 `parseconf.c` reads it:
 *
 * - a line that is empty, all blanks, or starts with `#` in the FIRST column is skipped (an
 *   indented `# …` is read as a setting named "# …" and vsftpd refuses to start);
 * - leading blanks are skipped; the setting name runs to the first `=` (no trimming: `name = v`
 *   is the unknown setting "name " and vsftpd refuses to start); the value is the rest of the
 *   line, untrimmed (a trailing blank or a CR makes `YES ` a bad boolean);
 * - booleans: YES/TRUE/1 and NO/FALSE/0, any case; anything else stops vsftpd ("bad bool
 *   value"); a boolean or number with an empty value stops it ("missing value"); an unknown
 *   name stops it ("unrecognised variable"); the last assignment wins.
 *
 * The parser never throws; {@link vsftpdPieces} covers every character once and
 * {@link printVsftpd} gives the input back byte for byte.
 */
import type { Span, Tok } from '../../text';
import { physicalLine } from '../../text';

export type VsftpdProblemCode = 'bad-bool' | 'missing-value' | 'unknown-option' | 'spaces' | 'indented-comment' | 'crlf' | 'bom';

export interface VsftpdProblem {
  code: VsftpdProblemCode;
  span: Span;
  line: number;
  message: string;
  /** False for unknown names (a distribution's patched vsftpd may know them). */
  certain: boolean;
}

export interface VsftpdSetting {
  line: number;
  /** The name exactly as vsftpd compares it (up to the first `=`). */
  name: Tok;
  /** The name without trailing blanks: what the author meant (`anonymous_enable = YES`). */
  key: string;
  eq?: Span;
  /** The value exactly as vsftpd sees it (CR and trailing blanks included). */
  value: Tok;
  kind: 'bool' | 'uint' | 'string' | 'unknown';
  /** For booleans vsftpd accepts. */
  bool?: boolean;
}

export interface VsftpdLine {
  index: number;
  start: number;
  end: number;
  eolEnd: number;
  kind: 'blank' | 'comment' | 'setting';
  comment?: Span;
  setting?: VsftpdSetting;
}

export interface VsftpdDocument {
  text: string;
  bom?: Span;
  lines: VsftpdLine[];
  settings: VsftpdSetting[];
  problems: VsftpdProblem[];
}

// vsftpd 3.0.5 parseconf.c tables.
const BOOLS = new Set(
  ('anonymous_enable local_enable pasv_enable port_enable chroot_local_user write_enable anon_upload_enable ' +
    'anon_mkdir_write_enable anon_other_write_enable chown_uploads connect_from_port_20 xferlog_enable ' +
    'dirmessage_enable anon_world_readable_only async_abor_enable ascii_upload_enable ascii_download_enable ' +
    'one_process_model xferlog_std_format pasv_promiscuous deny_email_enable chroot_list_enable ' +
    'setproctitle_enable text_userdb_names ls_recurse_enable log_ftp_protocol guest_enable userlist_enable ' +
    'userlist_deny use_localtime check_shell hide_ids listen port_promiscuous passwd_chroot_enable ' +
    'no_anon_password tcp_wrappers use_sendfile force_dot_files listen_ipv6 dual_log_enable syslog_enable ' +
    'background virtual_use_local_privs session_support download_enable dirlist_enable chmod_enable ' +
    'secure_email_list_enable run_as_launching_user no_log_lock ssl_enable allow_anon_ssl ' +
    'force_local_logins_ssl force_local_data_ssl ssl_sslv2 ssl_sslv3 ssl_tlsv1 tilde_user_enable enable_iconv ' +
    'force_anon_logins_ssl force_anon_data_ssl mdtm_write lock_upload_files pasv_addr_resolve debug_ssl ' +
    'require_cert validate_cert strict_ssl_read_eof strict_ssl_write_shutdown ssl_request_cert ' +
    'delete_failed_uploads implicit_ssl ptrace_sandbox require_ssl_reuse isolate isolate_network ftp_enable ' +
    'http_enable seccomp_sandbox allow_writeable_chroot ' +
    // Added by distribution patches (Debian, Fedora/RHEL) and vsftpd 3.0.4+.
    'ssl_tlsv1_1 ssl_tlsv1_2 ssl_tlsv1_3 reverse_lookup_enable'
  ).split(' '),
);
const UINTS = new Set(
  ('accept_timeout connect_timeout local_umask anon_umask ftp_data_port idle_session_timeout ' +
    'data_connection_timeout pasv_min_port pasv_max_port anon_max_rate local_max_rate listen_port max_clients ' +
    'file_open_mode max_per_ip trans_chunk_size delay_failed_login delay_successful_login max_login_fails ' +
    'chown_upload_mode bind_retries'
  ).split(' '),
);
const STRINGS = new Set(
  ('secure_chroot_dir ftp_username chown_username xferlog_file vsftpd_log_file message_file nopriv_user ' +
    'ftpd_banner banned_email_file chroot_list_file pam_service_name guest_username userlist_file anon_root ' +
    'local_root banner_file pasv_address listen_address user_config_dir listen_address6 cmds_allowed hide_file ' +
    'deny_file user_sub_token email_password_file rsa_cert_file dsa_cert_file ssl_ciphers local_charset ' +
    'remote_charset rsa_private_key_file dsa_private_key_file ca_certs_file cmds_denied ' +
    'dh_param_file ecdh_param_file ssl_sni_hostname'
  ).split(' '),
);

export function settingKind(name: string): VsftpdSetting['kind'] {
  return BOOLS.has(name) ? 'bool' : UINTS.has(name) ? 'uint' : STRINGS.has(name) ? 'string' : 'unknown';
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

export function parseVsftpd(text: string): VsftpdDocument {
  try {
    return parseInner(text);
  } catch {
    return { text, lines: [{ index: 0, start: 0, end: text.length, eolEnd: text.length, kind: 'blank' }], settings: [], problems: [] };
  }
}

function parseInner(text: string): VsftpdDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? { start: 0, end: 1 } : undefined;
  const lines: VsftpdLine[] = [];
  const settings: VsftpdSetting[] = [];
  const problems: VsftpdProblem[] = [];
  let pos = 0;
  let index = 0;
  let crlf = false;
  do {
    // vsftpd splits on \n only: a CR stays in the value.
    const { end, eolEnd } = physicalLine(text, pos, false);
    const line: VsftpdLine = { index, start: pos, end, eolEnd, kind: 'blank' };
    lines.push(line);
    const from = pos;
    pos = eolEnd;
    index++;
    if (from >= end || /^[ \t\n\v\f\r]*$/.test(text.slice(from, end))) continue;
    if (text[from] === '#') {
      line.kind = 'comment';
      line.comment = { start: from, end: text[end - 1] === '\r' ? end - 1 : end };
      continue;
    }
    let p = from;
    while (p < end && isSpace(text[p])) p++;
    if (index === 1 && bom && p === 0) p = 1;
    line.kind = 'setting';
    const eq = text.indexOf('=', p);
    const nameEnd = eq >= 0 && eq < end ? eq : end;
    const name: Tok = { start: p, end: nameEnd, text: text.slice(p, nameEnd) };
    const value: Tok = eq >= 0 && eq < end ? { start: eq + 1, end, text: text.slice(eq + 1, end) } : { start: end, end, text: '' };
    const key = name.text.replace(/[ \t\r]+$/, '');
    const setting: VsftpdSetting = { line: line.index, name, key, eq: eq >= 0 && eq < end ? { start: eq, end: eq + 1 } : undefined, value, kind: settingKind(name.text) };
    line.setting = setting;
    settings.push(setting);
    const problem = (code: VsftpdProblemCode, span: Span, message: string, certain = true) => problems.push({ code, span, line: line.index, message, certain });
    if (bom && line.index === 0) {
      problem('bom', { start: 0, end: 1 }, 'The file starts with a byte order mark: vsftpd reads it as part of the first setting name ("unrecognised variable in config file") and refuses to start.');
      continue;
    }
    if (name.text.startsWith('#')) {
      problem('indented-comment', { start: p, end }, 'vsftpd only treats "#" in the first column as a comment: this indented line is read as a setting ("unrecognised variable in config file") and vsftpd refuses to start. Remove the blanks before "#".');
      continue;
    }
    if (setting.kind === 'unknown' && settingKind(key) !== 'unknown') {
      problem('spaces', name, `${key} has blanks around "=": vsftpd compares the name with them ("unrecognised variable in config file") and refuses to start. Write ${key}=VALUE with no blanks.`);
      if (settingKind(key) === 'bool') setting.bool = boolWord(value.text.trim());
      continue;
    }
    if (setting.kind === 'unknown') {
      problem('unknown-option', name, `This name is not a vsftpd 3.0 setting: vsftpd refuses to start ("unrecognised variable in config file") unless your distribution's build added it.`, false);
      continue;
    }
    if (setting.kind === 'string') continue;
    if (!value.text) {
      problem('missing-value', name, `${name.text} has no value: vsftpd refuses to start ("missing value in config file").`);
      continue;
    }
    const hasCr = value.text.endsWith('\r');
    if (hasCr && !crlf) {
      crlf = true;
      problem('crlf', { start: end - 1, end }, 'Windows (CRLF) line ends: vsftpd keeps the carriage return in each value, so "YES\\r" is a bad boolean and vsftpd refuses to start. Save the file with Unix (LF) line ends.');
    }
    if (setting.kind === 'bool') {
      setting.bool = boolWord(value.text.replace(/\r$/, ''));
      if (setting.bool === undefined) {
        problem('bad-bool', value, `${name.text} takes YES or NO${/\s$/.test(value.text.replace(/\r$/, '')) ? ' (a trailing blank counts as part of the value)' : ''}: vsftpd refuses to start ("bad bool value in config file for: ${name.text}").`);
      }
    }
  } while (pos < text.length);
  return { text, bom, lines, settings, problems };
}

function boolWord(v: string): boolean | undefined {
  const u = v.toUpperCase();
  if (u === 'YES' || u === 'TRUE' || u === '1') return true;
  if (u === 'NO' || u === 'FALSE' || u === '0') return false;
  return undefined;
}

/** The last setting of a name, as its author meant it (vsftpd: the later assignment wins). */
export function lastSetting(doc: VsftpdDocument, name: string): VsftpdSetting | undefined {
  let out: VsftpdSetting | undefined;
  for (const s of doc.settings) if (s.key === name) out = s;
  return out;
}

export interface VsftpdPiece extends Span {
  type: 'bom' | 'ws' | 'comment' | 'name' | 'eq' | 'value' | 'eol';
}

export function vsftpdPieces(doc: VsftpdDocument): VsftpdPiece[] {
  const out: VsftpdPiece[] = [];
  for (const l of doc.lines) {
    let p = l.start;
    const push = (type: VsftpdPiece['type'], s: number, e: number) => {
      if (s > p) out.push({ start: p, end: s, type: 'ws' });
      if (e > s) out.push({ start: s, end: e, type });
      p = Math.max(p, e);
    };
    if (l.index === 0 && doc.bom) push('bom', 0, 1);
    if (l.comment) push('comment', l.comment.start, l.comment.end);
    if (l.setting) {
      push('name', l.setting.name.start, l.setting.name.end);
      if (l.setting.eq) push('eq', l.setting.eq.start, l.setting.eq.end);
      push('value', l.setting.value.start, l.setting.value.end);
    }
    if (l.end > p) out.push({ start: p, end: l.end, type: 'ws' });
    p = Math.max(p, l.end);
    if (l.eolEnd > p) out.push({ start: p, end: l.eolEnd, type: 'eol' });
  }
  return out;
}

export function printVsftpd(doc: VsftpdDocument): string {
  return vsftpdPieces(doc).map((x) => doc.text.slice(x.start, x.end)).join('');
}
