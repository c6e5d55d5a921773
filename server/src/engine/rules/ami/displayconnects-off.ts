import type { Rule } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import { effective, findSection } from '../../asterisk/parser';
import { amiUsers } from '../../asterisk/manager';
import { deleteLine } from '../../asterisk/edits';
import { astTrue } from '../../asterisk/values';
import { nameList } from '../helpers';
import { ByLine, inheritedNote } from '../acl/util';

/** `displayconnects` is read with ast_true: anything but a true-word turns it off. */
function offLines(entries: readonly Entry[]): Entry[] {
  return entries.filter((e) => e.lkey === 'displayconnects' && !astTrue(e.value));
}

export const rule: Rule = {
  id: 'ami-displayconnects-off',
  title: 'AMI logins and logoffs are not logged',
  severity: 'info',
  fileKinds: ['manager'],
  fix: 'safe',
  description:
    'displayconnects=no hides "Manager user logged on/off from <address>" from the console and the logs, so a successful login by someone who guessed or stole an AMI secret leaves no trace to alert on.',
  check(ctx) {
    const general = findSection(ctx.doc, 'general');
    const scope = general ? effective(general) : ctx.fragment ? ctx.doc.preamble : [];
    const last = [...scope].reverse().find((e) => e.lkey === 'displayconnects');
    if (last && !astTrue(last.value)) {
      ctx.report({
        span: last.line.assign!.value,
        message: `displayconnects=${last.value} in [general] turns off the "Manager user logged on/off" messages for every AMI user (only a yes/true/on/1 word keeps them): a break-in through AMI leaves no trace in the log.`,
        fixes: [{ title: 'Remove the line (the default, yes, logs every AMI login)', safety: 'safe', edits: offLines(scope).map((e) => deleteLine(e.line)) }],
      });
    }
    const groups = new ByLine<{ lines: Set<Entry> }>();
    for (const user of amiUsers(ctx.doc)) {
      const entries = effective(user);
      const own = [...entries].reverse().find((e) => e.lkey === 'displayconnects');
      if (!own || astTrue(own.value)) continue;
      groups.add(own, 'displayconnects', user.name, { lines: new Set() });
      const g = groups.groups().find((x) => x.entry === own)!;
      for (const e of offLines(entries)) g.data.lines.add(e);
    }
    for (const { entry, data, names } of groups.groups()) {
      ctx.report({
        span: entry.line.assign!.value,
        message: `displayconnects=${entry.value} for AMI user${names.length > 1 ? 's' : ''} ${nameList(names)}${inheritedNote(entry, names)}: their logins and logoffs are not logged, so a login with a stolen secret goes unnoticed.`,
        fixes: [
          {
            title: 'Remove the line (the user then follows [general], which logs logins by default)',
            safety: 'safe',
            edits: [...data.lines].sort((a, b) => a.line.start - b.line.start).map((e) => deleteLine(e.line)),
          },
        ],
      });
    }
  },
};
