/**
 * The rule registry: every rule, in the order findings are reported. Adding a rule means
 * adding its file, one line here, its page under docs/rules/ and its fixtures under
 * test/fixtures/rules/<id>/.
 */
import type { Rule } from '../rule';
import { rule as configFatalParseError } from './config/fatal-parse-error';
import { rule as configInvalidLine } from './config/invalid-line';
import { rule as configStrayCommentEnd } from './config/stray-comment-end';
import { rule as configUnterminatedComment } from './config/unterminated-comment';
import { rule as configTemplateMarkerIgnored } from './config/template-marker-ignored';
import { rule as configSectionNameWhitespace } from './config/section-name-whitespace';
import { rule as configDuplicateGeneral } from './config/duplicate-general';
import { rule as sipSecretWeak } from './sip/secret-weak';
import { rule as sipPeerNoSecret } from './sip/peer-no-secret';
import { rule as sipAllowguest } from './sip/allowguest';
import { rule as sipAlwaysauthreject } from './sip/alwaysauthreject';
import { rule as sipAllowtransfer } from './sip/allowtransfer';
import { rule as sipRegisterCredentials } from './sip/register-credentials';
import { rule as sipInsecureInvite } from './sip/insecure-invite';
import { rule as sipInsecureVery } from './sip/insecure-very';
import { rule as amiSecretWeak } from './ami/secret-weak';
import { rule as amiBindPublic } from './ami/bind-public';
import { rule as amiUserNoAcl } from './ami/user-no-acl';
import { rule as amiAclPermitAll } from './ami/acl-permit-all';

export const RULES: readonly Rule[] = [
  configFatalParseError,
  configInvalidLine,
  configStrayCommentEnd,
  configUnterminatedComment,
  configTemplateMarkerIgnored,
  configSectionNameWhitespace,
  configDuplicateGeneral,
  sipSecretWeak,
  sipPeerNoSecret,
  sipAllowguest,
  sipAlwaysauthreject,
  sipAllowtransfer,
  sipRegisterCredentials,
  sipInsecureInvite,
  sipInsecureVery,
  amiSecretWeak,
  amiBindPublic,
  amiUserNoAcl,
  amiAclPermitAll,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
