import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue } from '../../asterisk/edits';
import { compareVersion } from '../../settings';
import { includeCaveat } from '../helpers';
import { optionsAnchor, optionValue, setInOptions } from './util';

export const rule: Rule = {
  id: 'asterisk-live-dangerously',
  title: 'External interfaces may run dangerous dialplan functions',
  severity: 'error',
  fileKinds: ['asterisk'],
  fix: 'safe',
  description:
    'With live_dangerously on, AMI and ARI clients may call dangerous dialplan functions such as SHELL() and FILE() and read configuration files outside /etc/asterisk. Any AMI user with a modest write class can then run shell commands or read secrets on the host. It defaults to yes in 11.7–11.x and no since 12; before 11.7 the protection does not exist.',
  check(ctx) {
    const entry = optionValue(ctx.doc, 'live_dangerously');
    const v = ctx.settings.asteriskVersion;
    // A bare "11" means the 11 line as a whole: treat it as its later releases (11.7+), which
    // know the option; absent, it is dangerous either way.
    const bare11 = /^\s*11\s*$/.test(v);
    const noProtection = !bare11 && compareVersion(ctx.settings, 11, 7) < 0;
    const why =
      'AMI and ARI clients (and anything that can inject into their requests) may call SHELL(), FILE() and similar functions and read files outside /etc/asterisk, which turns an AMI login into shell access on this host.';
    if (noProtection) {
      if (ctx.fragment) return;
      const anchor = entry ? { span: entry.line.assign!.value } : optionsAnchor(ctx.doc);
      ctx.report({
        span: anchor.span,
        message: `Asterisk ${v} predates the live_dangerously protection (added in 11.7)${entry ? ', so this line has no effect' : ''}: ${why} Upgrade, and meanwhile give AMI users no write classes they do not need.`,
      });
      return;
    }
    const fix = { title: 'Set live_dangerously=no in [options]', safety: 'safe' as const, edits: [] as ReturnType<typeof replaceValue>[] };
    if (entry) {
      if (!astTrue(entry.value)) return;
      fix.edits.push(replaceValue(entry, 'no'));
      ctx.report({ span: entry.line.assign!.value, message: `live_dangerously is on: ${why}`, fixes: [fix] });
      return;
    }
    if (ctx.fragment || compareVersion(ctx.settings, 12, 0) >= 0) return;
    const anchor = optionsAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'error');
    fix.edits.push(setInOptions(ctx.doc, 'live_dangerously', 'no'));
    ctx.report({
      span: anchor.span,
      severity: caveat.note ? caveat.severity : undefined,
      message: `live_dangerously is not set, and on Asterisk ${v} ${bare11 ? '(11.7–11.x; before 11.7 the protection does not exist at all)' : '(11.7–11.x)'} it defaults to yes${caveat.note}: ${why}`,
      fixes: [fix],
      related: caveat.related,
    });
  },
};
