/**
 * The one-script-tag embed on another site: a page on another origin loads
 * the component from `otp-flow serve` (and from a kit), with the tag serve
 * prints at start-up (`integrity` included), in Chromium. Only the origins
 * in OTP_ALLOWED_ORIGINS get the files with CORS.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runCli, startCli, startProcess, type Started } from '../../support/cli.js';
import { launch, recordedPage } from '../helpers/browser.js';
import { freePort } from '../../support/net.js';

const sri = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('the component embedded in another site’s page', () => {
  let root: string;
  let browser: Browser;
  /** The affiliate's site, allowed; and a site nobody allowed. */
  let site: string;
  let stranger: string;
  const servers: Server[] = [];
  const running: Started[] = [];

  async function listenSite(port: number, page: () => string): Promise<string> {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  }

  /** What the sites' pages carry: the tag in their head, the element pointed at the proxy. */
  let head = '';
  let proxy = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-embed-'));
    const html = () => `<!doctype html><html lang="ar"><head><meta charset="utf-8">${head}</head>
<body><otp-flow endpoint="${proxy}/otp" country="AE"><p slot="disclosure">AED 1.50/day</p></otp-flow></body></html>`;
    site = await listenSite(await freePort(), html);
    stranger = await listenSite(await freePort(), html);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const server of running) await server.stop();
    for (const server of servers) server.close();
    await rm(root, { recursive: true, force: true });
  });

  /** The tag the server printed at start, checked against the bytes it serves; then used by the pages. */
  async function printedTag(server: Started): Promise<{ tag: string; src: string; bytes: Uint8Array }> {
    const [, tag = '', src = '', integrity] = await server.waitFor(/component: (<script type="module" src="(\S+)" integrity="(\S+)" crossorigin="anonymous"><\/script>)/);
    const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
    assert.equal(integrity, sri(bytes), 'the printed integrity is that of the served file');
    return { tag, src, bytes };
  }

  /**
   * Opens `origin`'s page; resolves with the label the component shows (undefined: none came) and the console's errors.
   * The label is English until the language chunk lands, so it waits for `expected` and, failing that, reports what is shown.
   */
  async function open(origin: string, expected: string): Promise<{ label: string | undefined; consoleErrors: string[] }> {
    const { page, consoleErrors } = await recordedPage(browser);
    await page.goto(`${origin}/`);
    const shown = () => page.evaluate(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('label')?.textContent ?? undefined);
    const label = await page
      .waitForFunction((want) => document.querySelector('otp-flow')?.shadowRoot?.querySelector('label')?.textContent === want, expected, { timeout: 5_000 })
      .then(shown, shown);
    await page.context().close();
    return { label, consoleErrors };
  }

  async function expectEmbeds(): Promise<void> {
    const allowed = await open(site, 'رقم الجوال');
    assert.equal(allowed.label, 'رقم الجوال', `the component came, in Arabic: ${allowed.consoleErrors.join(' | ')}`);
    assert.deepEqual(allowed.consoleErrors, []);
    const refused = await open(stranger, 'رقم الجوال');
    assert.equal(refused.label, undefined, 'a site not in OTP_ALLOWED_ORIGINS gets no component');
    assert.ok(refused.consoleErrors.some((e) => /CORS|Access-Control-Allow-Origin/i.test(e)), refused.consoleErrors.join(' | '));
  }

  it('from otp-flow serve: the tag it prints works as printed, its Arabic chunk too', { timeout: 60_000 }, async () => {
    const server = await startCli(['serve', '--simulate'], { env: { OTP_ALLOWED_ORIGINS: site, PORT: '0' } });
    running.push(server);
    proxy = server.url;
    const { tag, src, bytes } = await printedTag(server);
    assert.equal(src, `${server.url}/otp-flow.js`);
    assert.deepEqual(bytes, new Uint8Array(await readFile('dist/otp-flow.js')), 'the same bytes as dist/otp-flow.js in the package');
    head = tag;
    await expectEmbeds();
  });

  it('from a kit: its tailored bundle, with the tag its server prints', { timeout: 60_000 }, async () => {
    const kit = join(root, 'kit');
    const made = await runCli(['init', kit, '--aid', '1', '--mid', '2', '--partner', 'p', '--country', 'AE', '--lang', 'ar'], { timeoutMs: 60_000 });
    assert.equal(made.code, 0, made.stderr);
    const server = await startProcess(process.execPath, ['server.mjs', '--simulate'], { cwd: kit, env: { OTP_ALLOWED_ORIGINS: site, PORT: '0' } });
    running.push(server);
    proxy = server.url;
    head = (await printedTag(server)).tag;
    await expectEmbeds();
  });
});
