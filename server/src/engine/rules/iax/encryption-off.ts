import type { Rule } from '../../rule';
import { effective, findSection, lastValue } from '../../asterisk/parser';
import { replaceValue, setInGeneral } from '../../asterisk/edits';
import { encryptionEnablers, iaxObjects } from '../../asterisk/iax';
import { generalAnchor, includeCaveat, nameList } from '../helpers';

export const rule: Rule = {
  id: 'iax-encryption-off',
  title: 'IAX2 calls are not encrypted',
  severity: 'info',
  fileKinds: ['iax'],
  fix: 'offer',
  description:
    'IAX2 carries signalling and audio in clear text unless encryption is enabled (it defaults to no). Anyone on the path, such as a shared network or the route to a remote office or provider, can listen to calls and read caller IDs and dialled numbers.',
  check(ctx) {
    const general = findSection(ctx.doc, 'general');
    const generalLines = general ? effective(general) : ctx.fragment ? ctx.doc.preamble : [];
    // chan_iax2 only ORs encryption methods in: one enabling line in [general] covers everyone.
    if (encryptionEnablers(generalLines).length) return;
    const objects = iaxObjects(ctx.doc);
    const clear = objects.filter((o) => !encryptionEnablers(effective(o.section)).length);
    if (objects.length && !clear.length) return;
    const explicit = general
      ? lastValue(general, 'encryption')
      : [...generalLines].reverse().find((e) => e.lkey === 'encryption');
    if (!explicit && ctx.fragment) return;
    const who = clear.length ? ` for ${nameList(clear.map((o) => o.section.name))}` : '';
    const fix = {
      title: 'Set encryption=yes in [general] (calls are encrypted when both ends support it; others still connect)',
      safety: 'offer' as const,
      edits: [explicit ? replaceValue(explicit, 'yes') : setInGeneral(ctx.doc, 'encryption', 'yes')],
    };
    const tail = `IAX2 calls${who} travel unencrypted: anyone on the network path can listen to them. Enable encryption (and forceencryption=yes where both ends support it), or carry IAX2 over a VPN.`;
    if (explicit) {
      ctx.report({ span: explicit.line.assign!.value, message: `encryption=${explicit.value} in [general]: ${tail}`, fixes: [fix] });
      return;
    }
    const anchor = generalAnchor(ctx.doc);
    const caveat = includeCaveat(anchor.section, 'info');
    ctx.report({
      span: anchor.span,
      message: `encryption is not set and defaults to no${caveat.note}: ${tail}`,
      fixes: [fix],
      related: caveat.related,
    });
  },
};
