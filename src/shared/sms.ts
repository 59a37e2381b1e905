/**
 * Reading the code out of a pasted SMS as a person would. The component
 * fetches it as a chunk of its own once a code is on its way (see
 * `CodeEntryController`), and a chunk imports nothing at run time (see
 * src/build/component-bundle.ts): the caller folds the SMS's digits.
 */
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../contract/limits.js';

/** The words an SMS puts next to its numbers, lower case; a word is found at the start of a longer one ("codes", "кода"). */
export interface SmsWords {
  /** Words that name the code: code, PIN, OTP, password, and the verifying words around them. */
  code: readonly string[];
  /** Words that name other numbers: a reference, an order, an amount, a number to call or to text STOP to. */
  other: readonly string[];
}

// Digit runs joined by one separator: `182 897`, `482-913`, but also `2026-12-04`, `10:45`, `2,500.00`.
const NUMBER = /\d+(?:[ \u00a0/.,:-]\d+)*/g;
// A letter of a cased script (Latin, Cyrillic, Greek…) in the lowered text. Thai, Arabic or Han letters run into
// digits and words as a matter of course; these do not, so a number or a short word they run into is part of
// something else (XX4321, 4sgLq1, "pin" in "shopping").
const CASED = /\p{Ll}/u;

/**
 * The code in a pasted SMS, as a person would pick it, or '' when no number is clearly the code:
 * the WebOTP line (`@host #123456`) when there is one; otherwise the number of the code's length
 * (`length`, else 4 to 8 digits) nearest a code word of any of `languages`, never a date, a time,
 * an amount, a phone number or a number another word names (a reference, an order, STOP to 1234).
 * One group split by a single space or dash (`182 897`, `482-913`) is one code. Text without letters
 * (`482 913`) is taken when it holds one such number. An SMS is a few hundred characters: a longer
 * paste is read to its first 1,000. `text` comes with its digits folded to ASCII (`foldDigits`).
 */
export function codeInSms(text: string, languages: readonly SmsWords[], length?: number): string {
  const s = text.slice(0, 1000).toLowerCase();
  const web = /^@\S+ #(\d+)/m.exec(s);
  if (web) return web[1]!;

  // Where the words are, as [start, end, 1 for a word that names other numbers]; a short word only where no
  // cased letter runs into it.
  const found: number[][] = [];
  for (const words of languages) {
    for (const [other, list] of [words.code, words.other].entries()) {
      for (const word of list) {
        for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
          if (word.length > 3 || !CASED.test(s.slice(i - 1, i))) found.push([i, i + word.length, other]);
        }
      }
    }
  }
  // How far apart two places are: the letters between them, counted once for every place, since every number
  // asks how far it is from every word.
  const before = [0];
  for (let i = 0; i < s.length; i++) before.push(before[i]! + +/\p{L}/u.test(s[i]!));
  const apart = (from: number, to: number) => before[to]! - before[from]!;

  // [how far from a code word, digits]
  const numbers: Array<[number, string]> = [];
  for (const match of s.matchAll(NUMBER)) {
    const [token] = match;
    const at = match.index!;
    const end = at + token.length;
    const runs = token.split(/\D/).map((run) => run.length);
    const digits = token.replace(/\D/g, '');
    if (
      !(length ? digits.length === length : digits.length >= OTP_MIN_DIGITS && digits.length <= OTP_MAX_DIGITS) ||
      // A time, a date or an amount (10:45, 04/12, 2,500.00), a date with dashes (2026-12-04), or a phone number
      // in uneven groups; a number to call, a reference (#5512, *4321, XX4321) or an amount ($ 50, 50%).
      /[/.,:]|-.*-/.test(token) ||
      Math.max(...runs) - Math.min(...runs) > 1 ||
      /(?:[+#*№\p{Sc}] ?|\p{Ll})$/u.test(s.slice(0, at)) ||
      /^(?: ?[%\p{Sc}]|\p{Ll})/u.test(s.slice(end, end + 2))
    ) {
      continue;
    }
    // How far the nearest code word is; a code before its word ("482913 is your code") counts a little further.
    // A number that another word names, right before it ("ref no. 5512", "STOP to 1234"), is not the code.
    let distance = Infinity;
    for (const [start, stop, other] of found) {
      if (!other) distance = Math.min(distance, stop! <= at ? apart(stop!, at) : apart(end, start!) + 3);
      else if (stop! <= at && apart(stop!, at) < 3 && !/\d/.test(s.slice(stop, at))) distance = -1;
    }
    if (distance >= 0) numbers.push([distance, digits]);
  }
  const [best] = numbers.sort((a, b) => a[0] - b[0]);
  if (!best || (best[0] === Infinity && /\p{L}/u.test(s))) return '';
  // Clearly the nearest: every other number is much further from a code word.
  return numbers.every(([distance, digits]) => digits === best[1] || distance > best[0] * 1.5 + 3) ? best[1] : '';
}
