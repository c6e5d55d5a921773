import type { Rule } from '../../rule';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { generalAnchor, includeCaveat } from '../helpers';
import { generalEntries, httpServer, lastOf } from './util';

/** A version number such as 13.38.3 or 18.2 in a servername value. */
const VERSION = /\d+\.\d+/;

export const rule: Rule = {
  id: 'http-servername-version',
  title: 'HTTP server advertises the Asterisk version',
  severity: 'info',
  fileKinds: ['http'],
  fix: 'safe',
  description:
    'Without servername, every HTTP response carries "Server: Asterisk/<version>", which lets scanners pick the exploits and advisories that apply to this exact release.',
  check(ctx) {
    const s = httpServer(ctx);
    if (!s.public) return;
    const name = lastOf(generalEntries(ctx.doc, ctx.fragment), ['servername']);
    if (name) {
      if (!VERSION.test(name.value)) return;
      ctx.report({
        span: name.line.assign!.value,
        message: 'servername contains a version number: every HTTP response tells scanners which release to attack.',
        fixes: [{ title: 'Set servername=Asterisk', safety: 'safe', edits: [replaceValue(name, 'Asterisk')] }],
      });
      return;
    }
    if (ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    ctx.report({
      span: anchor.span,
      message: `servername is not set${caveat.note}, so every HTTP response on this public listener says "Server: Asterisk/<version>": scanners learn which advisories apply.`,
      fixes: [{ title: 'Add servername=Asterisk', safety: 'safe', edits: [setInGeneral(ctx.doc, 'servername', 'Asterisk')] }],
      related: caveat.related,
    });
  },
};
