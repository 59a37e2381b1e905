/**
 * The one-script-tag bundle as affiliates use it: dist/otp-flow.js copied to
 * a CDN on another origin, loaded by a page in its own language, in Chromium.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, recordedPage } from '../helpers/browser.js';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

describe('dist/otp-flow.js from a CDN', () => {
  let root: string;
  let cdn: string;
  let site: string;
  let browser: Browser;
  const servers: Server[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-cdn-'));
    // Everything npm run build writes beside the bundle, copied as a CDN upload would be.
    for (const file of (await readdir('dist')).filter((f) => /^otp-flow\..*js$|^otp-flow\.js$/.test(f))) await cp(join('dist', file), join(root, 'v1', file));
    const cdnServer = createServer(async (req, res) => {
      const file = join(root, new URL(req.url!, 'http://x').pathname);
      // A slow mobile network: the language arrives well after the bundle has run.
      if (/\.lang\./.test(file)) await new Promise((r) => setTimeout(r, 400));
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    cdn = await listen(cdnServer);
    const siteServer = createServer((req, res) => {
      const lang = new URL(req.url!, 'http://x').searchParams.get('lang') ?? 'en';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><script type="module" src="${cdn}/v1/otp-flow.js"></script></head>
<body><otp-flow country="AE"><p slot="disclosure">AED 1.50/day</p></otp-flow></body></html>`);
    });
    site = await listen(siteServer);
    servers.push(cdnServer, siteServer);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Opens the page and records, every frame until `done`, whether the form was painted and in which words. */
  async function open(lang: string, done: string) {
    const { page, consoleErrors } = await recordedPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // A string, not a function: tsx would wrap the named callback in a helper the page does not have.
    await page.addInitScript(`
      window.frames_ = [];
      requestAnimationFrame(function look() {
        const root = document.querySelector('otp-flow')?.shadowRoot?.querySelector('.root');
        if (root) window.frames_.push({ painted: getComputedStyle(root).visibility === 'visible', label: root.querySelector('label')?.textContent ?? '' });
        requestAnimationFrame(look);
      });
    `);
    await page.goto(`${site}/?lang=${lang}`);
    await page.waitForFunction((text) => document.querySelector('otp-flow')?.shadowRoot?.querySelector('label')?.textContent === text, done);
    await page.waitForTimeout(100);
    const frames = await page.evaluate(() => (window as unknown as { frames_: Array<{ painted: boolean; label: string }> }).frames_);
    return { page, frames, requests, consoleErrors };
  }

  it('speaks Arabic on an ar-AE page, fetching the Arabic chunk from beside the bundle, and paints no English first', async () => {
    const { frames, requests, consoleErrors } = await open('ar-AE', 'رقم الجوال');
    const chunks = requests.filter((url) => url.includes('.lang.'));
    assert.equal(chunks.length, 1, chunks.join(' '));
    assert.match(chunks[0]!, new RegExp(`^${cdn}/v1/otp-flow\\.lang\\.ar\\.[\\w-]+\\.js$`));
    assert.ok(frames.some((f) => !f.painted), 'frames went by while the language was on its way');
    assert.deepEqual(frames.filter((f) => f.painted && f.label !== 'رقم الجوال'), [], 'every painted frame is Arabic');
    assert.deepEqual(consoleErrors, []);
  });

  it('fetches nothing more for an English page, and paints at once', async () => {
    const { frames, requests } = await open('en', 'Mobile number');
    assert.deepEqual(requests.filter((url) => url.includes('.lang.') || url.includes('.examples.')), []);
    assert.ok(frames.length > 0 && frames.every((f) => f.painted), 'painted from the first frame');
  });

  it('fetches its country’s plan from beside the bundle, once, and formats the number as it is typed', async () => {
    const { page, requests, consoleErrors } = await open('en', 'Mobile number');
    const input = page.locator('otp-flow input#phone');
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('input')?.placeholder === '050 123 4567');
    await input.pressSequentially('+966 5');
    await input.pressSequentially('01234567');
    assert.equal(await input.inputValue(), '+966 50 123 4567');
    const plans = requests.filter((url) => url.includes('.plan.'));
    assert.deepEqual(plans.map((url) => url.replace(/\.[\w-]+\.js$/, '').replace(`${cdn}/v1/`, '')), ['otp-flow.plan.971', 'otp-flow.plan.966']);
    assert.deepEqual(consoleErrors, []);
  });

  it('keeps the page texts of a language out of its chunk', async () => {
    const arabic = (await readdir(join(root, 'v1'))).find((f) => f.startsWith('otp-flow.lang.ar.'))!;
    const source = await readFile(join(root, 'v1', arabic), 'utf8');
    assert.match(source, /رقم الجوال/);
    const { pages } = await import('../../src/component/translations/index.js');
    for (const text of [pages.ar.lead, pages.ar.footerPrivacy, pages.ar.title]) assert.ok(!source.includes(text), `"${text}" is not in the chunk`);
  });
});
