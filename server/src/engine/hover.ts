/**
 * Hover on a key of an Asterisk configuration file: what it does, its default in the configured
 * Asterisk version, its enumerated values (safe one marked) and the rules that check it. Pure:
 * no vscode, no LSP; the server turns the span into a range.
 *
 * On a value the hover adds the meaning of the word under the cursor when it is one of the
 * key's known words. A value from the file is never echoed unless it is one of those known
 * words, and nothing of a secret key's value is ever shown.
 */
import type { FileKind, KindInfo } from './kinds';
import type { Settings } from './settings';
import type { Span } from './text';
import { code, describeKey, findKey, KeyHit, KNOWN_KINDS, PJSIP_UNTYPED, scopeOf } from './knowledge';
import { lineAtOffset, parseCached, resolveKind } from './knowledge/doc';

export interface HoverResult {
  markdown: string;
  /** The key (or value word) the hover is about. */
  span: Span;
}

/** Looks a key up in the scope, with the untyped-pjsip fallback for inferred scopes. */
export function lookup(kind: ReturnType<typeof scopeOf>, name: string): KeyHit | undefined {
  if (!kind) return undefined;
  const hit = findKey(kind.kind, kind.scope, name);
  if (hit || !kind.typeMissing || kind.scope === PJSIP_UNTYPED) return hit;
  return findKey(kind.kind, PJSIP_UNTYPED, name);
}

/**
 * @param kind the lint result's `kind` (or a forced kind); detected from path and text when absent.
 * @param parsed the lint result's `doc` when it was parsed from this same text (checked), to skip re-parsing.
 */
export function hoverAt(text: string, path: string, offset: number, settings: Settings, kind?: FileKind | KindInfo, parsed?: unknown): HoverResult | undefined {
  const info = resolveKind(path, text, kind);
  if (!info || !(KNOWN_KINDS as readonly string[]).includes(info.kind)) return undefined;
  const doc = parseCached(text, info.fragment, parsed);
  const line = lineAtOffset(doc, offset);
  const assign = line?.assign;
  if (!line || !assign) return undefined;
  const onKey = offset >= assign.key.start && offset <= assign.key.end;
  const onValue = !onKey && offset >= assign.value.start && offset <= assign.value.end && assign.value.end > assign.value.start;
  if (!onKey && !onValue) return undefined;
  const scope = scopeOf(info.kind, doc, line.section, info.fragment);
  const hit = lookup(scope, assign.key.text);
  if (!hit) return undefined;
  let markdown = describeKey(hit, settings);
  if (onKey) return { markdown, span: { start: assign.key.start, end: assign.key.end } };
  // On the value: only a known word is named, and never anything of a secret.
  if (hit.info.secret || !hit.info.values?.length) return { markdown, span: { start: assign.key.start, end: assign.key.end } };
  const word = wordAt(assign.value.text, offset - assign.value.start, !!hit.info.list);
  const known = word && hit.info.values.find((v) => v.value.toLowerCase() === word.text.toLowerCase());
  if (!word || !known) return { markdown, span: { start: assign.value.start, end: assign.value.end } };
  const notes = [known.meaning, known.value === hit.info.safe ? 'the safe value' : undefined].filter(Boolean).join('; ');
  markdown = `${code(known.value)}${notes ? `: ${notes}` : ''}\n\n---\n\n${markdown}`;
  // The value may not be contiguous (a block comment inside); then the whole value is the span.
  const contiguous = line.codeMap === undefined;
  const span = contiguous ? { start: assign.value.start + word.start, end: assign.value.start + word.end } : { start: assign.value.start, end: assign.value.end };
  return { markdown, span };
}

/** The comma-list item (or the whole value) around position i of the value text. */
function wordAt(value: string, i: number, list: boolean): { text: string; start: number; end: number } | undefined {
  if (!list) return { text: value.trim(), start: 0, end: value.length };
  const comma = i > 0 ? value.lastIndexOf(',', i - 1) : -1;
  const start = comma + 1;
  let end = value.indexOf(',', i);
  if (end < 0) end = value.length;
  if (start > end) return undefined;
  const raw = value.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return text ? { text, start: start + lead, end: start + lead + text.length } : undefined;
}
