import type { Rule } from '../../rule';
import type { FreepbxDocument, FpSetting } from '../../freepbx/parser';
import { assessSecret, describeReasons, generateSecret, secretPolicy } from '../../secrets';

/**
 * Passwords FreePBX itself shipped (FreePBX/framework amportal.conf; the settings defaults
 * that later amportal.conf files print as "Default Value: …").
 */
export const SHIPPED_DEFAULTS: Readonly<Record<string, string>> = {
  AMPDBPASS: 'amp109',
  AMPMGRPASS: 'amp111',
  FOPPASSWORD: 'passw0rd',
  ARI_ADMIN_PASSWORD: 'ari_password',
};

/** Settings that hold a password: AMPDBPASS, AMPMGRPASS, CDRDBPASS, FOPPASSWORD, ARI_ADMIN_PASSWORD, FTPPASSWORD, … */
const SECRET_KEY = /(PASS|PASSWD|PASSWORD|SECRET)$/i;

/** The user setting that goes with a password setting (AMPDBPASS -> AMPDBUSER). */
const USER_OF: Readonly<Record<string, string>> = {
  AMPDBPASS: 'AMPDBUSER',
  AMPMGRPASS: 'AMPMGRUSER',
  CDRDBPASS: 'CDRDBUSER',
  ARI_ADMIN_PASSWORD: 'ARI_ADMIN_USERNAME',
  FTPPASSWORD: 'FTPUSER',
};

interface Role {
  what: string;
  /** What else must change to the same value. */
  then: (user: string | undefined) => string;
}

const ROLES: Readonly<Record<string, Role>> = {
  AMPMGRPASS: {
    what: "FreePBX's AMI password",
    then: (u) => `set the same value as secret= of AMI user '${u ?? 'admin'}' in manager.conf, then restart Asterisk and FreePBX`,
  },
  AMPDBPASS: {
    what: "the MySQL password of FreePBX's database user",
    then: (u) =>
      `set it as the MySQL password of '${u ?? 'the AMPDBUSER user'}' (ALTER USER … IDENTIFIED BY …) and as AMPDBPASS in both /etc/freepbx.conf and /etc/amportal.conf`,
  },
  CDRDBPASS: {
    what: 'the password of the CDR database user',
    then: (u) => `set it as the MySQL password of '${u ?? 'the CDRDBUSER user'}'`,
  },
  FOPPASSWORD: {
    what: 'the Flash Operator Panel password (transfers and hangups)',
    then: () => 'use it in the operator panel from now on',
  },
  ARI_ADMIN_PASSWORD: {
    what: 'the admin password of the FreePBX User Portal (ARI), which bypasses the per-user logins',
    then: () => 'use it for the User Portal admin login from now on',
  },
};

const GENERIC: Role = { what: 'a FreePBX password', then: () => 'update whatever logs in with it' };

function roleOf(key: string): Role {
  return ROLES[key.toUpperCase()] ?? GENERIC;
}

/** The last setting of a key: the shell's `source` and FreePBX's PHP reader both keep the last one. */
function effectiveSettings(doc: FreepbxDocument): FpSetting[] {
  const last = new Map<string, FpSetting>();
  for (const s of doc.settings) last.set(s.key.text.toUpperCase(), s);
  return [...last.values()].sort((a, b) => a.raw.start - b.raw.start);
}

function userFor(doc: FreepbxDocument, key: string): string | undefined {
  const k = key.toUpperCase();
  const userKey = USER_OF[k] ?? k.replace(/(PASS|PASSWD|PASSWORD|SECRET)$/, 'USER');
  const s = effectiveSettings(doc).find((x) => x.key.text.toUpperCase() === userKey);
  return s?.value || undefined;
}

export const rule: Rule<FreepbxDocument> = {
  id: 'freepbx-default-password',
  title: 'FreePBX password left at its shipped default or weak',
  severity: 'error',
  fileKinds: ['freepbx'],
  fix: 'offer',
  description:
    'FreePBX shipped amportal.conf with AMPMGRPASS=amp111 (the AMI password), AMPDBPASS=amp109 (the database password, and the web-admin login with AUTHTYPE=database on old releases), FOPPASSWORD and ARI_ADMIN_PASSWORD defaults. They are the first passwords tried against AMI, MySQL and the web panels.',
  check(ctx) {
    const doc = ctx.doc;
    for (const s of effectiveSettings(doc)) {
      const key = s.key.text;
      const k = key.toUpperCase();
      if (!SECRET_KEY.test(k) || s.value === undefined || s.value === '') continue;
      const user = userFor(doc, k);
      const role = roleOf(k);
      const shipped = SHIPPED_DEFAULTS[k];
      const isDefault = shipped !== undefined && s.value.toLowerCase() === shipped;
      const verdict = isDefault ? undefined : assessSecret(s.value, { names: user ? [user] : [], ...secretPolicy(ctx.settings) });
      if (!isDefault && !verdict) continue;
      const why = isDefault ? `${key} is still the default password FreePBX shipped` : `${key} is weak: ${describeReasons(verdict!.reasons)}`;
      const secret = generateSecret(24);
      const replacement = s.quote ? `${s.quote}${secret}${s.quote}` : secret;
      ctx.report({
        span: s.raw,
        severity: isDefault ? 'error' : verdict!.severity,
        message: `${why}. It is ${role.what}; published defaults and guessable values are the first thing tried once the service is reachable.`,
        fixes: [
          {
            title: `Replace with a generated 24-character password (then ${role.then(user)})`,
            safety: 'offer',
            edits: [{ start: s.raw.start, end: s.raw.end, newText: replacement }],
          },
        ],
      });
    }
  },
};
