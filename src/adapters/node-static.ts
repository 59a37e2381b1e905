/**
 * Static files for `otp-flow serve` and the landing kits: compressed once,
 * kept in memory, served with validators, cache and security headers.
 *
 * A landing folder is a handful of small files, so compressing each on first
 * request and keeping the result beats compressing per request or needing a
 * build step to precompress.
 *
 * What it refuses to serve, whatever the folder holds: any path with a
 * segment starting with `.` (`.env`, `.git/`, `public/.anything`) except
 * `/.well-known/`, in any spelling (see `publicSegments`), and any file whose
 * real path (links resolved) is outside the folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import { strictPolicy } from '../shared/page-policy.js';
import { edgeCountry, withVisitorCountry } from '../shared/visitor-country.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);

interface CachedFile {
  mtimeMs: number;
  size: number;
  etag: string;
  raw: Uint8Array;
  gzip?: Uint8Array;
  br?: Uint8Array;
  /** HTML only: the policy with this page's inline scripts allowed by hash. */
  csp?: string;
  /** HTML with `<otp-flow>`: the page as sent to visitors from each country, made on first request. */
  byCountry?: Map<string, CachedFile>;
}

/**
 * `strict`: scripts only from this origin and the page's own inline scripts
 * (by hash), nothing may frame the page; what a generated landing page needs.
 * `frame`: only `frame-ancestors 'none'`, for folders whose pages otp-flow did
 * not write. A string is used as the whole policy.
 */
export type PagePolicy = 'strict' | 'frame' | (string & {});

export interface StaticOptions {
  /** Whether a file's name carries a content hash, so it is cached for a year; `hashedName` by default. */
  immutable?: (path: string) => boolean;
  /** Cache lifetime for other known static types (scripts, styles, images), seconds. */
  maxAge?: number;
  /** Content-Security-Policy of HTML pages; `frame` by default. */
  pagePolicy?: PagePolicy;
  /**
   * Other sites' origins whose pages may load the component's files
   * (`otp-flow*.js`: the bundle and the chunks it fetches) with CORS, as a
   * module script and `integrity` need (`OTP_ALLOWED_ORIGINS`).
   */
  corsOrigins?: readonly string[];
  /**
   * A request header in which the CDN in front names the visitor's country (`CF-IPCountry`,
   * `CloudFront-Viewer-Country`; `OTP_COUNTRY_HEADER`): pages get it as `<otp-flow visitor-country>`, so
   * the component chooses it first, without a request of its own.
   */
  countryHeader?: string | undefined;
}

/** The component's files: its entry (`otp-flow.js`, a kit's `otp-flow.<hash>.js`) and the chunks it fetches from beside itself. */
export function isComponentFile(name: string): boolean {
  return name.startsWith('otp-flow') && name.endsWith('.js') && !name.includes('/');
}

/** A Subresource Integrity value for these bytes, as `<script integrity>` takes it. */
export function integrity(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export interface ComponentEntry {
  /** The file's name in its folder. */
  name: string;
  integrity: string;
}

/** The component's entry in `dir`, if it has one: `otp-flow.js`, or a kit's `otp-flow.<hash>.js` (chunks have more dots). */
export function componentEntry(dir: string): ComponentEntry | undefined {
  const name = readdirSync(dir).find((f) => isComponentFile(f) && f.split('.').length <= 3);
  return name === undefined ? undefined : { name, integrity: integrity(readFileSync(join(dir, name))) };
}

export type StaticHandler = (request: Request) => Promise<Response | undefined>;

/**
 * The coding to send, from `Accept-Encoding`: `br`, else `gzip`, when listed
 * without `q=0`. Read by splitting, in one pass over the header: a regular
 * expression tried at each comma backtracked over long runs of spaces, and
 * one 16 KB header held the event loop for a fifth of a second.
 */
export function pickEncoding(accept: string | null): 'br' | 'gzip' | undefined {
  let gzip = false;
  for (const item of (accept ?? '').split(',')) {
    const [name = '', ...params] = item.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'br' && coding !== 'gzip') continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    // RFC 9110 §12.4.2: q=0 means "not acceptable"; an unreadable weight is not an acceptance either.
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (coding === 'br') return 'br';
    gzip = true;
  }
  return gzip ? 'gzip' : undefined;
}

const HASHED_TYPES = new Set(['.js', '.css', '.woff2', '.png', '.svg', '.webp']);
const HASH_CHAR = /^[A-Za-z0-9_-]$/;

/**
 * Whether a file name carries a content hash of 8 or more characters after a
 * `.` or a `-` (`otp-flow.lang.ar.BTnJ4YwN.js`, `app-3f9c2a1b.css`), as
 * bundlers write them. Read from the end, once.
 */
export function hashedName(path: string): boolean {
  const ext = extname(path);
  if (!HASHED_TYPES.has(ext)) return false;
  const stem = path.slice(0, -ext.length);
  let run = 0;
  let longest = 0;
  for (let i = stem.length - 1; i >= 0 && HASH_CHAR.test(stem[i]!); i--) {
    run++;
    // A dash inside the run can start the hash too (`name-abc12345`).
    if (stem[i] === '-') longest = Math.max(longest, run - 1);
  }
  if (stem[stem.length - run - 1] === '.') longest = run;
  return longest >= 8;
}

/** Longer paths are probes: a landing folder's files have short names. */
const MAX_PATH = 1024;
/** Characters no published name holds once decoded: separators, a second round of encoding, controls. */
const FORBIDDEN = new Set(['/', '\\', '%']);

/**
 * The segments of the file `pathname` (as `new URL` gives it: dot-segments
 * resolved, backslashes made slashes) names inside the folder, or undefined
 * when it must not be served. Decoded once, then every segment is judged on
 * what it is after decoding, so no spelling reaches a name the raw path hid:
 * - an encoded separator (`..%2f`, `%5c`) or `%` left after decoding (double
 *   encoding) is refused, never decoded again or split on;
 * - a segment starting with `.` is refused (`..`, `.env`, `.git`), except a
 *   first segment that is exactly `.well-known`;
 * - invalid or overlong UTF-8, control characters (NUL), empty segments
 *   (`//`) and trailing dots or spaces (which Windows drops from a name) are
 *   refused.
 */
export function publicSegments(pathname: string): string[] | undefined {
  if (pathname.length > MAX_PATH || !pathname.startsWith('/')) return undefined;
  const raw = pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const [i, part] of raw.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    // A trailing slash: the folder's index.
    if (segment === '' && i === raw.length - 1) break;
    if (segment === '' || segment.endsWith('.') || segment.endsWith(' ')) return undefined;
    if (segment.startsWith('.') && !(i === 0 && segment === '.well-known')) return undefined;
    for (const c of segment) if (FORBIDDEN.has(c) || c < ' ' || c === '\x7f') return undefined;
    segments.push(segment);
  }
  return segments;
}

export function createStaticHandler(root: string, options: StaticOptions = {}): StaticHandler {
  const base = resolve(root);
  const realBase = realpath(base);
  const immutable = options.immutable ?? hashedName;
  const maxAge = options.maxAge ?? 3600;
  const policy = options.pagePolicy ?? 'frame';
  const cache = new Map<string, CachedFile>();
  const corsOrigins = new Set(options.corsOrigins);

  function prepare(raw: Uint8Array, path: string, mtimeMs: number, size: number): CachedFile {
    const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`;
    const file: CachedFile = { mtimeMs, size, etag, raw };
    if (COMPRESSIBLE.has(extname(path)) && raw.byteLength > 256) {
      file.gzip = new Uint8Array(gzipSync(raw, { level: 9 }));
      file.br = new Uint8Array(brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    if (extname(path) === '.html') {
      file.csp = policy === 'strict' ? strictPolicy(new TextDecoder().decode(raw)) : policy === 'frame' ? "frame-ancestors 'none'" : policy;
    }
    return file;
  }

  /** The page as a visitor from `country` gets it: compressed once per country seen. */
  function forCountry(file: CachedFile, path: string, country: string | undefined): CachedFile {
    if (!country || extname(path) !== '.html') return file;
    file.byCountry ??= new Map();
    let variant = file.byCountry.get(country);
    if (!variant) {
      const page = new TextDecoder().decode(file.raw);
      const told = withVisitorCountry(page, country);
      variant = told === page ? file : prepare(new TextEncoder().encode(told), path, file.mtimeMs, file.size);
      file.byCountry.set(country, variant);
    }
    return variant;
  }

  async function load(path: string): Promise<CachedFile | undefined> {
    let info;
    let real;
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch {
      return undefined;
    }
    // A link (or a link's parent) pointing out of the folder is not the folder's file.
    const inside = await realBase;
    if (real !== inside && !real.startsWith(inside + sep)) return undefined;
    if (!info.isFile()) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
    const file = prepare(new Uint8Array(await readFile(real)), path, info.mtimeMs, info.size);
    cache.set(path, file);
    return file;
  }

  function cacheControl(path: string, ext: string): string {
    if (ext === '.html') return 'no-cache';
    if (immutable(path)) return 'public, max-age=31536000, immutable';
    // Unknown or extensionless files may be anything; no shared cache keeps them.
    return TYPES[ext] ? `public, max-age=${maxAge}` : 'no-cache';
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const { pathname } = new URL(request.url);
    const segments = publicSegments(pathname);
    if (!segments) return undefined;
    let path = join(base, ...segments);
    // Cannot happen after publicSegments; kept so that a change there cannot open the folder up.
    if (path !== base && !path.startsWith(base + sep)) return undefined;
    if (pathname.endsWith('/')) path = join(path, 'index.html');
    let file = await load(path);
    if (!file && !extname(path)) {
      path = join(path, 'index.html');
      file = await load(path);
    }
    if (!file) return undefined;

    const ext = extname(path);
    const countryHeader = ext === '.html' ? options.countryHeader : undefined;
    if (countryHeader) file = forCountry(file, path, edgeCountry(request.headers.get(countryHeader)));
    const headers = new Headers({
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      etag: file.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': cacheControl(path, ext),
    });
    if (file.csp) headers.set('content-security-policy', file.csp);
    // A cache in between keeps one page per country, never one visitor's for another.
    if (countryHeader) headers.set('vary', `accept-encoding, ${countryHeader.toLowerCase()}`);
    if (isComponentFile(basename(path))) {
      // Meant to be loaded by other sites' pages; with CORS only for the ones configured.
      headers.set('cross-origin-resource-policy', 'cross-origin');
      const origin = request.headers.get('origin');
      if (corsOrigins.size) headers.set('vary', 'accept-encoding, origin');
      if (origin && corsOrigins.has(origin)) headers.set('access-control-allow-origin', origin);
    }
    if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });

    const encoding = pickEncoding(request.headers.get('accept-encoding'));
    let body = file.raw;
    if (encoding && file[encoding] && file[encoding]!.byteLength < file.raw.byteLength) {
      body = file[encoding]!;
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}

/**
 * The component's own files from `dir` (the package's `dist/`): `otp-flow.js`
 * and its chunks at the root, nothing else of the folder.
 */
export function createComponentHandler(dir: string, options: StaticOptions = {}): StaticHandler {
  const files = createStaticHandler(dir, options);
  return async (request) => (isComponentFile(new URL(request.url).pathname.slice(1)) ? files(request) : undefined);
}
