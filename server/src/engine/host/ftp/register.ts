import { emptyRegistration, HostRegistration } from '../registration';

/** The ftp family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['vsftpd', 'xinetd']);
