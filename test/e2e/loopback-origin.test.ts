/**
 * A preview with no OTP_PUBLIC_ORIGIN: the page runs on this machine, on
 * another port than the proxy (a dev server), and the whole flow works in a
 * real browser, because the proxy answers such pages with CORS.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, recordedPage } from '../helpers/browser.js';
import { startCli, type Started } from '../../support/cli.js';

describe('a page on this machine, on another port than the proxy', () => {
  let proxy: Started;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;

  before(async () => {
    proxy = await startCli(['serve', '--simulate'], { env: { PORT: '0' } });
    const files = new Set((await readdir('dist')).filter((f) => /^otp-flow(\..+)?\.js$/.test(f)));
    site = createServer(async (req, res) => {
      const name = new URL(req.url!, 'http://x').pathname.slice(1);
      if (files.has(name)) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(join('dist', name)));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><script type="module" src="/otp-flow.js"></script></head>
<body><otp-flow country="AE" endpoint="${proxy.url}/otp"></otp-flow></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    assert.notEqual(new URL(siteUrl).port, new URL(proxy.url).port);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    site?.close();
    await proxy?.stop();
  });

  it('sends and verifies a code, with no error on the console', async () => {
    const { page, consoleErrors } = await recordedPage(browser);
    await page.goto(siteUrl);
    const phone = page.locator('otp-flow #phone');
    await phone.pressSequentially('0501234567');
    await phone.press('Enter');
    await page.locator('otp-flow #code').waitFor();
    const [, code] = await proxy.waitFor(/SMS to \+9715\*+67: your code is (\d+)/);
    await page.locator('otp-flow #code').pressSequentially(code!);
    await page.locator('otp-flow #code').press('Enter');
    await page.locator('otp-flow .success').waitFor();
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  it('logs the origin it refuses, cut to a bounded length', async () => {
    const origin = `https://elsewhere.example/${'x'.repeat(2_000)}`;
    const reply = await fetch(`${proxy.url}/otp/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ msisdn: '+971501234567' }),
    });
    assert.equal(reply.status, 403);
    const preflight = await fetch(`${proxy.url}/otp/send`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 403);
    const lines = (await proxy.waitFor(/"origin_forbidden".*\n(.|\n)*"origin_forbidden".*\n/)).input!.split('\n').filter((l) => l.includes('origin_forbidden'));
    assert.ok(lines.some((l) => l.includes('"origin":"https://elsewhere.example"')), lines.join('\n'));
    assert.ok(lines.every((l) => l.length < 1_000), 'a long origin is cut');
  });
});
