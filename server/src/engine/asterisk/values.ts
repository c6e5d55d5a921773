/** Asterisk's value semantics: `ast_true`/`ast_false` (main/utils.c) and word lists. */

const TRUE_WORDS = new Set(['yes', 'true', 'y', 't', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'false', 'n', 'f', '0', 'off']);

/** `ast_true`: exact words, case-insensitive. Anything else is not true. */
export function astTrue(v: string): boolean {
  return TRUE_WORDS.has(v.toLowerCase());
}

/** `ast_false`: exact words, case-insensitive. */
export function astFalse(v: string): boolean {
  return FALSE_WORDS.has(v.toLowerCase());
}

/** chan_sip word lists (`insecure=port,invite`): split on `,`, not trimmed, case-insensitive. */
export function wordList(v: string): string[] {
  return v.split(',').map((w) => w.toLowerCase());
}
