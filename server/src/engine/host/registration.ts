/**
 * How a host-side file family (my.cnf, Apache, PAM, sshd, fail2ban, iptables, FTP/TFTP)
 * plugs into the engine: which kinds it owns, how it recognises its files, which parser
 * reads them. Each family fills in its own `<family>/register.ts`; host/index.ts lists them.
 */
import type { KindInfo } from '../kinds';
import type { Syntax } from '../syntax';

export type HostKind = 'mycnf' | 'apache' | 'pam' | 'sshd' | 'fail2ban' | 'iptables' | 'vsftpd' | 'xinetd';

export interface HostRegistration {
  kinds: readonly HostKind[];
  /** The kind of a file from its path (and content when the path is ambiguous), or undefined. */
  detect(path: string, text: string): KindInfo | undefined;
  /** Cheap pre-filter for directory walks, from the path alone. */
  mayBe(path: string): boolean;
  /** The parser for each kind this family owns. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  syntaxes: Partial<Record<HostKind, Syntax<any>>>;
}

/** A family that recognises nothing yet. */
export function emptyRegistration(kinds: readonly HostKind[]): HostRegistration {
  return { kinds, detect: () => undefined, mayBe: () => false, syntaxes: {} };
}
