import { emptyRegistration, HostRegistration } from '../registration';

/** The iptables family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['iptables']);
