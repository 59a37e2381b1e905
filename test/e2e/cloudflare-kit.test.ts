/**
 * The Cloudflare kit, end to end: `otp-flow init --target cloudflare`, the
 * folder it wrote run by the real `wrangler dev` (workerd, Durable Objects
 * persisted on disk), the Offer18 simulator on a loopback port as Offer18,
 * and a person on a phone from an ad walking the page in Debian's Chromium,
 * the tracker (a real HTTP server on loopback) told of the conversion, also
 * through a failure and an outage. Then what the Durable Objects must
 * guarantee under concurrent load and across a restart, a kit with a missing
 * secret, and the kit's `npm run simulate`.
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
import { until } from '../helpers/wait.js';
import { Agent, burst, postRaw, tally, type Outcome } from '../helpers/load.js';
import { devArgs, READY, REPO_BIN, runCommand, WRANGLER, wranglerDev, wranglerEnv } from '../helpers/wrangler.js';
import { strictPolicy } from '../../src/shared/page-policy.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';

const KEY = `cf-e2e-key-${crypto.randomUUID()}`;
const SECRET = `cf-e2e-secret-${crypto.randomUUID()}`;
/** The kit's defaults, which these tests count against. */
const NUMBER_LIMIT = 3;
const CLIENT_LIMIT = 20;
const MAX_ATTEMPTS = 5;

let root: string;
let kit: string;

/** One kit for every test here: init builds a component bundle, which takes seconds. */
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'otp-flow-cf-e2e-'));
  kit = join(root, 'landing');
  const made = await runCli(
    ['init', kit, '--target', 'cloudflare', '--aid', '1234', '--mid', '5678', '--partner', 'acme', '--country', 'AE', '--lang', 'ar', '--title', 'مسابقة اليوم'],
    { timeoutMs: 60_000 },
  );
  assert.equal(made.code, 0, made.stderr);
});

after(() => rm(root, { recursive: true, force: true }));

/** The budgets are what most of these count, from visitors of one /24: the shield, on by default, has its own describe below. */
const BUDGETS_ONLY = { OTP_CHALLENGE: 'off', OTP_PREFIX_MIN_SENDS: '0' };

let nextClient = 1;
/** Each send from its own visitor unless told otherwise: wrangler dev passes CF-Connecting-IP on, as Cloudflare sets it. */
const visitor = () => `198.51.100.${nextClient++ % 250}`;

function post(base: string, path: string, body: unknown, ip = visitor()): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
    body: JSON.stringify(body),
  });
}

function assertNoKeyIn(outcomes: Outcome[]): void {
  for (const o of outcomes) assert.ok(!o.text.includes(KEY), 'the key is not in a reply');
}

/** The JSON lines the Worker logged (wrangler prints console.log as is, among its own lines). */
function logLines(output: string): Array<Record<string, any>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, any>];
      } catch {
        return [];
      }
    });
}


/** The kit's secrets as `wrangler dev` reads them locally, pointing it at a simulator. */
function writeDevVars(apiBase: string): Promise<void> {
  return writeFile(join(kit, '.dev.vars'), [`OFFER18_KEY=${KEY}`, `OTP_SESSION_SECRET=${SECRET}`, `OFFER18_API_BASE=${apiBase}`, ''].join('\n'));
}

describe('a Cloudflare kit on wrangler dev', () => {
  let upstream: RunningSimulator;
  let worker: Started;
  let browser: Browser;
  let tracker: Tracker;
  let state: string;
  const outputs: string[] = [];
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });
  const calls = (endpoint: 'otp_gen' | 'otp_verify') => sim.calls.filter((c) => c.endpoint === endpoint).length;
  /** Filled by the budget test, checked again after the restart. */
  const spent = { number: '', verifiedSession: '', verifiedCode: '' };

  before(async () => {
    upstream = await startSimulator(sim);
    // The affiliate's own step: secrets into .dev.vars, which init never writes.
    await writeDevVars(upstream.apiBase);
    state = join(root, 'state');
    tracker = await startTracker();
    // Sends without a click id fire no postback: only the walk's and the retry test's reach the tracker.
    const postbacks = { OTP_POSTBACK_URL: `${tracker.origin}/postback?cid={clickid}&s1={sub1}&tx={txid}`, OTP_POSTBACK_RETRY_MS: '200' };
    // The resend wait off, so the per-number budget is what the burst below counts; it is on after the restart.
    worker = await wranglerDev(kit, { persistTo: state, vars: { OTP_RESEND_AFTER: '0', ...BUDGETS_ONLY, ...postbacks } });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await worker?.stop();
    await upstream?.close();
    await tracker?.close();
  });

  /** The Worker's lines about one postback, by its txid. */
  const postbackLines = (txid: string) => logLines(worker.output()).filter((l) => l.txid === txid);

  it('walks number → wrong code → right code on a phone from an ad, with no key in sight; the tracker gets one postback within a second', async () => {
    sim.reset();
    const { verifiedAt } = await walkArabicKit(browser, `${worker.url}/`, sim, KEY, { click: { clickid: 'abc123', sub1: 'banner7' } });
    const postback = await postbackWithin(tracker, verifiedAt);
    const { cid, s1, tx } = Object.fromEntries(postback.url.searchParams);
    assert.deepEqual({ cid, s1 }, { cid: 'abc123', s1: 'banner7' });
    // The object logs the delivery once the tracker has answered: by then no second postback is in flight.
    await until(() => postbackLines(tx!).some((l) => l.event === 'postback.delivered'), 'the delivery’s log line');
    assert.equal(tracker.requests.length, 1, 'one postback for the conversion, none for the wrong code');
  });

  it('delivers a postback the tracker failed (500), then could not be reached for, once it is back: one delivered, one txid', async () => {
    tracker.mode = 'fail';
    const sent = await (await post(worker.url, '/otp/send', { msisdn: '+971507778899', click: { clickid: 'retry42' } })).json();
    assert.equal((await post(worker.url, '/otp/verify', { session: sent.session, otp: sim.lastCode()! })).status, 200);
    const attempts = () => tracker.requests.filter((r) => r.url.searchParams.get('cid') === 'retry42');
    await until(() => attempts().filter((r) => r.status === 500).length >= 2, 'two attempts answered 500');
    await tracker.down();
    const txid = attempts()[0]!.url.searchParams.get('tx')!;
    await until(() => postbackLines(txid).some((l) => l.event === 'postback.retry' && l.error === 'unreachable'), 'an attempt while the tracker is down');
    tracker.mode = 'ok';
    await tracker.up();
    await until(() => postbackLines(txid).some((l) => l.event === 'postback.delivered'), 'the delivery once it is back');
    assert.deepEqual(new Set(attempts().map((r) => r.url.searchParams.get('tx'))), new Set([txid]), 'the same txid on every attempt');
    assert.equal(attempts().filter((r) => r.status === 200).length, 1);
    const lines = postbackLines(txid).filter((l) => l.event.startsWith('postback.'));
    assert.deepEqual(lines.map((l) => l.attempt), lines.map((_, i) => i + 1), 'each attempt logged once, in order');
    const metrics = logLines(worker.output()).filter((l) => l.event === 'metric' && l.kind === 'postback').map((l) => l.outcome);
    assert.ok(metrics.includes('retried') && metrics.includes('delivered'), metrics.join());
  });


  it('serves the page with the Node kit’s security headers, and nothing from outside public/', async () => {
    const page = await fetch(`${worker.url}/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(page.headers.get('content-security-policy'), strictPolicy(html), 'the strict policy, with this page’s inline script by hash');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.match(page.headers.get('cache-control') ?? '', /max-age=0|no-cache/);
    const bundle = html.match(/import\('\.\/(otp-flow\.[0-9a-f]{10}\.js)'\)/)![1]!;
    const js = await fetch(`${worker.url}/${bundle}`);
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    await js.arrayBuffer();

    for (const path of ['/_headers', '/.dev.vars', '/.dev.vars.example', '/wrangler.jsonc', '/worker.js', '/package.json', '/public/index.html']) {
      const reply = await fetch(`${worker.url}${path}`);
      const text = await reply.text();
      assert.equal(reply.status, 404, `${path} is not served`);
      assert.equal(JSON.parse(text).error, 'not_found');
      assert.ok(!text.includes(KEY));
    }
  });

  it('tells the page the visitor’s country from CF-IPCountry, with the page’s own headers', async () => {
    const page = await fetch(`${worker.url}/`, { headers: { 'cf-ipcountry': 'SA' } });
    const html = await page.text();
    assert.match(html, /<otp-flow visitor-country="SA" /);
    assert.equal(page.headers.get('content-security-policy'), strictPolicy(html));
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(page.headers.get('vary') ?? '', /cf-ipcountry/);
    const unknown = await fetch(`${worker.url}/`, { headers: { 'cf-ipcountry': 'XX' } });
    assert.doesNotMatch(await unknown.text(), /visitor-country/);
  });

  it(`lets ${NUMBER_LIMIT} of 20 concurrent sends for one number reach Offer18, in any spelling`, async () => {
    sim.reset();
    const spellings = ['+971 50 333 4455', '00971503334455', '971503334455', '050 333 4455'];
    const outcomes = await burst((i) => `${worker.url}/otp/send`, 20, (i) => ({ msisdn: spellings[i % 4], country: 'AE' }), {
      headers: () => ({ 'cf-connecting-ip': visitor() }),
    });
    assertNoKeyIn(outcomes);
    assert.deepEqual(tally(outcomes), { '200': NUMBER_LIMIT, '429 rate_limited': 20 - NUMBER_LIMIT });
    assert.equal(calls('otp_gen'), NUMBER_LIMIT);
    spent.number = '+971503334455';
  });

  it(`lets one visitor ${CLIENT_LIMIT} sends, whatever numbers it tries at once`, async () => {
    sim.reset();
    const outcomes = await burst((i) => `${worker.url}/otp/send`, 25, (i) => ({ msisdn: `+97150${String(2_000_000 + i)}` }), {
      headers: () => ({ 'cf-connecting-ip': '203.0.113.50' }),
    });
    assert.deepEqual(tally(outcomes), { '200': CLIENT_LIMIT, '429 rate_limited': 25 - CLIENT_LIMIT });
    assert.equal(calls('otp_gen'), CLIENT_LIMIT);
  });

  it('leaves nothing behind when it refuses a send: not in the visitor’s budget, not in the number’s', async () => {
    sim.reset();
    // 25 refusals for the number spent above, from one visitor: its own budget (20) must not be charged by them.
    const refused = await burst(() => `${worker.url}/otp/send`, 25, () => ({ msisdn: spent.number }), {
      headers: () => ({ 'cf-connecting-ip': '203.0.113.77' }),
    });
    assert.deepEqual(tally(refused), { '429 rate_limited': 25 });
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971507001122' }, '203.0.113.77')).status, 200);
    // The visitor out of budget above tries a fresh number 10 times: the number's own budget stays whole.
    const victim = '+971507003344';
    const blocked = await burst(() => `${worker.url}/otp/send`, 10, () => ({ msisdn: victim }), {
      headers: () => ({ 'cf-connecting-ip': '203.0.113.50' }),
    });
    assert.deepEqual(tally(blocked), { '429 rate_limited': 10 });
    for (let i = 0; i < NUMBER_LIMIT; i++) assert.equal((await post(worker.url, '/otp/send', { msisdn: victim })).status, 200, `send ${i + 1} for the victim`);
    assert.equal(calls('otp_gen'), 1 + NUMBER_LIMIT);
  });

  it('verifies a session once when 10 verifies race: one success, one call to Offer18', async () => {
    sim.reset();
    const sent = await (await post(worker.url, '/otp/send', { msisdn: '+971504445566' })).json();
    const code = sim.lastCode()!;
    const outcomes = await burst(() => `${worker.url}/otp/verify`, 10, () => ({ session: sent.session, otp: code }));
    const counts = tally(outcomes);
    assert.equal(counts['200'], 1, JSON.stringify(counts));
    assert.equal((counts['409 verify_in_progress'] ?? 0) + (counts['409 session_used'] ?? 0), 9, JSON.stringify(counts));
    assert.equal(calls('otp_verify'), 1);
    Object.assign(spent, { verifiedSession: sent.session, verifiedCode: code });
  });

  it(`lets exactly ${MAX_ATTEMPTS} guesses reach Offer18, however many race, then locks the session`, async () => {
    sim.reset();
    const sent = await (await post(worker.url, '/otp/send', { msisdn: '+971505556677' })).json();
    const wrong = sim.lastCode() === '000000' ? '111111' : '000000';
    const outcomes = await burst(() => `${worker.url}/otp/verify`, 12, () => ({ session: sent.session, otp: wrong }));
    const counts = tally(outcomes);
    assert.equal(counts['422 otp_invalid'], calls('otp_verify'), JSON.stringify(counts));
    let reply = await post(worker.url, '/otp/verify', { session: sent.session, otp: wrong });
    for (let i = 0; reply.status === 422 && i < MAX_ATTEMPTS; i++) reply = await post(worker.url, '/otp/verify', { session: sent.session, otp: wrong });
    assert.equal(reply.status, 429);
    assert.deepEqual(await reply.json(), { ok: false, error: 'session_locked', message: 'Too many wrong codes. Ask for a new code.', attemptsLeft: 0 });
    assert.equal(calls('otp_verify'), MAX_ATTEMPTS);
    const right = await post(worker.url, '/otp/verify', { session: sent.session, otp: sim.lastCode()! });
    assert.equal(right.status, 429, 'not even the right code gets through a locked session');
    assert.equal(calls('otp_verify'), MAX_ATTEMPTS);
  });

  it('logs events and metrics as JSON lines, with numbers masked and never the key', async () => {
    // The last request above (a locked session) is logged last; lines travel behind the replies.
    await worker.waitFor(/"kind":"verify","outcome":"session_locked"/);
    const output = worker.output();
    const lines = logLines(output);
    const metric = (match: Record<string, unknown>) => lines.some((l) => l.event === 'metric' && Object.entries(match).every(([k, v]) => l[k] === v));
    assert.ok(metric({ kind: 'send', outcome: 'sent' }));
    assert.ok(metric({ kind: 'send', outcome: 'rate_limited' }));
    assert.ok(metric({ kind: 'verify', outcome: 'verified' }));
    assert.ok(metric({ kind: 'verify', outcome: 'otp_invalid' }));
    assert.ok(metric({ kind: 'verify', outcome: 'session_locked' }));
    assert.ok(lines.some((l) => l.event === 'metric' && l.kind === 'upstream' && l.endpoint === 'otp_gen' && l.outcome === 'answered' && typeof l.seconds === 'number'));
    assert.ok(lines.some((l) => l.event === 'otp.verified' && l.msisdn === '9715******67'));
    assert.ok(!output.includes(KEY), 'the key is not in the log');
    assert.ok(!output.includes(SECRET), 'the session secret is not in the log');
    assert.ok(!/971501234567|971503334455/.test(output), 'no number in the clear');
    outputs.push(output);
  });

  it('keeps budgets and conversions in the Durable Objects across a restart; with the resend wait on, 1 of 20 concurrent sends goes', async () => {
    await worker.stop();
    worker = await wranglerDev(kit, { persistTo: state, vars: BUDGETS_ONLY });
    sim.reset();

    const again = await post(worker.url, '/otp/send', { msisdn: spent.number });
    assert.equal(again.status, 429, 'the number’s budget was spent before the restart');
    assert.equal((await again.json()).error, 'rate_limited');
    const replay = await post(worker.url, '/otp/verify', { session: spent.verifiedSession, otp: spent.verifiedCode });
    assert.equal(replay.status, 409);
    assert.equal((await replay.json()).error, 'session_used', 'the one-conversion record outlived the restart');
    assert.equal(calls('otp_gen') + calls('otp_verify'), 0);

    const outcomes = await burst(() => `${worker.url}/otp/send`, 20, () => ({ msisdn: '+971506667788' }), {
      headers: () => ({ 'cf-connecting-ip': visitor() }),
    });
    const counts = tally(outcomes);
    assert.equal(counts['200'], 1, JSON.stringify(counts));
    // A send refused by the resend wait gives its reservation in the number's budget back only after the
    // refusal, so a racing send may meet a full number budget meanwhile: refused either way.
    assert.equal((counts['429 resend_too_soon'] ?? 0) + (counts['429 rate_limited'] ?? 0), 19, JSON.stringify(counts));
    assert.equal(calls('otp_gen'), 1);
    const next = await post(worker.url, '/otp/send', { msisdn: '+971506667788' });
    const refusal = await next.json();
    assert.equal(refusal.error, 'resend_too_soon');
    assert.ok(refusal.retryAfter > 0 && refusal.retryAfter <= 30, `retryAfter ${refusal.retryAfter}`);
  });

  it('keeps the key out of every file but .dev.vars, and out of both runs’ logs', async () => {
    for (const entry of await readdir(kit, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === '.dev.vars' || entry.parentPath.includes('.wrangler')) continue;
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
      assert.ok(!text.includes(KEY), `the key is not in ${entry.name}`);
    }
    for (const output of [...outputs, worker.output()]) assert.ok(!output.includes(KEY));
  });
});

describe('budget windows in Durable Objects', () => {
  let upstream: RunningSimulator;
  let worker: Started;
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });

  before(async () => {
    upstream = await startSimulator(sim);
    await writeDevVars(upstream.apiBase);
    worker = await wranglerDev(kit, {
      persistTo: join(root, 'state-windows'),
      vars: { OTP_NUMBER_LIMIT: '1', OTP_NUMBER_WINDOW: '2', OTP_RESEND_AFTER: '0', ...BUDGETS_ONLY },
    });
  });
  after(async () => {
    await worker?.stop();
    await upstream?.close();
  });

  it('ends a window when it is over, after its object’s alarm has cleared it, and the key counts afresh', async () => {
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971508889900' })).status, 200);
    const refused = await post(worker.url, '/otp/send', { msisdn: '+971508889900' });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '10', 'coarse: the window has under 10 s left');
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971508889900' })).status, 200, 'a new window');
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971508889900' })).status, 429, 'which counts again');
    assert.equal(sim.calls.filter((c) => c.endpoint === 'otp_gen').length, 2);
    assert.doesNotMatch(worker.output(), /alarm|Uncaught|request\.crashed/i, 'the alarms ran without an error');
  });
});

describe('the fraud shield on wrangler dev, as the kit ships', () => {
  let upstream: RunningSimulator;
  let worker: Started;
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });

  before(async () => {
    upstream = await startSimulator(sim);
    await writeDevVars(upstream.apiBase);
    // The shipped defaults, but cheap challenges so the test solves them in milliseconds.
    worker = await wranglerDev(kit, { persistTo: join(root, 'state-shield'), vars: { OTP_RESEND_AFTER: '0', OTP_CHALLENGE_COST: '20' } });
  });
  after(async () => {
    await worker?.stop();
    await upstream?.close();
  });

  it('asks a visitor with a code out for a proof of work, takes the solution once, and pauses a pumped range after 20', async () => {
    const first = await post(worker.url, '/otp/send', { msisdn: '+971509990001' }, '203.0.113.201');
    assert.equal(first.status, 200);
    const asked = await post(worker.url, '/otp/send', { msisdn: '+971509990002' }, '203.0.113.201');
    assert.equal(asked.status, 428);
    const { challenge } = (await asked.json()) as { challenge: Parameters<typeof solveChallenge>[0]['challenge'] };
    const solution = await solveChallenge({ challenge, deriveKey });
    const altcha = { challenge, solution };
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971509990002', altcha }, '203.0.113.201')).status, 200);
    assert.equal((await post(worker.url, '/otp/send', { msisdn: '+971509990003', altcha }, '203.0.113.202')).status, 428, 'used once, across the Durable Objects');

    sim.reset();
    const outcomes: number[] = [];
    for (let i = 0; i < 25; i++) {
      // Each from a network of its own, so only the range is in common.
      const reply = await post(worker.url, '/otp/send', { msisdn: `+97150444${String(1000 + i)}` }, `10.${i}.0.1`);
      outcomes.push(reply.status === 429 && ((await reply.json()) as { error: string }).error === 'prefix_suspended' ? 0 : reply.status);
    }
    assert.deepEqual(outcomes, [...new Array(20).fill(200), ...new Array(5).fill(0)]);
    assert.equal(sim.calls.filter((c) => c.endpoint === 'otp_gen').length, 20);
    assert.ok(logLines(worker.output()).some((l) => l.event === 'shield.prefix_suspended' && l.prefix === '97150444····'));
  });
});

describe("a Cloudflare kit's npm run deploy", () => {
  it('bundles with wrangler, without nodejs_compat, with its three Durable Objects and the page', async () => {
    const out = join(root, 'dry-run');
    const result = await runCommand(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out], { cwd: kit, env: wranglerEnv(`${out}-logs`) });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /env\.OTP_BUDGETS \(OtpBudget\)\s+Durable Object/);
    assert.match(result.output, /env\.OTP_SESSIONS \(OtpSession\)\s+Durable Object/);
    assert.match(result.output, /env\.OTP_POSTBACKS \(OtpPostback\)\s+Durable Object/);
    assert.match(result.output, /Read \d+ files? from the assets directory/);
    assert.doesNotMatch(result.output, /nodejs_compat|\(hidden\)/, 'no Node compatibility, and no secret among the bindings');
    const bundled = await readFile(join(out, 'worker.js'), 'utf8');
    assert.doesNotMatch(bundled, /["']node:/);
    assert.ok(!bundled.includes(KEY));
  });
});

describe('a Cloudflare kit with a setting missing', () => {
  let worker: Started;

  before(async () => {
    // As if the secret was never put: an empty value counts as unset.
    worker = await wranglerDev(kit, { persistTo: join(root, 'state-misconfigured'), vars: { OFFER18_KEY: '' } });
  });
  after(() => worker?.stop());

  it('answers every API request with a 503 JSON error, logs one line naming the setting, and still serves the page', async () => {
    const replies = await Promise.all([
      post(worker.url, '/otp/send', { msisdn: '+971501234567' }),
      post(worker.url, '/otp/verify', { session: 'v2.x', otp: '1234' }),
      fetch(`${worker.url}/healthz`),
      fetch(`${worker.url}/anything`),
    ]);
    for (const reply of replies) {
      assert.equal(reply.status, 503);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
      const body = await reply.json();
      assert.equal(body.ok, false);
      assert.equal(body.error, 'service_unavailable');
      assert.match(body.message, /not set up/);
    }
    assert.equal((await fetch(`${worker.url}/`)).status, 200, 'the page itself is static and still served');
    // Log lines travel through wrangler's pipe, behind the replies: wait for the line, then for a later request's.
    await worker.waitFor(/"event":"config\.invalid"/);
    assert.equal((await fetch(`${worker.url}/a-later-request`)).status, 503);
    await worker.waitFor(/GET \/a-later-request 503/);
    const config = logLines(worker.output()).filter((l) => l.event === 'config.invalid');
    assert.equal(config.length, 1, 'one line, however many requests');
    assert.match(config[0]!.message, /OFFER18_KEY is required.*wrangler secret put/);
    // (wrangler prints a stack of its own for the offline Request.cf lookup; the Worker's lines carry none.)
    assert.ok(!/worker\.js:\d+/.test(worker.output()), 'no stack trace');
    assert.equal(config[0]!.stack, undefined);
    assert.ok(!worker.output().includes(SECRET));
  });
});

describe("a Cloudflare kit's npm run simulate", () => {
  let worker: Started;

  before(async () => {
    // The kit's own script, with the repository's wrangler standing in for the kit's `npm install`.
    worker = await startProcess('npm', ['run', 'simulate', '--', ...(await devArgs())], {
      cwd: kit,
      env: { ...wranglerEnv(join(root, 'simulate-logs')), PATH: `${REPO_BIN}:${process.env.PATH}` },
      ready: READY,
      readyTimeoutMs: 60_000,
    });
  });
  after(() => worker?.stop());

  it('sends no SMS and prints the code in the terminal, which then verifies', async () => {
    const sent = await post(worker.url, '/otp/send', { msisdn: '050 123 4567', country: 'AE' });
    assert.equal(sent.status, 200);
    const { session } = await sent.json();
    const [, code] = await worker.waitFor(/\[offer18-simulator\] SMS to \+9715\*{6}67: your code is (\d{6})/);
    const wrong = await post(worker.url, '/otp/verify', { session, otp: code === '000000' ? '111111' : '000000' });
    assert.equal(wrong.status, 422);
    const right = await post(worker.url, '/otp/verify', { session, otp: code });
    assert.deepEqual(await right.json(), { ok: true, verified: true });
    assert.match(worker.output(), /SIMULATION MODE/);
    assert.ok(!worker.output().includes(KEY), 'the key in .dev.vars is not used, nor printed');
  });

  it('refuses requests that name a public host: a deployed simulation cannot fake conversions', async () => {
    const agent = new Agent();
    const reply = await postRaw(agent, `${worker.url}/otp/send`, JSON.stringify({ msisdn: '050 123 4567', country: 'AE' }), {
      'content-type': 'application/json',
      host: 'landing.example.com',
    });
    await agent.close();
    assert.equal(reply.status, 421);
    assert.equal(reply.body.error, 'misdirected_request');
  });
});
