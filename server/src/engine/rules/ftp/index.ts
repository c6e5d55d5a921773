/** The ftp rules, in report order. */
import type { AnyRule } from '../../rule';
import { rule as vsftpdAnonymous } from './vsftpd-anonymous';
import { rule as tftpEnabled } from './tftp-enabled';
import { rule as invalidLine } from './invalid-line';

export const FTP_RULES: readonly AnyRule[] = [vsftpdAnonymous, tftpEnabled, invalidLine];
