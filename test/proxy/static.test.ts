/**
 * `otp-flow serve <dir>` publishes the folder's public files and nothing
 * else: not the `.env` it reads, not dot-files, not what a link points to
 * outside the folder.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { runCli, startCli, type Started } from '../../support/cli.js';
import fc from 'fast-check';
import { createStaticHandler, hashedName, pickEncoding } from '../../src/adapters/node-static.js';
import { inlineScripts } from '../../src/shared/page-policy.js';
import { assertNoTraversal, plantSecrets } from '../helpers/traversal.js';

const KEY = `static-key-${crypto.randomUUID()}`;
const SETTINGS = `OFFER18_KEY=${KEY}\nOFFER18_AID=1\nOFFER18_MID=2\nOFFER18_PARTNER=p\nOTP_COUNTRIES=AE\nPORT=0\n`;

describe('otp-flow serve <dir>', () => {
  let root: string;
  let app: Started;
  let secrets: string[];
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-static-'));
    await writeFile(join(root, '.env'), SETTINGS);
    const pub = join(root, 'public');
    await mkdir(join(pub, '.well-known'), { recursive: true });
    await mkdir(join(pub, '.git'));
    await writeFile(join(pub, 'index.html'), '<!doctype html><title>landing</title>');
    await writeFile(join(pub, 'app.js'), 'export {};');
    await writeFile(join(pub, 'notes'), 'an extensionless file');
    await writeFile(join(pub, 'data.bin.unknown'), 'unknown type');
    await writeFile(join(pub, '.anything'), 'hidden');
    await writeFile(join(pub, '.git', 'config'), '[core]');
    await writeFile(join(pub, '.well-known', 'security.txt'), 'Contact: mailto:sec@example.com');
    await symlink(join(root, '.env'), join(pub, 'link.txt'));
    await symlink(root, join(pub, 'up'));
    await writeFile(join(root, 'outside.txt'), 'not public');
    await writeFile(join(pub, 'inside.txt'), 'public');
    await symlink(join(pub, 'inside.txt'), join(pub, 'alias.txt'));
    secrets = await plantSecrets(pub);
    app = await startCli(['serve', 'public'], { cwd: root });
  });
  after(async () => {
    await app?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses to start when the folder it serves holds the .env it reads', async () => {
    for (const dir of ['.', root]) {
      const result = await runCli(['serve', dir], { cwd: root });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^otp-flow: configuration error: the folder to serve .* holds .*\.env, which has the key/);
      assert.ok(!result.stderr.includes(KEY));
    }
  });

  it('never serves a path with a segment starting with a dot, except /.well-known/', async () => {
    for (const path of ['/.anything', '/.git/config', '/.env', '/%2eenv', '/.git/', '/x/../.anything']) {
      const reply = await fetch(`${app.url}${path}`);
      const text = await reply.text();
      assert.notEqual(reply.status, 200, `${path} was served`);
      assert.ok(!text.includes(KEY) && !text.includes('hidden') && !text.includes('[core]'), path);
    }
    const wellKnown = await fetch(`${app.url}/.well-known/security.txt`);
    assert.equal(wellKnown.status, 200);
    assert.match(await wellKnown.text(), /Contact/);
  });

  it('answers every spelling of a hidden or outside path with a 404 and nothing of the file', async () => {
    await assertNoTraversal(Number(new URL(app.url).port), new URL(app.url).host, [KEY, ...secrets]);
  });

  it('never follows a link out of its folder, and does follow one inside it', async () => {
    for (const path of ['/link.txt', '/up/.env', '/up/outside.txt']) {
      const reply = await fetch(`${app.url}${path}`);
      const text = await reply.text();
      assert.notEqual(reply.status, 200, `${path} was served`);
      assert.ok(!text.includes(KEY) && !text.includes('not public'), path);
    }
    const alias = await fetch(`${app.url}/alias.txt`);
    assert.equal(alias.status, 200);
    assert.equal(await alias.text(), 'public');
  });

  it('lets no shared cache keep unknown or extensionless files', async () => {
    for (const path of ['/notes', '/data.bin.unknown']) {
      const reply = await fetch(`${app.url}${path}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('cache-control'), 'no-cache', path);
      assert.equal(reply.headers.get('content-type'), 'application/octet-stream');
    }
    assert.equal((await fetch(`${app.url}/app.js`)).headers.get('cache-control'), 'public, max-age=3600');
  });

  it('sends security headers: no framing, no sniffing, a referrer policy', async () => {
    const page = await fetch(`${app.url}/`);
    assert.equal(page.headers.get('content-security-policy'), "frame-ancestors 'none'");
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  });
});

describe('the strict page policy of landing kits', () => {
  it('allows the page’s own inline scripts by hash and nothing else inline, and forbids framing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otp-flow-csp-'));
    try {
      const inline = "requestAnimationFrame(() => import('./x.js'));";
      await writeFile(join(dir, 'index.html'), `<!doctype html><script type="module">${inline}</script><script src="./y.js"></script>`);
      const files = createStaticHandler(dir, { pagePolicy: 'strict' });
      const reply = (await files(new Request('http://127.0.0.1/')))!;
      const policy = reply.headers.get('content-security-policy')!;
      const hash = createHash('sha256').update(inline).digest('base64');
      assert.match(policy, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`));
      assert.doesNotMatch(policy, /unsafe-inline[^;]*;[^;]*script|script-src[^;]*unsafe/);
      assert.match(policy, /frame-ancestors 'none'/);
      assert.match(policy, /object-src 'none'/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the visitor’s country, told to the page (OTP_COUNTRY_HEADER)', () => {
  let root: string;
  let app: Started;
  const inline = "import('./otp-flow.js');";
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-country-'));
    await writeFile(join(root, '.env'), `${SETTINGS}OTP_COUNTRY_HEADER=CloudFront-Viewer-Country\n`);
    await mkdir(join(root, 'public'));
    const page = `<!doctype html><script type="module">${inline}</script>\n<otp-flow country="AE" countries="AE,SA"></otp-flow><otp-flow-other></otp-flow-other>${' '.repeat(300)}`;
    await writeFile(join(root, 'public', 'index.html'), page);
    app = await startCli(['serve', 'public'], { cwd: root });
  });
  after(async () => {
    await app?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const get = (country?: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/`, { headers: { 'accept-encoding': 'gzip', ...(country ? { 'cloudfront-viewer-country': country } : {}), ...headers } });

  it('puts the country the CDN names on <otp-flow>, one copy per country, each with its own validator', async () => {
    const saudi = await get('sa');
    const html = await saudi.text();
    assert.match(html, /<otp-flow visitor-country="SA" country="AE" countries="AE,SA"><\/otp-flow><otp-flow-other>/);
    assert.equal(saudi.headers.get('vary'), 'accept-encoding, cloudfront-viewer-country');
    assert.equal(saudi.headers.get('content-encoding'), 'gzip');
    const none = await get();
    assert.doesNotMatch(await none.text(), /visitor-country/);
    assert.equal(none.headers.get('vary'), 'accept-encoding, cloudfront-viewer-country', 'a cache keeps the copy for no country apart too');
    assert.notEqual(saudi.headers.get('etag'), none.headers.get('etag'));
    // A copy revalidated for another country is not that country's.
    const moved = await get('AE', { 'if-none-match': saudi.headers.get('etag')! });
    assert.equal(moved.status, 200);
    assert.match(await moved.text(), /visitor-country="AE"/);
    assert.equal(saudi.headers.get('content-security-policy'), none.headers.get('content-security-policy'), 'the inline script still allowed by its hash');
  });

  it('tells nothing for an unknown country, Tor, or a value that is not a country', async () => {
    for (const value of ['XX', 'T1', 'SAU', '"><script>', ' ']) {
      const reply = await get(value);
      assert.doesNotMatch(await reply.text(), /visitor-country/, value);
    }
  });
});

describe('the linear-time readers of the static server', () => {
  // The regular expressions they replace (test/proxy/regexes.test.ts refuses them in src/), as oracles on short input.
  const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;
  const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|png|svg|webp)$/;
  const pieces = (words: string[]) => fc.array(fc.constantFrom(...words), { maxLength: 24 }).map((p) => p.join(''));

  it('finds the same inline scripts as the regular expression did', () => {
    const html = pieces(['<script', '<SCRIPT', '<scripts', '>', ' ', '\n', 'src', ' src =', 'data-src=', '"x"', 'a', '</script', '</SCRIPT', '</script >', '</scripty>', '/']);
    fc.assert(fc.property(html, (text) => assert.deepEqual(inlineScripts(text), [...text.matchAll(INLINE_SCRIPT)].map((m) => m[1]))), { numRuns: 3000 });
  });

  it('tells hashed names as the regular expression did', () => {
    const path = pieces(['/', '.', '-', '_', 'a', 'B', '7', 'abcdefgh', 'x.', '.js', '.css', '.map', '.png', '.svg', '.html']);
    fc.assert(fc.property(path, (p) => assert.equal(hashedName(p), HASHED.test(p), p)), { numRuns: 3000 });
  });

  it('reads Accept-Encoding as listed, weights included', () => {
    const cases: Array<[string | null, string | undefined]> = [
      [null, undefined],
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['BR ; Q=0.000, gzip;q=0', undefined],
      ['br;q=0.5', 'br'],
      ['identity, *;q=0', undefined],
      ['gzip;q=x', undefined],
      [`br${' '.repeat(16_000)}x`, undefined],
    ];
    for (const [header, expected] of cases) assert.equal(pickEncoding(header), expected, String(header).slice(0, 30));
  });
});
