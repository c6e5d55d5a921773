import type { Rule } from '../../rule';
import { appName } from '../../asterisk/dialplan';
import { Reporter, contextList, dialplanOf, liveLines } from './util';

export const rule: Rule = {
  id: 'dialplan-disa-no-password',
  title: 'DISA() without a password',
  severity: 'error',
  fileKinds: ['extensions'],
  description:
    'DISA(no-password,…) hands a second dial tone to anyone who reaches the extension: they dial out through the DISA context (default [disa]) on your trunks, with no PIN. Toll-fraud scanners look for exactly this.',
  check(ctx) {
    const dp = dialplanOf(ctx.doc);
    const out = new Reporter(ctx);
    for (const line of liveLines(dp)) {
      if (appName(line) !== 'disa') continue;
      const [pass, context] = line.app.args;
      if (!pass) continue;
      // app_disa compares with strcasecmp; the argument parser drops double quotes.
      if (pass.text.replace(/"/g, '').toLowerCase() !== 'no-password') continue;
      const target = context && context.text.trim() !== '' ? context.text.trim() : 'disa';
      out.report(pass, line.context.name, (contexts) => ({
        message: `DISA without a password on extension ${line.ext.text} in ${contextList(contexts)}: whoever reaches it gets a dial tone in [${target}] and calls out on your trunks. Use a numeric passcode or a passcode file, and keep the extension out of contexts that guests, trunks or the demo reach.`,
      }));
    }
    out.flush();
  },
};
