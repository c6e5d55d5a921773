import { safeQuote } from '../../secrets';
import type { Rule, Severity } from '../../rule';
import {
  DANGEROUS_WRITE,
  PermItem,
  amiUsers,
  describePermissions,
  effectivePermissions,
  normalisePermissionList,
  permissionEntry,
  permissionItems,
} from '../../asterisk/manager';
import { replaceValue } from '../../asterisk/edits';
import { nameList } from '../helpers';
import { ByLine, inheritedNote } from '../acl/util';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function problem(it: PermItem, key: 'read' | 'write'): { text: string; severity: Severity } | undefined {
  const dangerous = key === 'write' && it.grants.some((g) => g in DANGEROUS_WRITE);
  const grants = (g: string[]) => describePermissions(new Set(g));
  switch (it.kind) {
    case 'empty':
      return { text: 'an empty item (a leading or doubled comma) is matched as a prefix of every class name and grants all of them', severity: key === 'write' ? 'error' : 'warning' };
    case 'prefix':
      if (it.meant === undefined)
        return { text: `'${it.text}' is not the last item, so it is matched as a prefix and grants ${grants(it.grants)}`, severity: dangerous ? 'error' : 'warning' };
      // Grants exactly the class it abbreviates (ami-dangerous-write judges that class): fragile, not wider.
      return { text: `'${it.text}' abbreviates '${it.meant}': it grants it only because it is not the last item`, severity: 'warning' };
    case 'mangled':
      return {
        text: it.text.trim() !== it.text
          ? `'${it.text}' grants nothing: items are not trimmed, so the blank makes it an unknown word`
          : it.last && it.meant !== undefined && it.text.toLowerCase() !== it.meant
            ? `'${it.text}' grants nothing: the last item must be a full class name`
            : `'${it.text}' grants nothing: class names are case-sensitive`,
        severity: 'warning',
      };
    case 'unknown':
      return { text: `'${safeQuote(it.text)}' is not an AMI permission class and grants nothing`, severity: 'warning' };
    default:
      return undefined;
  }
}

export const rule: Rule = {
  id: 'ami-permission-list-malformed',
  title: 'AMI read=/write= list does not grant what it says',
  severity: 'error',
  fileKinds: ['manager'],
  fix: 'offer',
  description:
    'Asterisk matches read=/write= items case-sensitively and untrimmed, and every item but the last as a PREFIX of the class names: "write=,call" grants every class (system and command included), "write=a,call" grants all, "write=c,agent" adds command and config, while "write=System, call" grants nothing. The rights an AMI login really has are not the ones written.',
  check(ctx) {
    const groups = new ByLine<{ key: 'read' | 'write' }>();
    for (const user of amiUsers(ctx.doc)) {
      for (const key of ['read', 'write'] as const) {
        const e = permissionEntry(user, key);
        if (e) groups.add(e, key, user.name, { key });
      }
    }
    for (const { entry, data, names } of groups.groups()) {
      const { key } = data;
      const problems = permissionItems(entry.value)
        .map((it) => problem(it, key))
        .filter((p): p is { text: string; severity: Severity } => !!p);
      if (!problems.length) continue;
      let severity: Severity = problems.reduce<Severity>((s, p) => (RANK[p.severity] > RANK[s] ? p.severity : s), 'info');
      if (key === 'read' && severity === 'error') severity = 'warning';
      const before = effectivePermissions(entry.value);
      const norm = normalisePermissionList(entry.value, key === 'write' ? Object.keys(DANGEROUS_WRITE) : []);
      const fixable = !entry.line.codeMap && entry.op !== '+=' && entry.line.assign!.value.text === entry.value && norm.value !== entry.value;
      const notAdded = norm.notAdded.length
        ? `; ${norm.notAdded.join(', ')} left out because Asterisk does not grant ${norm.notAdded.length > 1 ? 'them' : 'it'} today (add by hand only if the client needs it)`
        : '';
      ctx.report({
        span: entry.line.assign!.value,
        severity,
        message: `${key}= of AMI user${names.length > 1 ? 's' : ''} ${nameList(names)}${inheritedNote(entry, names)}: ${problems.map((p) => p.text).join('; ')}. Asterisk really grants: ${describePermissions(before)}.`,
        fixes: fixable
          ? [
              {
                title: `Rewrite as ${key}=${norm.value} (grants ${describePermissions(before)} -> ${describePermissions(norm.after)}${notAdded})`,
                safety: 'offer',
                edits: [replaceValue(entry, norm.value)],
              },
            ]
          : [],
      });
    }
  },
};
