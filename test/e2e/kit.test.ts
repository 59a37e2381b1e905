/**
 * The whole affiliate journey: `otp-flow init` (with the tracker's postback
 * URL), `npm start` in the folder it wrote, and a person on a phone who came
 * from an ad walking the page, in Debian's Chromium; the tracker, a real
 * HTTP server on loopback, told of the conversion.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runCli, startProcess, type Started } from '../../support/cli.js';
import { launch } from '../helpers/browser.js';
import { walkArabicKit } from '../helpers/kit-walk.js';
import { postbackWithin, startTracker, type Tracker } from '../helpers/tracker.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `e2e-key-${crypto.randomUUID()}`;

describe('a landing kit, end to end', () => {
  let root: string;
  let kit: string;
  let upstream: RunningSimulator;
  let server: Started;
  let browser: Browser;
  let tracker: Tracker;
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-e2e-'));
    kit = join(root, 'landing');
    tracker = await startTracker();
    const postback = `${tracker.origin}/postback?cid={clickid}&s1={sub1}&tx={txid}&ev={event}`;
    const made = await runCli(
      ['init', kit, '--aid', '1234', '--mid', '5678', '--partner', 'acme', '--country', 'AE', '--lang', 'ar', '--title', 'مسابقة اليوم', '--postback-url', postback],
      { timeoutMs: 60_000 },
    );
    assert.equal(made.code, 0, made.stderr);
    // The affiliate's own step: the key goes into .env, which init never writes.
    upstream = await startSimulator(sim);
    await writeFile(
      join(kit, '.env'),
      // Every send asked for a proof of work, so the walk shows the page's strict policy lets the solver in.
      [`OFFER18_KEY=${KEY}`, `OFFER18_API_BASE=${upstream.apiBase}`, `OTP_SESSION_SECRET=${'s'.repeat(40)}`, 'NODE_ENV=production', 'PORT=0', 'OTP_CHALLENGE=always'].join('\n'),
    );
    server = await startProcess('npm', ['start'], { cwd: kit, env: { npm_config_update_notifier: 'false' } });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await upstream?.close();
    await tracker?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('walks number → proof of work → wrong code → right code on a phone from an ad, with no key in sight; the tracker gets one postback within a second', async () => {
    const { verifiedAt } = await walkArabicKit(browser, `${server.url}/`, sim, KEY, { challenged: true, click: { clickid: 'abc123', sub1: 'banner7' } });
    const postback = await postbackWithin(tracker, verifiedAt);
    const { cid, s1, tx, ev } = Object.fromEntries(postback.url.searchParams);
    assert.deepEqual({ cid, s1, ev }, { cid: 'abc123', s1: 'banner7', ev: 'verified' });
    assert.match(tx!, /^[0-9a-f]{32}$/);
    // The delivery's log line comes once the tracker has answered: by then no second postback is in flight.
    await server.waitFor(/"event":"postback\.delivered"/);
    assert.equal(tracker.requests.length, 1, 'one postback for the conversion, none for the wrong code');
    assert.equal(server.output().match(/"event":"postback\.delivered"/g)?.length, 1);
    assert.match(server.output(), /postbacks \(verified\) to 127\.0\.0\.1:\d+: kept in memory, so those not yet delivered are lost when the server stops/);
    assert.ok(!postback.url.href.includes(KEY) && !postback.url.href.includes('501234567'), 'no key and no number in the postback');
  });


  it('serves its files compressed with sensible cache headers', async () => {
    const page = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(page.headers.get('content-encoding'), 'br');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    // The page runs under its strict policy (the walk above would have logged any violation).
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self' 'sha256-[^']+'; .*frame-ancestors 'none'/);
    const html = await page.text();
    const bundle = html.match(/import\('\.\/(otp-flow\.[0-9a-f]{10}\.js)'\)/)![1]!;
    const js = await fetch(`${server.url}/${bundle}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(js.headers.get('content-encoding'), 'gzip');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    const again = await fetch(`${server.url}/${bundle}`, { headers: { 'if-none-match': js.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const solver = (await readdir(join(kit, 'public'))).find((f) => f.startsWith('otp-flow.solver.'))!;
    assert.equal((await fetch(`${server.url}/${solver}`)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('keeps the key out of every file but the .env the affiliate wrote, and out of the log', async () => {
    for (const entry of await readdir(kit, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === '.env') continue;
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
      assert.ok(!text.includes(KEY), `the key is not in ${entry.name}`);
    }
    assert.ok(!server.output().includes(KEY), 'the key is not in the server log');
    assert.match(server.output(), /otp\.verified/);
  });
});
