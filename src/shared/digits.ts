import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../contract/limits.js';

/**
 * Folds the digits people actually type into ASCII: Arabic-Indic (٠-٩),
 * Persian (۰-۹), Devanagari (०-९), Bengali (০-৯), Thai (๐-๙), Lao (໐-໙),
 * Myanmar (၀-၉), Khmer (០-៩) and full-width (０-９).
 * A code pasted from an SMS in any of these must still verify.
 */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0x17e0, 0xff10];

export function foldDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

/** The digits of what was typed, folded, at most `max` of them. */
export const digitsOf = (text: string, max = OTP_MAX_DIGITS): string => foldDigits(text).replace(/\D/g, '').slice(0, max);

/** Whether digits can be the code: `length` of them when the campaign said, else a length the proxy accepts. */
export const fitsCode = (digits: string, length?: number): boolean =>
  length ? digits.length === length : digits.length >= OTP_MIN_DIGITS && digits.length <= OTP_MAX_DIGITS;
