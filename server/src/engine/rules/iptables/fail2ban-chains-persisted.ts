import type { Rule } from '../../rule';
import type { IptDocument } from '../../host/iptables/parser';
import type { Span, TextEdit } from '../../text';
import { deleteLine } from '../../host/iptables/model';

const F2B = /^(f2b-|fail2ban-)/;

export const rule: Rule<IptDocument> = {
  id: 'iptables-fail2ban-chains-persisted',
  title: 'fail2ban\'s runtime chains were saved into the rules file',
  severity: 'info',
  fileKinds: ['iptables'],
  fix: 'offer',
  description:
    'fail2ban creates its f2b-* chains and their INPUT hooks when it starts. Restoring a saved copy at boot brings back stale bans, and when fail2ban starts it adds its hooks again, so every packet is checked twice.',
  check(ctx) {
    const { doc } = ctx;
    for (const t of doc.tables) {
      const names = new Set<string>();
      const first = new Map<string, Span>();
      for (const c of t.chains) if (F2B.test(c.name.text)) {
        names.add(c.name.text);
        first.set(c.name.text, c.name);
      }
      for (const r of t.rules) {
        if (r.target && F2B.test(r.target.text) && !names.has(r.target.text)) {
          names.add(r.target.text);
          first.set(r.target.text, r.target);
        }
      }
      for (const name of names) {
        const lines = new Set<number>();
        for (const c of t.chains) if (c.name.text === name) lines.add(c.line);
        for (const r of t.rules) if (r.chain?.text === name || r.target?.text === name) lines.add(r.line);
        const edits: TextEdit[] = [...lines].sort((a, b) => a - b).map((l) => deleteLine(doc, l));
        ctx.report({
          span: first.get(name)!,
          message: `Chain ${name} belongs to fail2ban, which creates it (and its hook in INPUT) at start: restoring this saved copy resurrects stale bans and, once fail2ban starts, hooks the chain twice. Save the rules with fail2ban stopped, or delete its lines (${lines.size}).`,
          fixes: [{ title: `Delete the ${lines.size} lines of ${name} (fail2ban recreates them)`, edits, safety: 'offer' }],
        });
      }
    }
  },
};
