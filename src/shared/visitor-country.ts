/**
 * The visitor's likely country as the edge tells it (`CF-IPCountry` on
 * Cloudflare, a CDN's header elsewhere), handed to the page in the markup it
 * already loads: `<otp-flow visitor-country="SA">`. No request of its own, so
 * the number field is usable as soon as the page is.
 */

/** An ISO country a CDN names: two letters, upper-cased; not `XX` (unknown), nor `T1` (Tor) or anything else. */
export function edgeCountry(value: string | null | undefined): string | undefined {
  const country = value?.trim().toUpperCase() ?? '';
  return country.length === 2 && country !== 'XX' && [...country].every((c) => c >= 'A' && c <= 'Z') ? country : undefined;
}

/** `visitor-country="SA"` in every `<otp-flow` start tag of a page (and not in `<otp-flow-other`). */
export function withVisitorCountry(page: string, country: string): string {
  const tag = '<otp-flow';
  let out = '';
  let from = 0;
  for (let at = page.indexOf(tag); at >= 0; at = page.indexOf(tag, at + tag.length)) {
    const next = page[at + tag.length];
    if (next !== '>' && next !== ' ' && next !== '\n' && next !== '\t' && next !== '\r') continue;
    out += `${page.slice(from, at + tag.length)} visitor-country="${country}"`;
    from = at + tag.length;
  }
  return out + page.slice(from);
}
