/** Every host-side family, in detection order. */
import type { KindInfo } from '../kinds';
import type { Syntax } from '../syntax';
import type { HostKind, HostRegistration } from './registration';
import { registration as mycnf } from './mycnf/register';
import { registration as apache } from './apache/register';
import { registration as pam } from './pam/register';
import { registration as sshd } from './sshd/register';
import { registration as fail2ban } from './fail2ban/register';
import { registration as iptables } from './iptables/register';
import { registration as ftp } from './ftp/register';

export type { HostKind } from './registration';

const FAMILIES: readonly HostRegistration[] = [mycnf, apache, pam, sshd, fail2ban, iptables, ftp];

export const HOST_KINDS: readonly HostKind[] = FAMILIES.flatMap((f) => f.kinds);

export function detectHostKind(path: string, text: string): KindInfo | undefined {
  for (const f of FAMILIES) {
    const k = f.detect(path, text);
    if (k) return k;
  }
  return undefined;
}

export function mayBeHostFile(path: string): boolean {
  return FAMILIES.some((f) => f.mayBe(path));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function hostSyntax(kind: string): Syntax<any> | undefined {
  for (const f of FAMILIES) {
    const s = f.syntaxes[kind as HostKind];
    if (s) return s;
  }
  return undefined;
}
