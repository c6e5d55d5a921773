/**
 * Weak-secret analysis (the `*-secret-weak` rules) and strong-secret generation for fixes.
 * No function here returns or logs the secret it examines.
 */
import { randomInt } from 'node:crypto';
import { COMMON_WORDS, KNOWN_DEFAULTS } from './wordlist';
import type { Severity } from './rule';

const DEFAULTS = new Set(KNOWN_DEFAULTS.map((w) => w.toLowerCase()));
const WORDS = new Set(COMMON_WORDS);

export interface SecretContext {
  /** Names an attacker knows or guesses: section/user name, username, defaultuser, fromuser. */
  names: string[];
  /** Secrets shorter than this are weak (warning); below 8 always an error. */
  minLength: number;
  /** The checks that apply (settings.secretChecks); all when absent. */
  checks?: readonly string[];
}

/** The secret policy from the settings, for assessSecret. */
export function secretPolicy(settings: { minSecretLength: number; secretChecks?: readonly string[] }): { minLength: number; checks?: readonly string[] } {
  return { minLength: settings.minSecretLength, checks: settings.secretChecks };
}

export interface SecretVerdict {
  severity: Severity;
  /** Why, in words that never contain the secret itself. */
  reasons: string[];
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '8': 'b', '9': 'g' };

function unleet(s: string): string {
  let out = '';
  for (const c of s) out += LEET[c] ?? c;
  return out;
}

/** "Password123!" → "password"; "P@ssw0rd" → "password". */
function stem(s: string): string {
  const trimmed = s.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return trimmed;
}

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const lower = s.toLowerCase();
  if (/^(.)\1+$/.test(lower)) return true;
  // Repeated short unit: abcabcabc, 121212.
  for (let unit = 1; unit <= 4; unit++) {
    if (lower.length % unit === 0 && lower.length / unit >= 2 && lower.slice(0, unit).repeat(lower.length / unit) === lower) return true;
  }
  let up = true;
  let down = true;
  for (let i = 1; i < lower.length; i++) {
    const d = lower.charCodeAt(i) - lower.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  if (up || down) return true;
  const rows = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop', '0987654321'];
  return rows.some((r) => r.includes(lower) || r.split('').reverse().join('').includes(lower));
}

function classes(s: string): number {
  let n = 0;
  if (/[a-z]/.test(s)) n++;
  if (/[A-Z]/.test(s)) n++;
  if (/[0-9]/.test(s)) n++;
  if (/[^A-Za-z0-9]/.test(s)) n++;
  return n;
}

/**
 * Judges a secret. Returns undefined when nothing is wrong with it. Quotes are stripped
 * first (Asterisk keeps them, but an attacker guesses the inner text just the same).
 */
export function assessSecret(raw: string, ctx: SecretContext): SecretVerdict | undefined {
  const secret = raw.replace(/^(["'])(.*)\1$/, '$2');
  const errors: string[] = [];
  const warnings: string[] = [];
  const lower = secret.toLowerCase();
  const on = (c: string) => !ctx.checks || ctx.checks.includes(c);
  if (on('length') && secret.length < 8) errors.push('it is shorter than 8 characters');
  else if (on('length') && secret.length < ctx.minLength) warnings.push(`it is shorter than ${ctx.minLength} characters`);
  if (on('digits') && /^\d+$/.test(secret)) errors.push('it is all digits');
  for (const name of on('account-name') ? ctx.names : []) {
    const n = name.trim().toLowerCase();
    if (n.length < 3) continue;
    const rev = n.split('').reverse().join('');
    if (lower === n) errors.push('it equals the account name');
    else if (lower.includes(n) || lower.includes(rev)) errors.push('it contains the account name');
    else {
      const digits = n.match(/\d{3,}/g) ?? [];
      if (digits.some((d) => lower.includes(d))) errors.push('it contains the digits of the account name');
    }
  }
  // "Passw0rd!2024": strip the digits and symbols around the word, then undo l33t inside it.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const stems = [stem(unleet(lower)), stem(lower), core, unleet(core)];
  if (on('known-default') && (DEFAULTS.has(lower) || stems.some((x) => DEFAULTS.has(x)))) errors.push('it is a well-known default password');
  else if (on('dictionary') && stems.some((x) => WORDS.has(x))) errors.push('it is a common password or dictionary word with digits or symbols around it');
  if (on('sequence') && isSequence(secret)) errors.push('it is a repeated or sequential run');
  if (on('single-class') && classes(secret) === 1 && secret.length < 16 && !/^\d+$/.test(secret)) warnings.push('it uses a single character class');
  if (errors.length) return { severity: 'error', reasons: [...new Set(errors)].concat(warnings) };
  if (warnings.length) return { severity: 'warning', reasons: warnings };
  return undefined;
}

/**
 * Characters Asterisk takes literally in a value and that no dial string or URI treats
 * specially: no `;` (comment), `\`, quotes, `,`, `#`, whitespace, `@ : & /`.
 */
export const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.';

const ALNUM = SECRET_ALPHABET.replace(/[-_.]/g, '');
const SEPARATORS = '-_.';

/**
 * A fresh secret from the CSPRNG (`crypto.randomInt`), 24 characters by default. Every third
 * character is a separator, so the secret never holds three letters or digits in a row: it
 * cannot contain an account name, a digit run or a dictionary word, and is never itself judged
 * weak (24 characters carry about 105 bits).
 */
export function generateSecret(length = 24): string {
  if (length < 20) throw new Error('generated secrets are at least 20 characters');
  let out = '';
  for (let i = 0; i < length; i++) out += i % 3 === 2 ? SEPARATORS[randomInt(SEPARATORS.length)] : ALNUM[randomInt(ALNUM.length)];
  return out;
}

/** Joins reasons for a message: "it is all digits and it is shorter than 8 characters". */
export function describeReasons(reasons: string[]): string {
  if (reasons.length <= 1) return reasons.join('');
  return `${reasons.slice(0, -1).join(', ')} and ${reasons[reasons.length - 1]}`;
}

/**
 * Quotes text from a config file for a message without ever printing a value: anything
 * after `=` or `:` is elided (`passwd=…`), and long words are cut. Use it whenever a
 * message repeats a word the rule does not understand.
 */
export function safeQuote(text: string, max = 24): string {
  // A word that mixes letters with digits or symbols may be a password typed in the wrong
  // place: say nothing of it. Plain words (typos such as 'requird') are shown.
  if (text.length >= 6 && /[a-z]/i.test(text) && /[\d!@#$%^&*+/?~]/.test(text) && !/[=:]/.test(text)) return '(value not shown)';
  let t = text.replace(/([=:]).*$/s, '$1…');
  if (t.length > max) t = `${t.slice(0, max)}…`;
  return t;
}
