/**
 * The Content-Security-Policy of a landing page otp-flow wrote: sent by the
 * Node static server, and written into a Cloudflare kit's `_headers`.
 */
import { createHash } from 'node:crypto';

/**
 * The text of each `<script>` without a `src` in `html`, found by scanning
 * forward once: the one regular expression that did this backtracked
 * quadratically over a page of unclosed tags.
 */
export function inlineScripts(html: string): string[] {
  // Lowercased ASCII only, so every index in it is an index in `html`.
  const lower = html.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  const scripts: string[] = [];
  let at = 0;
  // The `>` ending the tag being read, and where the last `src=` before it starts: each found once.
  let tagEnd = -1;
  let src = -1;
  for (;;) {
    const open = lower.indexOf('<script', at);
    if (open === -1) return scripts;
    at = open + '<script'.length;
    // `<scripts>` is another tag; `<script>`, `<script src>` and even `<script<` open a script.
    if (/\w/.test(lower[at] ?? '')) continue;
    if (tagEnd < at) {
      tagEnd = lower.indexOf('>', at);
      if (tagEnd === -1) return scripts;
      src = -1;
      for (const match of lower.slice(at, tagEnd).matchAll(/\bsrc\s*=/g)) src = at + match.index;
    }
    // A tag with a `src` is searched again from inside it, as the regular expression did.
    if (src >= at) continue;
    const close = closingTag(lower, tagEnd);
    if (close === -1) return scripts;
    scripts.push(html.slice(tagEnd + 1, close));
    at = close;
  }
}

/** Where the first `</script>` (spaces allowed before its `>`) after `from` starts. */
function closingTag(lower: string, from: number): number {
  for (let close = lower.indexOf('</script', from); close !== -1; close = lower.indexOf('</script', close + 1)) {
    let end = close + '</script'.length;
    while (/\s/.test(lower[end] ?? '')) end++;
    if (lower[end] === '>') return close;
  }
  return -1;
}

export function strictPolicy(html: string): string {
  const hashes = inlineScripts(html).map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.length ? ` ${hashes.join(' ')}` : ''}`,
    // Lit adopts constructed stylesheets; older engines fall back to <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
