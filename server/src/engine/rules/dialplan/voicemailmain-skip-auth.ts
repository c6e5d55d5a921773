import type { Rule } from '../../rule';
import { appName, argOffsets, findCallerRefs, subPart } from '../../asterisk/dialplan';
import type { DpPart } from '../../asterisk/dialplan';
import { Reporter, contextList, dialplanOf, liveLines } from './util';

/** Offset of the `s` flag in an ast_app_parse_options string (option arguments in parentheses skipped). */
function silentFlag(opts: string): number {
  for (let i = 0; i < opts.length; i++) {
    const c = opts[i];
    if (c === '$' && opts[i + 1] === '{') return -1; // options from a variable: unknown
    if (c === '(') {
      const close = opts.indexOf(')', i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === 's') return i;
  }
  return -1;
}

export const rule: Rule = {
  id: 'dialplan-voicemailmain-skip-auth',
  title: "VoiceMailMain() with the 's' option skips the PIN",
  severity: 'error',
  fileKinds: ['extensions'],
  description:
    "With the 's' option VoiceMailMain() opens the named mailbox without asking for its PIN. Whoever reaches the extension, or spoofs the caller ID the mailbox is taken from, listens to and deletes the messages and changes the greeting; with dial-out or callback enabled in voicemail.conf, calls out too.",
  check(ctx) {
    const dp = dialplanOf(ctx.doc);
    const out = new Reporter(ctx);
    for (const line of liveLines(dp)) {
      if (appName(line) !== 'voicemailmain' || !line.app.data) continue;
      const data = line.app.data;
      const offs = argOffsets(data.text);
      let flag: DpPart | undefined;
      let mailbox: DpPart;
      if (offs.length >= 2) {
        // VoiceMailMain(mailbox[@context],options): the options are the rest of the data.
        mailbox = subPart(data, offs[0][0], offs[0][1]);
        const opts = subPart(data, offs[1][0], data.text.length);
        const k = silentFlag(opts.text.replace(/"/g, ' '));
        if (k >= 0) flag = subPart(opts, k, k + 1);
      } else {
        // Old style: leading 's'/'p' letters of the only argument are options.
        let k = 0;
        let s = -1;
        while (k < data.text.length && (data.text[k] === 's' || data.text[k] === 'p')) {
          if (data.text[k] === 's' && s < 0) s = k;
          k++;
        }
        if (s >= 0) flag = subPart(data, s, s + 1);
        mailbox = subPart(data, k, data.text.length);
      }
      if (!flag) continue;
      // Without a mailbox the caller is still asked for mailbox and PIN.
      const box = mailbox.text.replace(/"/g, '').split('@')[0].trim();
      if (box === '') continue;
      const fromCaller = findCallerRefs(mailbox.text).some((r) => r.source !== 'exten' || !!line.pattern);
      out.report(flag, line.context.name, (contexts) => ({
        message: fromCaller
          ? `VoiceMailMain() skips the PIN ('s') for a mailbox taken from caller-controlled data (${mailbox.text.trim()}) in ${contextList(contexts)}: anyone who sets that caller ID (a spoofed trunk call, a guest, a phone that sends its own From) opens that mailbox.`
          : `VoiceMailMain() skips the PIN ('s') for mailbox ${box} in ${contextList(contexts)}: anyone who reaches extension ${line.ext.text} listens to, deletes and redirects its messages.`,
      }));
    }
    out.flush();
  },
};
