/** Small pieces several rules share. */
import type { ConfDocument, Entry, Section } from '../asterisk/parser';
import { findSection, lastValue } from '../asterisk/parser';
import type { RelatedInfo, RuleContext, Severity } from '../rule';
import { assessSecret, describeReasons, generateSecret, secretPolicy } from '../secrets';
import type { Span } from '../text';
import { replaceValue } from '../asterisk/edits';

/**
 * The last value of a `[general]` key as this file sets it. In an included fragment
 * (FreePBX `sip_general_custom.conf`) the lines before any header belong to the including
 * file's current section, which for these files is `[general]`.
 */
export function generalValue(ctx: RuleContext, lkey: string): Entry | undefined {
  const general = findSection(ctx.doc, 'general');
  if (general) return lastValue(general, lkey);
  if (!ctx.fragment) return undefined;
  for (let i = ctx.doc.preamble.length - 1; i >= 0; i--) if (ctx.doc.preamble[i].lkey === lkey) return ctx.doc.preamble[i];
  return undefined;
}

/** Where to report a key that is absent from `[general]`: the header, or the file's first line. */
export function generalAnchor(doc: ConfDocument): { section?: Section; span: Span } {
  const general = findSection(doc, 'general');
  if (general) return { section: general, span: general.header.header!.name };
  const first = doc.lines[0];
  return { span: { start: first.start, end: first.end } };
}

/**
 * Files #included into a section may set the key we miss: say so, and lower the severity,
 * rather than claim what we cannot see from one file.
 */
export function includeCaveat(section: Section | undefined, severity: Severity): { note: string; severity: Severity; related: RelatedInfo[] } {
  const incs = section?.includes ?? [];
  if (!incs.length) return { note: '', severity, related: [] };
  const names = incs.map((l) => l.directive!.arg!.text);
  return {
    note: ` (unless ${names.join(', ')}, included here, sets it: pbxlint checks one file at a time)`,
    severity: 'info',
    related: incs.map((l) => ({ span: l.directive!.arg!, message: 'included file may set this' })),
  };
}

/** Lists section names for a message: "peers 1001, 1002 and 3 more". */
export function nameList(names: string[], max = 3): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= max) return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted.join('');
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}

/**
 * Reports weak secrets. Sections that share one secret line (through a template) are
 * grouped into one finding on that line, which names them all. The message never contains
 * the secret.
 */
export function reportWeakSecrets(
  ctx: RuleContext,
  items: { entry: Entry; owner: string; names: string[]; what: string }[],
  account: string,
  reprovision: string,
  impact: string,
): void {
  const byLine = new Map<Entry, { owners: string[]; names: Set<string>; what: string }>();
  for (const it of items) {
    const g = byLine.get(it.entry) ?? { owners: [], names: new Set<string>(), what: it.what };
    g.owners.push(it.owner);
    for (const n of it.names) g.names.add(n);
    byLine.set(it.entry, g);
  }
  for (const [entry, g] of byLine) {
    const verdict = assessSecret(entry.value, { names: [...g.names], ...secretPolicy(ctx.settings) });
    if (!verdict) continue;
    const inherited = entry.writtenIn && !g.owners.includes(entry.writtenIn.name);
    const who = `${account}${g.owners.length > 1 ? 's' : ''} ${nameList(g.owners)}`;
    const where = inherited ? ` (set in template '${entry.writtenIn!.name}')` : '';
    ctx.report({
      span: entry.line.assign!.value,
      severity: verdict.severity,
      message: `Weak ${g.what} for ${who}${where}: ${describeReasons(verdict.reasons)}. ${impact}`,
      fixes: [
        {
          title: `Replace with a generated 24-character secret (then ${reprovision})`,
          edits: [replaceValue(entry, generateSecret(24))],
          safety: 'offer',
        },
      ],
    });
  }
}
