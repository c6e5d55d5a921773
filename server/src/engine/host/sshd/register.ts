import { emptyRegistration, HostRegistration } from '../registration';

/** The sshd family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['sshd']);
