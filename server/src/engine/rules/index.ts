/**
 * The rule registry. Each family (the rule-id prefix) keeps its own list in
 * `rules/<family>/index.ts`; adding a rule means adding its file, one line in its family's
 * list, its page under docs/rules/ and its fixtures under test/fixtures/rules/<id>/.
 */
import type { AnyRule } from '../rule';
import { CONFIG_RULES } from './config';
import { SECRET_RULES } from './secret';
import { ACL_RULES } from './acl';
import { SIP_RULES } from './sip';
import { PJSIP_RULES } from './pjsip';
import { IAX_RULES } from './iax';
import { AMI_RULES } from './ami';
import { HTTP_RULES } from './http';
import { ARI_RULES } from './ari';
import { DIALPLAN_RULES } from './dialplan';
import { CORE_RULES } from './core';
import { FREEPBX_RULES } from './freepbx';
import { MYSQL_RULES } from './mysql';
import { APACHE_RULES } from './apache';
import { PAM_RULES } from './pam';
import { SSHD_RULES } from './sshd';
import { FAIL2BAN_RULES } from './fail2ban';
import { IPTABLES_RULES } from './iptables';
import { FTP_RULES } from './ftp';
import { PBXLINT_RULES } from './pbxlint';

export const RULES: readonly AnyRule[] = [
  ...CONFIG_RULES,
  ...SECRET_RULES,
  ...ACL_RULES,
  ...SIP_RULES,
  ...PJSIP_RULES,
  ...IAX_RULES,
  ...AMI_RULES,
  ...HTTP_RULES,
  ...ARI_RULES,
  ...DIALPLAN_RULES,
  ...CORE_RULES,
  ...FREEPBX_RULES,
  ...MYSQL_RULES,
  ...APACHE_RULES,
  ...PAM_RULES,
  ...SSHD_RULES,
  ...FAIL2BAN_RULES,
  ...IPTABLES_RULES,
  ...FTP_RULES,
  ...PBXLINT_RULES,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}
