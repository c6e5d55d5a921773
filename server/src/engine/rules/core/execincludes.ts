import type { Rule } from '../../rule';
import { astTrue } from '../../asterisk/values';
import { replaceValue } from '../../asterisk/edits';
import { optionValue } from './util';

export const rule: Rule = {
  id: 'asterisk-execincludes',
  title: '#exec in configuration files runs shell commands',
  severity: 'warning',
  fileKinds: ['asterisk'],
  fix: 'offer',
  description:
    'With execincludes on, a #exec line in any Asterisk configuration file runs a shell command as the Asterisk user every time that file is loaded. Anyone who can write a config file (for example an AMI user with the config write class, or a web GUI) can then run arbitrary commands on the host.',
  check(ctx) {
    const entry = optionValue(ctx.doc, 'execincludes');
    if (entry && astTrue(entry.value)) {
      ctx.report({
        span: entry.line.assign!.value,
        message: `execincludes=${entry.value} in [options]: every #exec line in a configuration file runs a shell command as the Asterisk user on load or reload, so whoever can write a config file (AMI UpdateConfig, a web GUI, a writable include) can run commands on this host.`,
        fixes: [
          {
            title: 'Set execincludes=no (#exec lines are then ignored; generate such files with a cron job instead)',
            edits: [replaceValue(entry, 'no')],
            safety: 'offer',
          },
        ],
      });
    }
    // #exec inside asterisk.conf itself: Asterisk clears the flag after reading this file, so only
    // the -X command-line option makes it run (main/options.c load_asterisk_conf).
    for (const line of ctx.doc.lines) {
      if (line.kind !== 'directive' || line.directive!.word.text.toLowerCase() !== 'exec') continue;
      ctx.report({
        span: line.directive!.arg ?? line.directive!.word,
        severity: 'info',
        message:
          '#exec in asterisk.conf runs this command through the shell at startup when Asterisk is started with -X (execincludes does not apply to asterisk.conf itself); otherwise it is ignored with a warning. Either way the program and everything it reads must be writable by root only.',
      });
    }
  },
};
