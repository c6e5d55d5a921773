/**
 * Completion of keys and enumerated values in Asterisk configuration files. Pure: no vscode,
 * no LSP; the server maps the items and the replacement span.
 *
 * - At the start of a line inside a section: the keys valid for the file kind and that kind of
 *   section (sip.conf `[general]` vs peers, pjsip by the section's effective `type=`, …), the
 *   ones not yet set in the section first, security-relevant ones before the rest.
 * - After `key=` (or after a comma in a list such as `insecure=port,`): the key's enumerated
 *   values, the safe one first (sortText), words already in the list left out.
 * Never inside comments, section headers or directives; never values of secret keys.
 */
import { ConfDocument, effective, Entry, findSection, lastValue } from './asterisk/parser';
import type { FileKind, KindInfo } from './kinds';
import type { Settings } from './settings';
import type { Span } from './text';
import { defaultFor, describeKey, KeyHit, keysIn, KNOWN_KINDS, KeyInfo, PJSIP_UNTYPED, scopeLabel, scopeOf, ScopeAt, ValueInfo } from './knowledge';
import { inComment, lineAtOffset, parseCached, resolveKind } from './knowledge/doc';
import { PJSIP_ANY_TYPE } from './knowledge/pjsip';
import { sipNatDefault } from './knowledge/sip';
import { lookup } from './hover';

export interface CompletionItemData {
  label: string;
  kind: 'key' | 'value';
  /** One line shown beside the label. */
  detail: string;
  /** Markdown. */
  documentation: string;
  insertText: string;
  sortText: string;
}

export interface CompletionResult {
  items: CompletionItemData[];
  /** The text the chosen item replaces (the word being typed). */
  span: Span;
}

const KEY_CHARS = /[A-Za-z0-9_./-]/;
const KEY_PREFIX = /^[\x01-\x20]*([A-Za-z0-9_./-]*)$/;
const VALUE_PREFIX = /^[\x01-\x20]*([A-Za-z0-9_./-]+)[\x01-\x20]*(=>|\+=|=)(.*)$/;

/**
 * @param offset UTF-16 offset of the cursor.
 * @param kind the lint result's `kind` (or a forced kind); detected from path and text when absent.
 * @param parsed the lint result's `doc` when it was parsed from this same text (checked), to skip re-parsing.
 */
export function completeAt(text: string, path: string, offset: number, settings: Settings, kind?: FileKind | KindInfo, parsed?: unknown): CompletionResult | undefined {
  const info = resolveKind(path, text, kind);
  if (!info || !(KNOWN_KINDS as readonly string[]).includes(info.kind)) return undefined;
  const doc = parseCached(text, info.fragment, parsed);
  const line = lineAtOffset(doc, offset);
  if (!line || line.header || line.directive || inComment(line, offset)) return undefined;
  let prefix = text.slice(line.start, offset);
  if (line.bom) prefix = prefix.replace(/^\ufeff/, '');
  if (/^[\x01-\x20]*[[#]/.test(prefix)) return undefined;
  const scope = scopeOf(info.kind, doc, line.section, info.fragment);
  if (!scope) return undefined;

  const v = VALUE_PREFIX.exec(prefix);
  if (v) return completeValue(scope, v[1], v[3], text, offset, line.end, settings, doc);
  const k = KEY_PREFIX.exec(prefix);
  if (!k) return undefined;
  const word = k[1];
  let end = offset;
  while (end < line.end && KEY_CHARS.test(text[end])) end++;
  const hasOperator = /^[\x01-\x20]*(=|\+=)/.test(text.slice(end, line.end));
  return { items: keyItems(scope, line.index, hasOperator, settings), span: { start: offset - word.length, end } };
}

function keyItems(scope: ScopeAt, lineIndex: number, hasOperator: boolean, settings: Settings): CompletionItemData[] {
  const label = scopeLabel(scope.kind, scope.scope);
  const keys: KeyInfo[] = [];
  if (scope.typeMissing) keys.push(PJSIP_ANY_TYPE);
  if (scope.scope !== PJSIP_UNTYPED) keys.push(...keysIn(scope.kind, scope.scope).filter((k) => !(scope.typeMissing && k.key === 'type')));
  // What the section already sets (the line being edited does not count).
  const setHere = new Set<string>();
  const inherited = new Map<string, string>();
  if (scope.section) {
    const fromBases = new Set<Entry>(scope.section.inherited);
    for (const e of effective(scope.section)) {
      if (e.line.index === lineIndex) continue;
      if (fromBases.has(e)) inherited.set(e.lkey, e.writtenIn?.name ?? '');
      else setHere.add(e.lkey);
    }
  }
  return keys.map((info) => {
    const lkey = info.key.toLowerCase();
    const isSet = setHere.has(lkey) && !info.repeatable;
    const base = inherited.get(lkey);
    const dflt = defaultFor(info, settings);
    const detail = [
      isSet ? 'already set in this section' : base !== undefined ? `inherited from [${base}]` : dflt !== undefined ? `default: ${dflt}` : label,
      info.rules?.length ? `checked by ${info.rules[0]}${info.rules.length > 1 ? ` +${info.rules.length - 1}` : ''}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const hit: KeyHit = { info, scope: scope.scope, label: info === PJSIP_ANY_TYPE ? 'pjsip.conf' : label };
    const first = info === PJSIP_ANY_TYPE ? '0' : '';
    return {
      label: info.key,
      kind: 'key' as const,
      detail,
      documentation: describeKey(hit, settings, false),
      insertText: hasOperator ? info.key : `${info.key}${info.arrow ? ' => ' : '='}`,
      sortText: `${first}${isSet ? '1' : '0'}${info.rules?.length || info.security ? 'a' : 'b'}${lkey}`,
    };
  });
}

function completeValue(scope: ScopeAt, name: string, after: string, text: string, offset: number, lineEnd: number, settings: Settings, doc: ConfDocument): CompletionResult | undefined {
  const hit = lookup(scope, name);
  if (!hit || hit.info.secret || !hit.info.values?.length) return undefined;
  const info = hit.info;
  let current = after;
  const previous: string[] = [];
  if (info.list) {
    const parts = after.split(',');
    current = parts.pop() ?? '';
    for (const p of parts) previous.push(p.trim().toLowerCase());
  }
  const typed = current.replace(/^[\x01-\x20]+/, '');
  let end = offset;
  while (end < lineEnd && !/[,;\x01-\x20]/.test(text[end])) end++;
  const span = { start: offset - typed.length, end };
  const dflt = defaultFor(info, settings);
  let values: readonly ValueInfo[] = info.values ?? [];
  let preferred = info.safe;
  let preferredWhy = 'safe';
  // chan_sip: a peer's nat= must match [general] (else peer names leak): that value first.
  if (scope.kind === 'sip' && hit.scope === 'peer' && name.toLowerCase() === 'nat') {
    const g = findSection(doc, 'general');
    const general = (g && lastValue(g, 'nat')?.value.trim()) || sipNatDefault(settings);
    preferred = general;
    preferredWhy = 'matches [general]';
    if (!values.some((x) => x.value === general)) values = [{ value: general }, ...values];
    values = [...values.filter((x) => x.value === general), ...values.filter((x) => x.value !== general)];
  }
  const items: CompletionItemData[] = [];
  values.forEach((val, i) => {
    if (previous.includes(val.value.toLowerCase())) return;
    const detail = [val.value === preferred ? preferredWhy : '', dflt !== undefined && dflt.toLowerCase() === val.value.toLowerCase() ? 'default' : '', val.meaning ?? '']
      .filter(Boolean)
      .join(' · ');
    items.push({
      label: val.value,
      kind: 'value',
      detail: detail || `${info.key} value`,
      documentation: describeKey(hit, settings),
      insertText: val.value,
      sortText: String(i).padStart(3, '0'),
    });
  });
  return { items, span };
}
