import type { Rule } from '../../rule';
import { charsetFor, extenAlphabet, fixedAlphabet, hasWildcard } from '../../asterisk/dialplan';
import type { DpLine } from '../../asterisk/dialplan';
import { DIAL_UNSAFE, Reporter, argFlows, contextList, dialSinks, dialplanOf, filterFix, filterNote, liveLines, reachable, refsIn, showChar } from './util';

/** The FILTER charset the fix proposes: the characters of the pattern's fixed positions. */
function fixCharset(line: DpLine): string {
  const alphabet = line.pattern && !line.pattern.broken ? fixedAlphabet(line.pattern) : undefined;
  return charsetFor(alphabet && alphabet.size ? alphabet : undefined, DIAL_UNSAFE);
}

function why(line: DpLine, leaked: string): string {
  const pat = line.pattern && hasWildcard(line.pattern) ? `pattern ${line.ext.text} lets the caller dial any characters after its fixed part` : `pattern ${line.ext.text} admits ${[...leaked].map(showChar).join(' and ')}`;
  return pat;
}

export const rule: Rule = {
  id: 'dialplan-exten-injection',
  title: '${EXTEN} reaches Dial() or a similar application unfiltered',
  severity: 'warning',
  fileKinds: ['extensions'],
  fix: 'offer',
  description:
    "Under a pattern with '.' or '!', ${EXTEN} is whatever the caller sent. Put into Dial(), Page(), Queue(), Originate() or ChanSpy() unfiltered, a dialled string such as 500&DAHDI/g1/0900… adds an outbound leg of the caller's choosing, and ',' injects options. Wrap it in FILTER().",
  check(ctx) {
    const dp = dialplanOf(ctx.doc);
    const out = new Reporter(ctx);
    for (const line of liveLines(dp)) {
      const chars = extenAlphabet(line);
      for (const sink of dialSinks(line)) {
        for (const p of refsIn(sink.part)) {
          if (p.ref.source !== 'exten') continue;
          const leaked = reachable(p.ref, sink.unsafe, chars);
          if (!leaked) continue;
          const cs = fixCharset(line);
          out.report(p.part, line.context.name, (contexts) => ({
            message: `${p.ref.text} goes into ${sink.what} in ${contextList(contexts)} unfiltered${filterNote(p.ref, sink.unsafe)}: ${why(line, leaked)}, so dialling e.g. '123&<another channel>' places a second call of their choosing on your trunks (or ',' adds Dial options).`,
            fixes: filterFix(p, cs, `Wrap in \${FILTER(${cs},…)} (keeps only ${cs}; chosen from the pattern ${line.ext.text})`),
          }));
        }
      }
      // ${EXTEN} handed to a subroutine that dials with ${ARGn}.
      const app = line.app.name.text.toLowerCase();
      if (app !== 'gosub' && app !== 'macro' || !line.app.data) continue;
      // Resolve the target only when the call passes something a caller could have chosen.
      if (!refsIn(line.app.data).some((p) => p.ref.source === 'exten' && reachable(p.ref, DIAL_UNSAFE, chars))) continue;
      const flow = argFlows(dp, line, dialSinks);
      if (!flow || !flow.flows.length) continue;
      flow.args.forEach((arg, i) => {
        const uses = flow.flows.filter((f) => f.n === i + 1);
        if (!uses.length) return;
        for (const p of refsIn(arg)) {
          if (p.ref.source !== 'exten') continue;
          const leaked = reachable(p.ref, DIAL_UNSAFE, chars);
          if (!leaked) continue;
          const cs = fixCharset(line);
          const first = uses[0];
          out.report(p.part, line.context.name, (contexts) => ({
            message: `${p.ref.text} is passed as ARG${i + 1} to [${flow.context}], which puts it into ${first.sink.what} unfiltered (in ${contextList(contexts)}): ${why(line, leaked)}, so dialling e.g. '123&<another channel>' places a second call of their choosing.`,
            fixes: filterFix(p, cs, `Wrap in \${FILTER(${cs},…)} (keeps only ${cs}; chosen from the pattern ${line.ext.text})`),
            related: uses.map((u) => ({ span: u.span, message: `ARG${u.n} used in ${u.sink.what} here` })),
          }));
        }
      });
    }
    out.flush();
  },
};
