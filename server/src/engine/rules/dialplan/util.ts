/** Pieces the dialplan rules share: where caller data is dangerous (sinks), and following it through Gosub/Macro. */
import type { Fix, RelatedInfo, RuleContext, Severity } from '../../rule';
import type { Span } from '../../text';
import {
  CallerRef,
  Dialplan,
  DpLine,
  DpPart,
  appName,
  argOffsets,
  argRefs,
  dialplanOf,
  editable,
  findCallerRefs,
  guarded,
  leaks,
  nodeGuard,
  resolveSubCall,
  scanVars,
  subPart,
} from '../../asterisk/dialplan';

/** Characters that split a Dial()-like argument into another leg (`&`) or another argument (`,`). */
export const DIAL_UNSAFE = '&,';
/** Characters a shell gives a meaning to. */
export const SHELL_UNSAFE = ' \t\n\r;&|$`()<>"\'\\*?[]{}~!';
/** AGI scripts get their arguments split on `,` and often hand them to a shell. */
export const AGI_UNSAFE = `${SHELL_UNSAFE},`;

/** Applications that place calls or pick channels from a dial string. */
export const DIAL_APPS = new Set(['dial', 'retrydial', 'page', 'queue', 'originate', 'chanspy', 'extenspy']);

export type SinkKind = 'dial' | 'shell' | 'agi';

export interface Sink {
  line: DpLine;
  /** The text that reaches the dangerous place. */
  part: DpPart;
  kind: SinkKind;
  /** How it is called in messages: `Dial()`, `System()`, `SHELL()`, `MixMonitor() command`. */
  what: string;
  unsafe: string;
}

/** Every live (loaded, non-hint) line of the dialplan. */
export function liveLines(dp: Dialplan): DpLine[] {
  let lines = LIVE.get(dp);
  if (!lines) {
    lines = [];
    for (const c of dp.contexts) for (const l of c.lines) if (!l.dropped && !l.hint) lines.push(l);
    LIVE.set(dp, lines);
  }
  return lines;
}

const LIVE = new WeakMap<Dialplan, DpLine[]>();

function appLabel(line: DpLine): string {
  return `${line.app.name.text}()`;
}

export function dialSinks(line: DpLine): Sink[] {
  const data = line.app.data;
  if (!data || !DIAL_APPS.has(appName(line))) return [];
  return [{ line, part: data, kind: 'dial', what: appLabel(line), unsafe: DIAL_UNSAFE }];
}

export function shellSinks(line: DpLine): Sink[] {
  const data = line.app.data;
  if (!data) return [];
  const out: Sink[] = [];
  const app = appName(line);
  if (app === 'system' || app === 'trysystem') out.push({ line, part: data, kind: 'shell', what: appLabel(line), unsafe: SHELL_UNSAFE });
  else if (app === 'mixmonitor') {
    // MixMonitor(file,options,command): the command is the rest of the data, commas included.
    const offs = argOffsets(data.text);
    if (offs.length >= 3) out.push({ line, part: subPart(data, offs[2][0], data.text.length), kind: 'shell', what: `${line.app.name.text}() command`, unsafe: SHELL_UNSAFE });
  } else if (app === 'agi' || app === 'eagi' || app === 'deadagi') out.push({ line, part: data, kind: 'agi', what: appLabel(line), unsafe: AGI_UNSAFE });
  // SHELL() anywhere in any application's data.
  for (const node of scanVars(data.text)) {
    if (!node.func || node.name.toUpperCase() !== 'SHELL' || !node.args.length) continue;
    const a = node.args[0];
    const z = node.args[node.args.length - 1];
    out.push({ line, part: subPart(data, a.start, z.end), kind: 'shell', what: 'SHELL()', unsafe: SHELL_UNSAFE });
  }
  return out;
}

/** A caller reference placed in the file. */
export interface PlacedRef {
  ref: CallerRef;
  part: DpPart;
}

export function refsIn(part: DpPart): PlacedRef[] {
  return findCallerRefs(part.text).map((ref) => ({ ref, part: subPart(part, ref.start, ref.end) }));
}

/** The dangerous characters the caller can put in this reference, or '' when none. */
export function reachable(ref: CallerRef, unsafe: string, extenChars: Set<number> | undefined): string {
  if (guarded(ref, unsafe)) return '';
  if (ref.source === 'exten') {
    if (!extenChars) return unsafe;
    return leaks(extenChars, unsafe);
  }
  return unsafe;
}

/** What an existing FILTER() around the reference lets through, for messages. */
export function filterNote(ref: CallerRef, unsafe: string): string {
  const leaky = ref.filters.map((s) => leaks(s, unsafe)).filter((l) => l !== '');
  if (!leaky.length) return '';
  return ` (the FILTER() around it still lets ${[...new Set(leaky.join(''))].map(showChar).join(' ')} through)`;
}

export function showChar(c: string): string {
  if (c === ' ') return "' ' (space)";
  if (c === '\t') return "'\\t'";
  if (c === '\n') return "'\\n'";
  if (c === '\r') return "'\\r'";
  return `'${c}'`;
}

/** `${FILTER(cs,<ref>)}` in place of the reference, when the span can be edited. */
export function filterFix(p: PlacedRef, charset: string, title: string): Fix[] {
  if (!editable(p.part) || p.part.text !== p.ref.text) return [];
  return [{ title, safety: 'offer', edits: [{ start: p.part.start, end: p.part.end, newText: `\${FILTER(${charset},${p.ref.text})}` }] }];
}

/** A use of `${ARGn}` in a sink of the called subroutine. */
export interface ArgFlow {
  n: number;
  sink: Sink;
  span: Span;
}

/**
 * Follows Gosub()/Macro() one level: for each ARGn, the sinks of the called extension that
 * use `${ARGn}` without a FILTER that removes the sink's dangerous characters.
 */
export function argFlows(dp: Dialplan, line: DpLine, sinksOf: (l: DpLine) => Sink[]): { args: DpPart[]; flows: ArgFlow[]; context: string } | undefined {
  const call = resolveSubCall(dp, line);
  if (!call) return undefined;
  const flows: ArgFlow[] = [];
  for (const sub of call.lines) {
    if (sub.dropped || sub.hint) continue;
    for (const sink of sinksOf(sub)) {
      for (const { n, node } of argRefs(sink.part.text)) {
        if (guarded(nodeGuard(node), sink.unsafe)) continue;
        const span = subPart(sink.part, node.start, node.end);
        flows.push({ n, sink, span: { start: span.start, end: span.end } });
      }
    }
  }
  return { args: call.args, flows, context: call.context.name };
}

/** Collects findings per span so a line inherited by several contexts is reported once. */
export class Reporter {
  private readonly seen = new Map<string, { contexts: Set<string> }>();
  constructor(private readonly ctx: RuleContext) {}

  report(span: Span, context: string, make: (contexts: string[]) => { message: string; severity?: Severity; fixes?: Fix[]; related?: RelatedInfo[] }): void {
    const key = `${span.start}:${span.end}`;
    const prev = this.seen.get(key);
    if (prev) {
      prev.contexts.add(context);
      return;
    }
    const entry = { contexts: new Set([context]) };
    this.seen.set(key, entry);
    this.pending.push({ span, entry, make });
  }

  private readonly pending: { span: Span; entry: { contexts: Set<string> }; make: (contexts: string[]) => { message: string; severity?: Severity; fixes?: Fix[]; related?: RelatedInfo[] } }[] = [];

  flush(): void {
    for (const p of this.pending) {
      const r = p.make([...p.entry.contexts]);
      this.ctx.report({ span: p.span, ...r });
    }
    this.pending.length = 0;
  }
}

export { dialplanOf };

/** `'a'`, `'a' and 'b'`, … for context names. */
export function contextList(names: string[]): string {
  const q = names.map((n) => `[${n}]`);
  if (q.length <= 3) return q.length > 1 ? `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}` : q.join('');
  return `${q.slice(0, 3).join(', ')} and ${q.length - 3} more`;
}
