import { emptyRegistration, HostRegistration } from '../registration';

/** The apache family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['apache']);
