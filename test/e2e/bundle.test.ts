/**
 * The one-script-tag bundle as affiliates use it: dist/otp-flow.js copied to
 * a CDN on another origin, loaded by a page in its own language, in Chromium,
 * calling a proxy on a third origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createListener } from '../../src/adapters/node.js';
import { createSimulatedApp, type SimulatedApp } from '../../src/simulator/index.js';
import { launch, recordedPage } from '../helpers/browser.js';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

describe('dist/otp-flow.js from a CDN', () => {
  let root: string;
  let cdn: string;
  let site: string;
  let proxy: string;
  let shielded: SimulatedApp;
  let browser: Browser;
  const servers: Server[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-cdn-'));
    // Everything npm run build writes beside the bundle, copied as a CDN upload would be.
    for (const file of (await readdir('dist')).filter((f) => /^otp-flow\..*js$|^otp-flow\.js$/.test(f))) {
      await cp(join('dist', file), join(root, 'v1', file));
      // An upload that lost the proof-of-work solver.
      if (!file.includes('.solver.')) await cp(join('dist', file), join(root, 'v2', file));
    }
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
    // A proxy that asks every send for a proof of work, cheap enough for a test.
    shielded = await createSimulatedApp({ print: () => {}, proxy: { logger: () => {}, challenge: 'always', challengeCost: 40 } });
    const proxyServer = createServer(createListener(shielded.fetch));
    proxy = await listen(proxyServer);
    const siteServer = createServer((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams;
      const lang = query.get('lang') ?? 'en';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><script type="module" src="${cdn}/${query.get('upload') ?? 'v1'}/otp-flow.js${query.has('v') ? `?v=${query.get('v')}` : ''}"></script></head>
<body><otp-flow country="AE"${query.has('countries') ? ` countries="${query.get('countries')}"` : ''} endpoint="${proxy}/otp"><p slot="disclosure">AED 1.50/day</p></otp-flow></body></html>`);
    });
    site = await listen(siteServer);
    servers.push(cdnServer, proxyServer, siteServer);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    await shielded?.close();
    await rm(root, { recursive: true, force: true });
  });

  /**
   * Opens the page and records, every frame until `done`, whether the form was painted and in which words.
   * `prepare` runs before the page loads.
   */
  async function open(lang: string, done: string, upload = 'v1', { query = '', prepare }: { query?: string; prepare?: (page: Page) => Promise<void> } = {}) {
    const { page, consoleErrors } = await recordedPage(browser);
    await prepare?.(page);
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
    await page.goto(`${site}/?lang=${lang}&upload=${upload}${query}`);
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
    assert.deepEqual(requests.filter((url) => url.includes('.lang.') || url.includes('.examples.') || url.includes('.solver.')), []);
    assert.ok(frames.length > 0 && frames.every((f) => f.painted), 'painted from the first frame');
  });

  /** Types a fresh number into the page's component and sends it with Enter. */
  async function sendFrom(upload: string, prepare?: (page: Page) => Promise<void>) {
    const { page, requests, consoleErrors } = await open('en', 'Mobile number', upload, { prepare });
    const number = `052${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await page.locator('otp-flow #phone').pressSequentially(number);
    await page.locator('otp-flow #phone').press('Enter');
    return { page, requests, consoleErrors, e164: `+971${number.slice(1)}` };
  }

  it('proves the work when the proxy asks, with the solver fetched from beside the bundle only then', async () => {
    const { page, requests, e164 } = await sendFrom('v1');
    await page.locator('otp-flow #code').waitFor();
    const solver = requests.findIndex((url) => url.includes('.solver.'));
    assert.match(requests[solver] ?? '', new RegExp(`^${cdn}/v1/otp-flow\\.solver\\.[\\w-]+\\.js$`));
    const sends = requests.flatMap((url, i) => (url === `${proxy}/otp/send` ? [i] : []));
    assert.equal(sends.length, 2, 'sent, asked, sent again with the solution');
    assert.ok(sends[0]! < solver && solver < sends[1]!, requests.join(' '));
    assert.ok(shielded.simulator.inbox.some((m) => `+${m.to}` === e164), 'the code was sent');
  });

  it('says the service is unavailable when the solver cannot be fetched, and never spins on', async () => {
    const { page, requests } = await sendFrom('v2');
    const alert = page.locator('otp-flow [role=alert]');
    await alert.filter({ hasText: 'The service is not available right now. Try again in a moment.' }).waitFor();
    assert.ok(requests.some((url) => url.includes('.solver.')), 'it tried');
    assert.equal(await page.locator('otp-flow button[type=submit]').textContent().then((t) => t?.trim()), 'Send code');
  });

  it('fetches its country’s plan from beside the bundle, once, and formats the number as it is typed', async () => {
    const { page, requests, consoleErrors } = await open('en', 'Mobile number');
    const input = page.locator('otp-flow input#phone');
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('input')?.placeholder === '050 123 4567');
    await input.pressSequentially('+966 5');
    await input.pressSequentially('01234567');
    // Typed before Saudi Arabia's plan arrived, the digits are formatted when it does.
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('input')?.value === '+966 50 123 4567', undefined, { timeout: 5_000 }).catch(() => {});
    assert.equal(await input.inputValue(), '+966 50 123 4567');
    const plans = requests.filter((url) => url.includes('.plan.'));
    assert.deepEqual(plans.map((url) => url.replace(/\.[\w-]+\.js$/, '').replace(`${cdn}/v1/`, '')), ['otp-flow.plan.971', 'otp-flow.plan.966']);
    assert.deepEqual(consoleErrors, []);
  });

  /** Holds back the page's requests for a chunk (`otp-flow.<kind>.<hash>.js`) until `release`. */
  async function hold(page: Page, kind: string) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let requested!: () => void;
    const asked = new Promise<void>((resolve) => (requested = resolve));
    await page.route(new RegExp(`/otp-flow\\.${kind}\\.[\\w-]+\\.js$`), async (route) => {
      requested();
      await released;
      await route.continue();
    });
    return { asked, release };
  }

  // Loaded as a page may load it, with a query: the chunk must not fetch the bundle again under another address.
  it('opens the country picker tapped before its list arrived, once it does, and chooses from it', async () => {
    let list!: Awaited<ReturnType<typeof hold>>;
    const { page, requests, consoleErrors } = await open('en', 'Mobile number', 'v1', { query: '&countries=AE,SA&v=2', prepare: async (p) => void (list = await hold(p, 'country-list')) });
    const button = page.locator('otp-flow [part~=country-button]');
    await list.asked;
    await button.tap();
    assert.equal(await page.locator('otp-flow #country-search').count(), 0, 'no list while its chunk is held back');
    list.release();
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.activeElement?.id === 'country-search');
    await page.keyboard.type('saud');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('otp-flow')?.shadowRoot?.querySelector('input#phone')?.getAttribute('placeholder') === '051 234 5678');
    assert.match((await button.getAttribute('aria-label')) ?? '', /\+966, Country: Saudi Arabia$/);
    assert.deepEqual(requests.filter((url) => url.includes('/otp-flow.js')), [`${cdn}/v1/otp-flow.js?v=2`], 'the bundle, once');
    assert.deepEqual(consoleErrors, []);
  });

  it('reads an SMS pasted before its reader arrived, once it does, and confirms the code in it', async () => {
    let reader!: Awaited<ReturnType<typeof hold>>;
    const { page, requests, e164 } = await sendFrom('v1', async (p) => void (reader = await hold(p, 'sms')));
    await page.locator('otp-flow #code').waitFor();
    await reader.asked;
    const code = shielded.simulator.inbox.findLast((m) => `+${m.to}` === e164)!.code;
    // Copied from the SMS app with Ctrl+C, pasted with Ctrl+V: the browser's own clipboard and paste.
    await page.evaluate((text) => {
      const sms = Object.assign(document.createElement('textarea'), { id: 'sms', value: text });
      document.body.append(sms);
    }, `Your code is ${code}. Ref 20261204. Reply STOP to 1234.`);
    await page.locator('#sms').selectText();
    await page.keyboard.press('Control+C');
    await page.locator('otp-flow #code').focus();
    await page.keyboard.press('Control+V');
    assert.equal(await page.locator('otp-flow #code').inputValue(), '', 'nothing read while the reader is held back');
    reader.release();
    await page.locator('otp-flow .success').waitFor();
    assert.equal(requests.filter((url) => url === `${proxy}/otp/verify`).length, 1, 'one verify, with the code');
  });

  it('asks the browser for the SMS (WebOTP) when its chunk arrives after the code was sent, and confirms the code read', async () => {
    let reader!: Awaited<ReturnType<typeof hold>>;
    const { page, e164 } = await sendFrom('v1', async (p) => {
      reader = await hold(p, 'sms');
      // Chrome on Android reads the SMS itself; no SMS reaches this machine, so the browser's answer is the test's.
      await p.addInitScript(`
        window.OTPCredential = class {};
        Object.defineProperty(navigator, 'credentials', { configurable: true, value: { get: () => new Promise((resolve) => (window.deliver = (code) => resolve({ code }))) } });
      `);
    });
    await page.locator('otp-flow #code').waitFor();
    await reader.asked;
    reader.release();
    await page.waitForFunction(() => typeof (window as unknown as { deliver?: unknown }).deliver === 'function');
    const code = shielded.simulator.inbox.findLast((m) => `+${m.to}` === e164)!.code;
    await page.evaluate((c) => (window as unknown as { deliver(code: string): void }).deliver(c), code);
    await page.locator('otp-flow .success').waitFor();
  });

  it('keeps the page texts of a language out of its chunk', async () => {
    const arabic = (await readdir(join(root, 'v1'))).find((f) => f.startsWith('otp-flow.lang.ar.'))!;
    const source = await readFile(join(root, 'v1', arabic), 'utf8');
    assert.match(source, /رقم الجوال/);
    const { pages } = await import('../../src/component/translations/index.js');
    for (const text of [pages.ar.lead, pages.ar.footerPrivacy, pages.ar.title]) assert.ok(!source.includes(text), `"${text}" is not in the chunk`);
  });
});
