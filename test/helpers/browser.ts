/** Debian's Chromium driven by playwright-core, with a record of everything the page did. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../support/chrome.js';

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')), headless: true });
}

export interface Recorded {
  page: Page;
  consoleErrors: string[];
  /** Every URL, request body, response header and text response body the page exchanged. */
  traffic: string[];
  events(): Promise<Array<{ type: string; detail: unknown }>>;
}

/** Opens a page that records console errors, all traffic, and the otp-* events on document. */
export async function recordedPage(browser: Browser, options: BrowserContextOptions = PHONE): Promise<Recorded> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const traffic: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => traffic.push(`${r.method()} ${r.url()} ${r.postData() ?? ''} ${JSON.stringify(r.headers())}`));
  page.on('response', async (r) => {
    traffic.push(JSON.stringify(r.headers()));
    try {
      if (/json|text|javascript|html/.test(r.headers()['content-type'] ?? '')) traffic.push(await r.text());
    } catch {
      // Bodies of redirects and aborted requests are not available.
    }
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __otpEvents: Array<{ type: string; detail: unknown }> };
    w.__otpEvents = [];
    for (const type of ['otp-step', 'otp-sent', 'otp-verified', 'otp-error']) {
      document.addEventListener(type, (e) => w.__otpEvents.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return {
    page,
    consoleErrors,
    traffic,
    events: () => page.evaluate(() => (window as unknown as { __otpEvents: Array<{ type: string; detail: unknown }> }).__otpEvents),
  };
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page; returns the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return violations;
}
