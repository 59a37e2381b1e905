/**
 * Trimming a repeated character in linear time. `/-+$/` and `/^\/+|\/+$/g`
 * look harmless, but a regex engine tries them from every position, so a
 * long run of the character that does not reach the end costs the square of
 * its length (test/proxy/regexes.test.ts refuses them).
 */

/** `text` without the run of `char` at its end. */
export function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** `text` without the runs of `char` at its start and its end. */
export function trimBoth(text: string, char: string): string {
  let start = 0;
  while (start < text.length && text[start] === char) start++;
  return trimEnd(text.slice(start), char);
}
