import { emptyRegistration, HostRegistration } from '../registration';

/** The fail2ban family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['fail2ban']);
