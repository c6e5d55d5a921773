import type { Fix, Rule, Severity } from '../../rule';
import type { Entry } from '../../asterisk/parser';
import type { AsteriskKind } from '../../kinds';
import { BOOLEAN_KEYS, BoolKey, boolSpecFor, classifyBool } from '../../asterisk/booleans';
import { astFalse, astTrue } from '../../asterisk/values';
import { replaceValue } from '../../asterisk/edits';

const MODULE: Record<string, string> = {
  sip: 'chan_sip',
  iax: 'chan_iax2',
  manager: 'the manager (AMI)',
  http: 'the HTTP server',
  ari: 'res_ari',
  pjsip: 'res_pjsip',
  asterisk: 'Asterisk',
  extensions: 'pbx_config',
};

const MEANS_YES = new Set(['enable', 'enabled', 'allow']);
const MEANS_NO = new Set(['disable', 'disabled', 'deny']);

/**
 * What the author evidently meant, when that is unambiguous: enable/enabled/allow, the
 * negative counterparts, and a true/false word in quotes (`"yes"`; Asterisk keeps quotes).
 */
export function intendedBool(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (MEANS_YES.has(v)) return true;
  if (MEANS_NO.has(v)) return false;
  const q = /^(["'])(.*)\1$/.exec(value);
  if (q) {
    if (astTrue(q[2])) return true;
    if (astFalse(q[2])) return false;
  }
  return undefined;
}

function word(on: boolean): string {
  return on ? 'yes' : 'no';
}

function shown(value: string): string {
  return value.length > 32 ? `${value.slice(0, 29)}...` : value;
}

export const rule: Rule = {
  id: 'config-bool-unrecognised',
  title: 'Security switch with a value Asterisk does not recognise',
  severity: 'warning',
  fileKinds: Object.keys(BOOLEAN_KEYS) as AsteriskKind[],
  fix: 'safe',
  description:
    'Asterisk knows only yes/true/y/t/1/on and no/false/n/f/0/off. Any other word (enable, enabled, "yes", 2) is silently read as off by most options, and as on by a few, so a security switch can be the opposite of what its line says.',
  check(ctx) {
    const entries: Entry[] = [...ctx.doc.preamble];
    for (const s of ctx.doc.sections) entries.push(...s.own);
    for (const entry of entries) {
      const line = entry.line.assign;
      if (!line || entry.value === '' || entry.value !== line.value.text) continue;
      const spec = boolSpecFor(ctx.kind as AsteriskKind, ctx.doc, entry, ctx.fragment);
      if (!spec) continue;
      const cls = classifyBool(spec, entry.value);
      if (cls.state !== 'unrecognised') continue;
      report(entry, spec, cls.on);
    }

    function report(entry: Entry, spec: BoolKey, current: boolean | undefined): void {
      const mod = MODULE[ctx.kind] ?? 'Asterisk';
      const intended = intendedBool(entry.value);
      const state = (on: boolean) => (on ? 'ON' : 'OFF');
      const reading =
        spec.reader === 'ignored'
          ? `${mod} ignores the line (with a warning), so ${entry.key} keeps its earlier value or its default${current !== undefined ? ` (${word(current)})` : ''}`
          : `${mod} reads it as ${word(current!)}${spec.reader === 'not_false' ? ' (for this option any word that is not a no-word means yes)' : ''}, so ${entry.key} is ${state(current!)}`;
      let risk = '';
      if (spec.secure !== undefined && current !== undefined && current !== spec.secure) risk = ', the insecure setting';
      else if (intended !== undefined && current !== undefined && intended !== current) risk = `, not ${state(intended)} as the word suggests`;
      risk += ` (when on, it ${spec.what})`;
      const fixes: Fix[] = [];
      if (intended !== undefined) {
        const keeps = current === intended;
        const hardens = spec.secure !== undefined && intended === spec.secure;
        if (keeps || hardens) {
          // Same behaviour with the right spelling, or the hardened value of a switch that cannot
          // break a working setup: safe. Hardening anything else (tcpenable, encryption,
          // verify_client…) changes what clients must do: offered only.
          const safety = keeps || spec.hardenSafely ? 'safe' : 'offer';
          fixes.push({ title: `Write ${entry.key}=${word(intended)}${keeps ? '' : ` (turns it ${state(intended)}, the secure setting)`}`, safety, edits: [replaceValue(entry, word(intended))] });
        } else if (spec.secure !== undefined && current !== undefined) {
          // The word says "on", Asterisk reads "off", and "off" is the safer value: never offer to
          // switch it on. Offer to write what is in force now.
          fixes.push({ title: `Write ${entry.key}=${word(current)} (what Asterisk reads now)`, safety: 'offer', edits: [replaceValue(entry, word(current))] });
        } else {
          // No safer side (tcpenable, tlsenable…): what was meant, but it changes behaviour.
          fixes.push({ title: `Write ${entry.key}=${word(intended)} (turns it ${state(intended)}, as the word says)`, safety: 'offer', edits: [replaceValue(entry, word(intended))] });
        }
      } else if (spec.secure !== undefined) {
        fixes.push({ title: `Write ${entry.key}=${word(spec.secure)} (the secure setting)`, safety: 'offer', edits: [replaceValue(entry, word(spec.secure))] });
      } else if (current !== undefined) {
        fixes.push({ title: `Write ${entry.key}=${word(current)} (what Asterisk reads now)`, safety: 'offer', edits: [replaceValue(entry, word(current))] });
      }
      // Intent and effect agree (allowguest=disable is off, as meant): only the spelling is wrong.
      const severity: Severity | undefined = intended !== undefined && intended === current ? 'info' : undefined;
      ctx.report({
        span: entry.line.assign!.value,
        severity,
        message: `'${shown(entry.value)}' is not a yes/no word Asterisk knows: ${reading}${risk}. Write yes or no.`,
        fixes,
      });
    }
  },
};
