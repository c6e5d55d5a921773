import type { Rule } from '../../rule';
import type { MyCnfDocument } from '../../host/mycnf/parser';
import { isServerGroup, isClientGroup, normName, serverEffective, shown } from '../../host/mycnf/model';
import { fix } from './util';

export const rule: Rule<MyCnfDocument> = {
  id: 'mysql-group-name-whitespace',
  title: 'Space after [ makes the group unknown: its settings are ignored',
  severity: 'error',
  fileKinds: ['mycnf'],
  fix: 'offer',
  description:
    "MySQL/MariaDB remove spaces before ']' but not after '[': '[ mysqld ]' is a group called ' mysqld' that no program reads, so every setting under it (typically bind-address or skip-networking) is silently ignored and the server keeps its defaults, listening on all interfaces.",
  check(ctx) {
    const doc = ctx.doc;
    for (const p of doc.problems) {
      if (p.code !== 'group-whitespace') continue;
      const line = doc.lines[p.line];
      const h = line.header!;
      const trimmed = h.name.text.trim();
      const group = doc.groups.find((g) => g.header === line);
      const settings = (group?.lines ?? []).filter((l) => l.kind === 'option').map((l) => normName(l.option!.name.text.split(/[ \t\r\v\f]/)[0]));
      const server = isServerGroup(trimmed);
      const listed = settings.length ? ` (${settings.slice(0, 4).map(shown).join(', ')}${settings.length > 4 ? ', …' : ''})` : '';
      const bindLost =
        server && settings.includes('bind-address') && !serverEffective(doc, 'bind-address') && serverEffective(doc, 'skip-networking')?.state !== 'on'
          ? ` The bind-address here does not apply: unless another file sets one, the server listens on all interfaces.`
          : '';
      const raw = doc.text.slice(h.open.start, h.close!.end);
      const reader = server ? 'the server' : isClientGroup(trimmed) ? 'the client programs' : `the programs that read [${trimmed}]`;
      ctx.report({
        span: p.span,
        severity: server ? 'error' : 'warning',
        message: `'${shown(raw)}' is not [${shown(trimmed)}]: the space after '[' is part of the group name, so ${settings.length === 1 ? 'the setting' : `none of the ${settings.length} settings`} under it${listed} ${settings.length === 1 ? 'does not reach' : 'reach'} ${reader}.${bindLost}`,
        fixes: [fix(`Rename to [${shown(trimmed)}] (its settings then apply)`, [{ start: h.name.start, end: h.name.end, newText: trimmed }], 'offer')],
      });
    }
  },
};
