import type { Rule, Severity } from '../../rule';
import { DANGEROUS_WRITE, amiListener, amiUserRemote, amiUsers, effectivePermissions, permissionEntry, permissionItems } from '../../asterisk/manager';
import { nameList } from '../helpers';
import { ByLine, inheritedNote } from '../acl/util';

const WHY: Record<string, string> = {
  system: 'system (restart/shutdown, module load, dialplan changes)',
  command: 'command (any CLI command, including ones that run shell commands)',
  config: 'config (rewrite any config file: a new dialplan line or #exec runs code)',
  all: 'all (every class)',
  originate: 'originate (place calls to any number through any dialplan, toll fraud)',
  agi: 'agi (run AGI commands on live channels)',
};

export const rule: Rule = {
  id: 'ami-dangerous-write',
  title: 'AMI user can run commands, rewrite config or originate calls',
  severity: 'error',
  fileKinds: ['manager'],
  description:
    'The write classes system, command and config (and all) give an AMI login control of the host: CLI commands, config rewrites that become code execution (AST-2012-004, AST-2014-006, CVE-2024-42365 for originate), restarts. originate and agi let it place calls or drive channels. A stolen or guessed AMI secret is then a shell or a toll-fraud line.',
  check(ctx) {
    const l = amiListener(ctx.doc, ctx.settings);
    const groups = new ByLine<{ classes: string[]; severity: Severity }>();
    for (const user of amiUsers(ctx.doc)) {
      const write = permissionEntry(user, 'write');
      if (!write) continue;
      if (!amiUserRemote(user, l, ctx.fragment)) continue;
      const granted = effectivePermissions(write.value);
      // Classes named outright (or by an unambiguous abbreviation such as `sys,`); what a malformed
      // list grants by accident (`,call`, `c,agent`) is reported by ami-permission-list-malformed.
      const named = new Set(
        permissionItems(write.value)
          .filter((i) => i.kind === 'exact' || (i.kind === 'prefix' && i.meant !== undefined))
          .flatMap((i) => i.grants),
      );
      const classes = Object.keys(DANGEROUS_WRITE).filter((c) => granted.has(c) && named.has(c) && (c === 'all' || !named.has('all')));
      if (!classes.length) continue;
      const severity: Severity = classes.some((c) => DANGEROUS_WRITE[c] === 'error') ? 'error' : 'warning';
      groups.add(write, 'write', user.name, { classes, severity });
    }
    for (const { entry, data, names } of groups.groups()) {
      const list = data.classes.map((c) => WHY[c]).join('; ');
      ctx.report({
        span: entry.line.assign!.value,
        severity: data.severity,
        message: `AMI user${names.length > 1 ? 's' : ''} ${nameList(names)}${inheritedNote(entry, names)} can log in from a non-loopback address and may write ${list}. Whoever gets this secret controls the PBX; grant only the classes the client needs (e.g. write=call,reporting) and keep such users on 127.0.0.1.`,
      });
    }
  },
};
