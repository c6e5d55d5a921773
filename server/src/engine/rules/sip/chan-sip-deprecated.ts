import type { Rule } from '../../rule';
import { findSection } from '../../asterisk/parser';
import { sipPeers } from '../../asterisk/sip';
import { compareVersion } from '../../settings';

export const rule: Rule = {
  id: 'sip-chan-sip-deprecated',
  title: 'chan_sip is deprecated (Asterisk 17) and removed (Asterisk 21)',
  severity: 'info',
  fileKinds: ['sip'],
  description:
    'chan_sip has been unmaintained since Asterisk 17 and is gone in 21: security bugs in it are no longer fixed, and on 21 or later sip.conf is not read at all, so none of the peers, passwords or restrictions in it apply. Migrate to res_pjsip (pjsip.conf).',
  check(ctx) {
    // One finding per main sip.conf; an included fragment belongs to a file that gets its own.
    if (ctx.fragment) return;
    const first = ctx.doc.sections[0];
    if (!first?.header.header) return;
    if (!findSection(ctx.doc, 'general') && sipPeers(ctx.doc).length === 0) return;
    const v = ctx.settings.asteriskVersion;
    if (compareVersion(ctx.settings, 21) >= 0) {
      ctx.report({
        span: first.header.header.name,
        severity: 'error',
        message: `chan_sip does not exist in Asterisk ${v} (it was removed in 21.0.0): this sip.conf is not read at all. None of its peers, secrets, ACLs or [general] settings apply, whatever the file says; phones defined here cannot register. Move them to pjsip.conf (contrib/scripts/sip_to_pjsip/ converts most of it) and delete or archive this file.`,
      });
    } else if (compareVersion(ctx.settings, 17) >= 0) {
      ctx.report({
        span: first.header.header.name,
        severity: 'warning',
        message: `chan_sip is deprecated (since Asterisk 17; target: ${v}) and removed in 21: it receives no security fixes, and the upgrade to 21 silently drops everything in this file. Migrate to res_pjsip (pjsip.conf; contrib/scripts/sip_to_pjsip/ converts most of it) and add 'noload => chan_sip.so' to modules.conf.`,
      });
    } else {
      ctx.report({
        span: first.header.header.name,
        message: `chan_sip is deprecated from Asterisk 17 and removed in 21 (target: Asterisk ${v}): plan the move to res_pjsip (pjsip.conf) before upgrading, because Asterisk 21 ignores sip.conf entirely.`,
      });
    }
  },
};
