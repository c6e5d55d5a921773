import { emptyRegistration, HostRegistration } from '../registration';

/** The mycnf family: file recognition and parser (not written yet). */
export const registration: HostRegistration = emptyRegistration(['mycnf']);
