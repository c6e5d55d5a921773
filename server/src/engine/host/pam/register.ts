import { emptyRegistration, HostRegistration } from '../registration';

/** The pam family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['pam']);
