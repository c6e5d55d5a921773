import type { Fix, Rule } from '../../rule';
import { editable } from '../../asterisk/dialplan';
import type { DpLine } from '../../asterisk/dialplan';
import { dialplanOf } from './util';

const REPLACEMENT: Record<string, string> = { '_.': '_X.', '_!': '_X!' };

export const rule: Rule = {
  id: 'dialplan-wildcard-pattern',
  title: 'Catch-all extension pattern _. or _!',
  severity: 'info',
  fileKinds: ['extensions'],
  fix: 'offer',
  description:
    "'_.' and '_!' match every extension, including the special ones Asterisk itself runs (h after hangup, i, t, T, e, s, a, o). A catch-all meant for dialled numbers then runs again on hangup or timeout, and anything a caller sends, letters and SIP URIs included, lands in it. Asterisk warns about both at load.",
  check(ctx) {
    const dp = dialplanOf(ctx.doc);
    const done = new Set<DpLine>();
    // A template's lines appear in every context that inherits it: report each line once.
    const reported = new Set<number>();
    for (const c of dp.contexts) {
      for (const line of c.lines) {
        if (line.keyword !== 'exten' || line.dropped || done.has(line)) continue;
        const to = REPLACEMENT[line.ext.text];
        if (!to) continue;
        // Every exten line of this extension in the context: renaming only one would split it.
        const group = c.lines.filter((l) => l.keyword === 'exten' && l.extField.text === line.extField.text);
        for (const l of group) done.add(l);
        const fixes: Fix[] = group.every((l) => editable(l.ext))
          ? [
              {
                title: `Replace ${line.ext.text} with ${to}${group.length > 1 ? ` on all ${group.length} lines of this extension` : ''} (only numbers starting with a digit match then; s, h, i, t, '*', '+' and names no longer do)`,
                safety: 'offer',
                edits: group.map((l) => ({ start: l.ext.start, end: l.ext.end, newText: to })),
              },
            ]
          : [];
        for (const l of group) {
          if (reported.has(l.ext.start)) continue;
          reported.add(l.ext.start);
          ctx.report({
            span: l.ext,
            message: `${line.ext.text} in [${c.name}] matches every extension, also h (after hangup), i, t and s: this catch-all runs again when a call hangs up or times out, and any string a caller sends lands here. Match what you mean, e.g. ${to} for numbers, and keep h/i/t as their own extensions.`,
            fixes,
          });
        }
      }
    }
  },
};
