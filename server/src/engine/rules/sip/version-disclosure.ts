import type { Rule } from '../../rule';
import { replaceValue } from '../../asterisk/edits';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';
import { setAllInGeneral } from './util';

/** A value that still names Asterisk with a version number ("Asterisk PBX 13.38.3"). */
function disclosesVersion(v: string): boolean {
  return /asterisk/i.test(v) && /\d+\.\d+/.test(v);
}

export const rule: Rule = {
  id: 'sip-version-disclosure',
  title: 'SIP responses reveal the Asterisk version',
  severity: 'info',
  fileKinds: ['sip'],
  fix: 'safe',
  description:
    'By default chan_sip sends "Asterisk PBX <version>" in the User-Agent/Server header of every request and response and in the SDP session name of every call. Scanners read it from one OPTIONS reply and pick the exploits that match.',
  check(ctx) {
    const missing: string[] = [];
    for (const key of ['useragent', 'sdpsession']) {
      const e = generalValue(ctx, key);
      if (!e) {
        missing.push(key);
        continue;
      }
      if (!disclosesVersion(e.value)) continue;
      ctx.report({
        span: e.line.assign!.value,
        message: `${key} names Asterisk and its version: anyone who sends an OPTIONS request (or receives a call) learns which vulnerabilities apply. Use a neutral value.`,
        fixes: [{ title: `Set ${key}=PBX`, safety: 'offer', edits: [replaceValue(e, 'PBX')] }],
      });
    }
    if (!missing.length || ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    const what = missing.length === 2 ? 'useragent and sdpsession are not set' : `${missing[0]} is not set`;
    const where = missing.length === 2 ? 'in the User-Agent/Server header of every SIP message and in the SDP of every call' : missing[0] === 'useragent' ? 'in the User-Agent/Server header of every SIP message' : 'in the SDP session name (s=) of every call';
    ctx.report({
      span: anchor.span,
      message: `${what}${caveat.note}, so chan_sip announces "Asterisk PBX <version>" ${where}: one OPTIONS request tells a scanner which vulnerabilities apply.`,
      fixes: [{ title: `Set ${missing.map((k) => `${k}=PBX`).join(' and ')} in [general]`, safety: 'safe', edits: setAllInGeneral(ctx.doc, missing.map((k) => [k, 'PBX'] as [string, string])) }],
      related: caveat.related,
    });
  },
};
