import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue } from '../../asterisk/edits';
import { generalValue } from '../helpers';

export const rule: Rule = {
  id: 'sip-autocreatepeer',
  title: 'autocreatepeer lets any device register without a password',
  severity: 'error',
  fileKinds: ['sip'],
  fix: 'offer',
  description:
    'With autocreatepeer on, chan_sip creates a peer for every REGISTER it receives, without authentication. Anyone who can reach the port becomes a local device and can call from the [general] context.',
  check(ctx) {
    const e = generalValue(ctx, 'autocreatepeer');
    if (!e) return;
    const persist = e.value.toLowerCase() === 'persist';
    if (!persist && !astTrue(e.value)) return;
    ctx.report({
      span: e.line.assign!.value,
      message: `autocreatepeer=${e.value}: chan_sip creates a peer for any device that sends a REGISTER, with no password${persist ? ', and keeps those peers across reloads' : ''}. Anyone who reaches the SIP port becomes a local phone and can call from the [general] context. Only acceptable behind a proxy that authenticates every request.`,
      fixes: [{ title: 'Set autocreatepeer=no (devices must then be defined as peers)', safety: 'offer', edits: [replaceValue(e, 'no')] }],
    });
  },
};
