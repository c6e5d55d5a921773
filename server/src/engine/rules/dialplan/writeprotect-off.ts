import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { generalAnchor, generalValue, includeCaveat } from '../helpers';

export const rule: Rule = {
  id: 'dialplan-writeprotect-off',
  title: "'dialplan save' can rewrite extensions.conf",
  severity: 'info',
  fileKinds: ['extensions'],
  fix: 'safe',
  description:
    "With static=yes and writeprotect not set to yes, pbx_config registers the CLI command 'dialplan save'. Anyone with CLI access or an AMI account allowed to run commands can then persist dialplan changes made at runtime (a toll-fraud route, a System() call) into extensions.conf, or write a dialplan file to another path.",
  check(ctx) {
    // pbx_config: static_config = ast_true(static); write_protect_config = ast_true(writeprotect);
    // 'dialplan save' exists only when static_config && !write_protect_config.
    const stat = generalValue(ctx, 'static');
    if (!stat || !astTrue(stat.value)) return;
    const wp = generalValue(ctx, 'writeprotect');
    if (wp && astTrue(wp.value)) return;
    const fix = { title: 'Set writeprotect=yes in [general]', safety: 'safe' as const, edits: [wp ? replaceValue(wp, 'yes') : setInGeneral(ctx.doc, 'writeprotect', 'yes')] };
    if (wp) {
      ctx.report({
        span: wp.line.assign!.value,
        message: `writeprotect is not 'yes' while static=yes, so 'dialplan save' is enabled: a CLI user or an AMI account with the command class can write the running dialplan, including extensions added at runtime, over extensions.conf or into another file.`,
        fixes: [fix],
      });
      return;
    }
    if (ctx.fragment) return;
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    ctx.report({
      span: anchor.span,
      message: `static=yes and writeprotect is not set (it defaults to no)${caveat.note}, so 'dialplan save' is enabled: a CLI user or an AMI account with the command class can write the running dialplan over extensions.conf or into another file.`,
      fixes: [fix],
      related: [{ span: stat.line.assign!.value, message: 'static=yes here' }, ...caveat.related],
    });
  },
};
