/**
 * What one host file can learn from its neighbour on the same box, when the caller lets the
 * engine read it (RuleContext.readFile: the CLI allows the trees given on its command line,
 * the server the workspace folders). Used by sshd-password-authentication (does pam.d/sshd
 * lock accounts?) and pam-lockout-missing (does sshd_config accept passwords at all?).
 */
import { join } from 'node:path';
import type { RuleContext } from '../rule';
import { parsePam } from './pam/parser';
import { isFaillock, isTally } from './pam/model';
import { parseSshd } from './sshd/parser';
import { globalSetting, wordValue } from './sshd/model';

/** The /etc that holds a file under /etc/ssh/ or /etc/pam.d/ (or a copy of such a tree). */
function etcOf(path: string, dir: 'ssh' | 'pam.d'): string | undefined {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf(`/${dir}/`);
  return i < 0 ? undefined : p.slice(0, i);
}

export interface Checked<T> {
  /** The file that was read, for the message. */
  path: string;
  value: T;
}

/**
 * Does /etc/pam.d/sshd (with the common-auth it includes) lock accounts after failed logins?
 * 'faillock': yes; 'tally': pam_tally/pam_tally2, gone from Linux-PAM 1.5 (no lockout: the
 * line fails every login instead, see pam-tally-removed); 'none': no lockout module.
 */
export function pamLockout(ctx: RuleContext<unknown>): Checked<'faillock' | 'tally' | 'none'> | undefined {
  const etc = etcOf(ctx.path, 'ssh');
  if (!etc || !ctx.readFile) return undefined;
  const path = join(etc, 'pam.d', 'sshd');
  const text = ctx.readFile(path);
  if (text === undefined) return undefined;
  const rules = [...parsePam(text).rules];
  // Debian's sshd includes common-auth: its lines count as if written here.
  for (const r of rules.slice()) {
    if ((r.atInclude || r.control === 'include' || r.control === 'substack') && r.moduleName && /^[\w.-]+$/.test(r.moduleName)) {
      const inc = ctx.readFile(join(etc, 'pam.d', r.moduleName));
      if (inc !== undefined) rules.push(...parsePam(inc).rules);
    }
  }
  const auth = rules.filter((r) => r.type === 'auth');
  return { path, value: auth.some(isFaillock) ? 'faillock' : auth.some(isTally) ? 'tally' : 'none' };
}

/** Does /etc/ssh/sshd_config accept passwords (PasswordAuthentication, default yes)? */
export function sshdAcceptsPasswords(ctx: RuleContext<unknown>): Checked<boolean> | undefined {
  const etc = etcOf(ctx.path, 'pam.d');
  if (!etc || !ctx.readFile) return undefined;
  const path = join(etc, 'ssh', 'sshd_config');
  const text = ctx.readFile(path);
  if (text === undefined) return undefined;
  const d = globalSetting(parseSshd(text), 'passwordauthentication');
  return { path, value: !d || wordValue(d) !== 'no' };
}

