import type { Fix, Rule } from '../../rule';
import { formatSetting, insertLinesBefore, replaceValue, setInSection } from '../../asterisk/edits';
import { last, pjsipModel } from '../../asterisk/pjsip';
import { headerSpan, includeNote, valueSpan } from './util';

const VERSION = /\d+\.\d+/;

export const rule: Rule = {
  id: 'pjsip-version-disclosure',
  title: 'SIP User-Agent reveals the Asterisk version',
  severity: 'info',
  fileKinds: ['pjsip'],
  fix: 'safe',
  description:
    "Without user_agent in the type=global section, every SIP request and response carries 'Asterisk PBX <version>' in its User-Agent/Server header. Scanners read it from a single OPTIONS reply and pick the exploits and CVEs that match your version.",
  check(ctx) {
    const model = pjsipModel(ctx.doc, ctx.path, ctx.settings);
    if (model.wizardFile) return;
    const globals = model.byType('global');
    for (const g of globals) {
      const ua = last(g.section, 'user_agent');
      if (ua && VERSION.test(ua.value)) {
        ctx.report({
          span: valueSpan(ua),
          message: `user_agent in '${g.id}' contains a version number: every SIP message announces it, and scanners match it against known vulnerabilities.`,
          fixes: [{ title: 'Set user_agent=PBX', safety: 'offer', edits: [replaceValue(ua, 'PBX')] }],
        });
      }
    }
    if (globals.some((g) => last(g.section, 'user_agent'))) return;
    // Absent key: the including file may set it; a file that configures nothing discloses nothing.
    if (ctx.fragment || !model.objects.length) return;
    const note = includeNote(model, 'sets user_agent');
    const fixes: Fix[] = [];
    let span = headerSpan(ctx.doc.sections[0]);
    if (globals.length === 1) {
      span = headerSpan(globals[0].section);
      fixes.push({ title: `Set user_agent=PBX in '${globals[0].id}'`, safety: 'safe', edits: [setInSection(ctx.doc, globals[0].section, 'user_agent', 'PBX')] });
    } else if (globals.length > 1) {
      span = headerSpan(globals[0].section);
    } else if (!model.includes.length && !ctx.doc.sections.some((s) => s.name.toLowerCase() === 'global')) {
      // A second global object would fail the load, so only where no other file can hold one.
      fixes.push({
        title: 'Add a [global] section with user_agent=PBX',
        safety: 'safe',
        edits: [
          insertLinesBefore(ctx.doc, ctx.doc.sections[0].header, [
            '[global]',
            formatSetting(ctx.doc, undefined, 'type', 'global'),
            formatSetting(ctx.doc, undefined, 'user_agent', 'PBX'),
            '',
          ]),
        ],
      });
    }
    ctx.report({
      span,
      message: `user_agent is not set in a type=global section${note.note}: every SIP message carries 'Asterisk PBX <version>' in its User-Agent or Server header, and scanners match it against known vulnerabilities.`,
      fixes,
      related: note.related,
    });
  },
};
