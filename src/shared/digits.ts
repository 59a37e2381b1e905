/**
 * Folds the digits people actually type into ASCII: Arabic-Indic (٠-٩),
 * Persian (۰-۹), Devanagari (०-९), Bengali (০-৯), Thai (๐-๙) and full-width (０-９).
 * A code pasted from an SMS in any of these must still verify.
 */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];

export function foldDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

/** Digits of a one-time code from whatever was pasted around it ("Your code: 12 34 56."). */
export function extractCode(text: string, maxLength = 8): string {
  const runs = foldDigits(text).match(/\d[\d\s-]*\d|\d/g) ?? [];
  // The longest digit run wins, so "Code 123456, valid 5 min" gives 123456, not 5.
  const best = runs.map((r) => r.replace(/\D/g, '')).sort((a, b) => b.length - a.length)[0] ?? '';
  return best.slice(0, maxLength);
}
