/**
 * sshd's view of a parsed sshd_config: effective global values (first value wins, outside
 * Match blocks), Match-block overrides, where an absent setting is reported and inserted,
 * and the checks that make sshd refuse to start (host-syntax.md §4, host-rules.md §D).
 */
import type { Fix, RuleContext, Severity } from '../../rule';
import type { Span, TextEdit } from '../../text';
import { canonical, KEYWORDS } from './keywords';
import type { SshdArg, SshdDirective, SshdDocument, SshdMatch } from './parser';

/** The first directive outside Match blocks that sets `key` (aliases included). */
export function globalSetting(doc: SshdDocument, key: string): SshdDirective | undefined {
  return doc.global.find((d) => canonical(d.key) === key);
}

/** In each Match block, the first directive that sets `key`. */
export function matchSettings(doc: SshdDocument, key: string): { match: SshdMatch; directive: SshdDirective }[] {
  const out: { match: SshdMatch; directive: SshdDirective }[] = [];
  for (const m of doc.matches) {
    const d = m.directives.find((x) => canonical(x.key) === key);
    if (d) out.push({ match: m, directive: d });
  }
  return out;
}

/** The value of a yes/no or one-word setting, lower-cased, when sshd would accept it. */
export function wordValue(d: SshdDirective): string | undefined {
  if (d.args.length !== 1 || d.badQuotes) return undefined;
  const info = KEYWORDS[d.key];
  const v = d.args[0].text.toLowerCase();
  if (info?.kind === 'flag') return v === 'yes' || v === 'no' ? v : undefined;
  if (info?.kind === 'enum') return info.values!.includes(v) ? v : undefined;
  return v;
}

/** An integer setting's value when sshd would accept it. */
export function intValue(d: SshdDirective): number | undefined {
  if (d.args.length !== 1 || d.badQuotes || !/^[+-]?\d+$/.test(d.args[0].text)) return undefined;
  return Number(d.args[0].text);
}

/** Global `Include` lines before a position (their files are read there, so they win over later lines). */
export function includesBefore(doc: SshdDocument, offset: number): SshdDirective[] {
  return doc.includes.filter((i) => !i.match && i.keyword.start < offset);
}

export function includeNames(incs: SshdDirective[]): string {
  return incs.map((i) => i.args.map((a) => a.text).join(' ')).join(', ');
}

/** Where a finding about an absent setting goes: the first directive's keyword (or the file start). */
export function absentSpan(doc: SshdDocument): Span {
  const first = doc.directives[0];
  return first ? first.keyword : { start: 0, end: 0 };
}

/** The file's line terminator. */
export function eolOf(doc: SshdDocument): string {
  const l = doc.lines.find((x) => x.eolEnd > x.end);
  return l ? doc.text.slice(l.end, l.eolEnd) : '\n';
}

/**
 * Adds `Keyword value` as a global setting that nothing before it overrides: before the first
 * `Include` or `Match` line (a drop-in read later cannot override it; a line after a Match
 * would belong to that block), else at the end of the file.
 */
export function insertSetting(doc: SshdDocument, keyword: string, value: string): TextEdit {
  const eol = eolOf(doc);
  const before = doc.directives.find((d) => (d.key === 'include' && !d.match) || d.key === 'match');
  if (before) {
    const at = doc.lines[before.line].start + (doc.bom && before.line === 0 ? 1 : 0);
    return { start: at, end: at, newText: `${keyword} ${value}${eol}` };
  }
  const t = doc.text;
  const lead = t.length && !t.endsWith('\n') ? eol : '';
  return { start: t.length, end: t.length, newText: `${lead}${keyword} ${value}${eol}` };
}

/** Replaces a directive's (single) value. */
export function replaceValue(d: SshdDirective, value: string): TextEdit {
  const a = d.args[0];
  return { start: a.start, end: a.end, newText: value };
}

/** Says which connections a Match block applies to. */
export function matchLabel(m: SshdMatch): string {
  return `for connections matching \`Match ${m.criteria}\` (line ${m.directive.line + 1})`;
}

/** True when a Match block is limited to source addresses (`Address 192.0.2.0/24`), not a wildcard. */
export function addressOnly(m: SshdMatch): boolean {
  const a = m.directive.args.map((x) => x.text);
  if (a.length < 2 || a.length % 2) return false;
  for (let i = 0; i < a.length; i += 2) {
    const crit = a[i].toLowerCase();
    if (crit !== 'address' && crit !== 'localaddress' && crit !== 'localport') continue;
    if (a[i + 1].split(',').some((p) => p === '*' || p.startsWith('!') || p === '0.0.0.0/0' || p === '::/0')) return false;
    return true;
  }
  return false;
}

export interface SshdCheck {
  rule: 'sshd-invalid-value' | 'sshd-unknown-keyword';
  severity: Severity;
  span: Span;
  message: string;
  fixes: Fix[];
}

const MATCH_CRITERIA = new Set(['all', 'user', 'group', 'host', 'address', 'localaddress', 'localport', 'rdomain', 'invalid-user']);
const ON = new Set(['on', 'true', '1', 'enable', 'enabled']);
const OFF = new Set(['off', 'false', '0', 'disable', 'disabled']);

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return dp[a.length][b.length];
}

/** The keyword a misspelt one was probably meant to be, with the spelling used in sshd_config(5). */
const SPELLING: Record<string, string> = {};
for (const k of ['PermitRootLogin', 'PasswordAuthentication', 'KbdInteractiveAuthentication', 'ChallengeResponseAuthentication', 'PermitEmptyPasswords', 'MaxAuthTries', 'UsePAM', 'PubkeyAuthentication', 'AuthorizedKeysFile', 'AllowUsers', 'AllowGroups', 'DenyUsers', 'DenyGroups', 'ListenAddress', 'Port', 'X11Forwarding', 'AllowTcpForwarding', 'ClientAliveInterval', 'ClientAliveCountMax', 'LoginGraceTime', 'MaxSessions', 'MaxStartups', 'LogLevel', 'SyslogFacility', 'Subsystem', 'AcceptEnv', 'PrintMotd', 'UseDNS', 'HostKey', 'Banner', 'Ciphers', 'MACs', 'KexAlgorithms', 'IgnoreRhosts', 'HostbasedAuthentication', 'PermitUserEnvironment', 'Include', 'Match']) {
  SPELLING[k.toLowerCase()] = k;
}
function suggestion(key: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of Object.keys(SPELLING)) {
    const dist = editDistance(key, k);
    if (dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  return best ? SPELLING[best] : undefined;
}

function yesNoMapping(v: string): string | undefined {
  const l = v.toLowerCase();
  return ON.has(l) ? 'yes' : OFF.has(l) ? 'no' : undefined;
}

/** Everything in the file that makes sshd refuse to start, or that it ignores. */
export function sshdChecks(doc: SshdDocument): SshdCheck[] {
  const out: SshdCheck[] = [];
  const invalid = (span: Span, message: string, fixes: Fix[] = []) => out.push({ rule: 'sshd-invalid-value', severity: 'error', span, message, fixes });
  for (const p of doc.problems) {
    invalid(p.span, p.message, p.code === 'bom' ? [{ title: 'Remove the byte order mark', edits: [{ start: 0, end: 1, newText: '' }], safety: 'safe' }] : []);
  }
  for (const d of doc.directives) {
    const name = d.keyword.text;
    const info = KEYWORDS[d.key];
    if (!info) {
      const s = suggestion(d.key);
      out.push({
        rule: 'sshd-unknown-keyword',
        severity: 'error',
        span: d.keyword,
        message: `'${name}' is not an sshd keyword: sshd stops with "Bad configuration option" and refuses to start (a lock-out when you edit it over SSH and restart).${s ? ` Did you mean ${s}?` : ''}`,
        fixes: s ? [{ title: `Change to ${s}`, edits: [{ start: d.keyword.start, end: d.keyword.end, newText: s }], safety: 'offer' }] : [],
      });
      continue;
    }
    if (info.status) {
      out.push({
        rule: 'sshd-unknown-keyword',
        severity: 'info',
        span: d.keyword,
        message: info.status === 'ignored' ? `${name} is ignored by current OpenSSH (only protocol 2 exists).` : `${name} is ${info.status === 'deprecated' ? 'deprecated' : 'not supported by this build'}: sshd logs "${info.status === 'deprecated' ? 'Deprecated' : 'Unsupported'} option" and ignores it, so this line has no effect.`,
        fixes: [],
      });
    } else if (info.since) {
      out.push({
        rule: 'sshd-unknown-keyword',
        severity: 'info',
        span: d.keyword,
        message: `${name} needs OpenSSH ${info.since} or later: older servers (Debian 12 ships 9.2) stop with "Bad configuration option" and refuse to start.`,
        fixes: [],
      });
    }
    if (d.match && d.key !== 'match' && !info.match) {
      invalid(d.keyword, `${name} is not allowed inside a Match block (line ${d.match.directive.line + 1}): sshd stops with "Directive '${name}' is not allowed within a Match block" and refuses to start. Move it above the first Match line.`);
      continue;
    }
    if (!d.args.length || d.badQuotes) continue;
    if (d.key === 'match') {
      checkMatch(d, invalid);
      continue;
    }
    if (info.kind === 'other') continue;
    const a = d.args[0];
    const v = a.text;
    const hash = v.indexOf('#');
    let valid = true;
    const accepts = (w: string) => {
      const l = w.toLowerCase();
      if (info.kind === 'flag') return l === 'yes' || l === 'no';
      if (info.kind === 'enum') return info.values!.includes(l);
      if (info.kind === 'int') return /^\+?\d+$/.test(w) && Number(w) <= 2147483647;
      return /^\d+$/.test(w) && Number(w) >= 1 && Number(w) <= 65535;
    };
    if (!accepts(v)) {
      valid = false;
      if (hash > 0 && accepts(v.slice(0, hash))) {
        invalid(a, `The '#' is glued to the value, so sshd reads '${v}' as the value ("unsupported option") and refuses to start: a comment must be separated by a space.`, [
          { title: 'Separate the comment from the value', edits: [{ start: a.start + hash, end: a.start + hash, newText: ' ' }], safety: 'safe' },
        ]);
      } else if (info.kind === 'flag') {
        const to = yesNoMapping(v);
        invalid(a, `${name} takes yes or no; sshd stops with 'unsupported option "${v}"' and refuses to start.`, to ? [{ title: `Write ${to}`, edits: [{ start: a.start, end: a.end, newText: to }], safety: 'offer' }] : []);
      } else if (info.kind === 'enum') {
        invalid(a, `${name} takes one of ${info.values!.join(', ')}; sshd stops with 'unsupported option "${v}"' and refuses to start.`);
      } else if (info.kind === 'int') {
        invalid(a, `${name} takes an integer; sshd stops with "${name} integer value invalid" and refuses to start.`);
      } else {
        invalid(a, `'${v}' is not a port number (1-65535): sshd stops with "Badly formatted port number" and refuses to start.`);
      }
    }
    if (d.args.length > 1 && valid) {
      const extra = d.args[1];
      const backslash = d.args[d.args.length - 1].text === '\\';
      invalid(
        { start: extra.start, end: d.args[d.args.length - 1].end },
        backslash && d.args.length === 2
          ? `sshd_config has no line continuation: the trailing backslash is an extra argument of ${name}, and sshd refuses to start ("extra arguments at end of line").`
          : `${name} takes one value; sshd reports "extra arguments at end of line" and refuses to start.`,
      );
    }
  }
  return out;
}

function checkMatch(d: SshdDirective, invalid: (span: Span, message: string) => void): void {
  const a: SshdArg[] = d.args;
  for (let i = 0; i < a.length; ) {
    const crit = a[i].text.toLowerCase();
    if (!MATCH_CRITERIA.has(crit)) {
      invalid(a[i], `Unknown Match criterion '${a[i].text}' (User, Group, Host, Address, LocalAddress, LocalPort, RDomain or All): sshd refuses to start.`);
      return;
    }
    if (crit === 'all' || crit === 'invalid-user') {
      if (crit === 'all' && a.length > 1) invalid(a[i], "'Match All' must appear alone: sshd refuses to start.");
      i++;
      continue;
    }
    if (i + 1 >= a.length) {
      invalid(a[i], `Match ${a[i].text} needs a pattern: sshd refuses to start.`);
      return;
    }
    i += 2;
  }
}

/** Shorthand for the rules: the document, and whether absent settings may be reported. */
export function absentAllowed(ctx: RuleContext<SshdDocument>): boolean {
  return !ctx.fragment;
}

/** The note about Include lines for an absent setting. */
export function absentNote(doc: SshdDocument): string {
  const incs = doc.includes.filter((i) => !i.match);
  return incs.length ? ` (unless a file read by \`Include ${includeNames(incs)}\` sets it: pbxlint checks one file at a time)` : '';
}

const CHECKS = new WeakMap<SshdDocument, SshdCheck[]>();

/** {@link sshdChecks}, computed once per document. */
export function checksOf(doc: SshdDocument): SshdCheck[] {
  let c = CHECKS.get(doc);
  if (!c) {
    c = sshdChecks(doc);
    CHECKS.set(doc, c);
  }
  return c;
}
