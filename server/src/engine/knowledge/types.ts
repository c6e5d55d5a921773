/**
 * The shape of the key knowledge base used by hover and completion (no vscode, no LSP).
 *
 * One `KeyInfo` per key and scope (a scope is `general`, `peer`, a pjsip object type, …; see
 * ./index.ts). Defaults come from asterisk-rules.md §0, the rules' own version logic and the
 * sample files shipped with Asterisk; where a default is not known for certain it is left out
 * and the hover says "see the Asterisk docs" instead of guessing.
 */
import type { Settings } from '../settings';

export interface ValueInfo {
  value: string;
  /** What the value does, one short phrase. */
  meaning?: string;
}

/** A fixed default, or one that depends on the configured Asterisk version. */
export type DefaultSpec = string | ((settings: Settings) => string);

export interface KeyInfo {
  /** The key as Asterisk documents it (compared case-insensitively). */
  key: string;
  /** What the key does, one line. */
  summary: string;
  /** The value in force when the key is absent; undefined when not known for certain. */
  default?: DefaultSpec;
  /** How the default changed across versions, for the hover. */
  history?: string;
  /** Enumerated values, the safe (hardened) one first when there is one. */
  values?: readonly ValueInfo[];
  /** The hardened value (always `values[0]` when set). */
  safe?: string;
  /** The value is a comma-separated list of the enumerated words (`insecure=port,invite`). */
  list?: boolean;
  /** Rule ids that check this key. */
  rules?: readonly string[];
  /** Why the key matters for security, one or two sentences. */
  security?: string;
  /** The value is a password, a password hash or contains one: never shown. */
  secret?: boolean;
  /** The key is meant to be written several times (`permit`, `allow`, `setvar`). */
  repeatable?: boolean;
  /** Written with `=>` (`register => …`). */
  arrow?: boolean;
}

/** A group of keys valid in one kind of section. */
export interface Scope {
  /** For the hover title: "sip.conf [general]", "pjsip.conf type=endpoint". */
  label: string;
  keys: readonly KeyInfo[];
}

/** Builds a key entry. */
export function key(name: string, summary: string, more: Omit<KeyInfo, 'key' | 'summary'> = {}): KeyInfo {
  return { key: name, summary, ...more };
}

/** Enumerated values: `vals('no', ['yes', 'accepts anyone'])`. */
export function vals(...items: (string | [string, string])[]): ValueInfo[] {
  return items.map((i) => (typeof i === 'string' ? { value: i } : { value: i[0], meaning: i[1] }));
}

/**
 * A yes/no key. `safe` is the hardened word (listed first); without one, `yes` comes first.
 * `dflt` is the value when absent.
 */
export function bool(
  name: string,
  summary: string,
  dflt: DefaultSpec | undefined,
  safe: 'yes' | 'no' | undefined,
  more: Omit<KeyInfo, 'key' | 'summary' | 'default' | 'values' | 'safe'> = {},
): KeyInfo {
  const order = safe === 'no' ? ['no', 'yes'] : ['yes', 'no'];
  return { key: name, summary, default: dflt, values: vals(...order), safe, ...more };
}

/** The default to show for the configured version, if known. */
export function defaultFor(info: KeyInfo, settings: Settings): string | undefined {
  if (info.default === undefined) return undefined;
  return typeof info.default === 'function' ? info.default(settings) : info.default;
}
