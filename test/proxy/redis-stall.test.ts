/**
 * Fail closed means fail fast: a redis-server frozen with SIGSTOP (its
 * connections open, no answers) makes sends and verifies answer 503 within
 * the store's deadline, the metrics say the store is down, and when Redis
 * wakes up nothing those requests started reaches Offer18: no SMS for a
 * client long gone, no guess counted. And a Redis that restarts empty, or a
 * second instance without Redis, never verifies a session twice.
 */
import { campaignEnv } from '../helpers/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startCli, type Started } from '../../support/cli.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { postJson } from '../../support/net.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `stall-key-${crypto.randomUUID()}`;
const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1', mid: '2' }, print: () => {} });
const gens = () => sim.calls.filter((c) => c.endpoint === 'otp_gen').length;
const verifies = () => sim.calls.filter((c) => c.endpoint === 'otp_verify').length;

function env(upstream: RunningSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...campaignEnv(KEY, upstream.apiBase, 'stall-secret-stall-secret-0123456789'),
    OTP_COUNTRIES: 'AE',
    OTP_RESEND_AFTER: '0',
    ...extra,
  };
}

async function storeUp(app: Started): Promise<number> {
  const [, url] = await app.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
  const text = await (await fetch(url!, { signal: AbortSignal.timeout(5_000) })).text();
  return Number(/^otp_flow_store_up\{store="redis"\} (\d)$/m.exec(text)?.[1]);
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a Redis that stops answering', () => {
  let redis: TestRedis;
  let upstream: RunningSimulator;
  let app: Started;
  before(async () => {
    redis = await startRedis();
    upstream = await startSimulator(sim);
    app = await startCli(['serve'], { env: env(upstream, { REDIS_URL: redis.url, OTP_METRICS_PORT: '0' }) });
    await app.waitFor(/redis\.ready/);
  });
  after(async () => {
    redis?.signal('SIGCONT');
    await app?.stop();
    await upstream?.close();
    await redis?.stop();
  });

  it('says at start that Redis runs without the append-only file', async () => {
    await app.waitFor(/"event":"redis\.no_append_only".*appendonly yes/);
  });

  it('answers 503 within the deadline, reports the store down, and sends nothing once Redis wakes up', { timeout: 30_000 }, async () => {
    sim.reset();
    const sent = await postJson(`${app.url}/otp/send`, { msisdn: '+971501110001' });
    assert.equal(sent.status, 200);
    const code = sim.lastCode()!;
    assert.equal(await storeUp(app), 1);

    redis.signal('SIGSTOP');
    const started = Date.now();
    const [send, verify] = await Promise.all([
      postJson(`${app.url}/otp/send`, { msisdn: '+971501110002' }),
      postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code === '000000' ? '111111' : '000000' }),
    ]);
    const took = Date.now() - started;
    for (const reply of [send, verify]) {
      assert.equal(reply.status, 503, JSON.stringify(reply.json));
      assert.equal(reply.json.error, 'service_unavailable');
      assert.equal(reply.headers.get('retry-after'), '5');
    }
    assert.ok(took < 2_500, `answered in ${took} ms`);
    assert.equal(await storeUp(app), 0, 'the metric says the store is down');
    // While it is down, requests are refused at once rather than each waiting out the deadline.
    const quick = Date.now();
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+971501110003' })).status, 503);
    assert.ok(Date.now() - quick < 500, 'refused at once');

    redis.signal('SIGCONT');
    await until('the store to be up again', async () => (await storeUp(app)) === 1);
    await app.waitFor(/redis\.responsive/);
    assert.equal(gens(), 1, 'no SMS for the requests Redis froze');
    assert.equal(verifies(), 0, 'no guess reached Offer18');

    // The frozen verify's attempt was given back when Redis ran it late: all 5 tries are left.
    const wrong = await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code === '000000' ? '111111' : '000000' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json.attemptsLeft, 4);
    const right = await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code });
    assert.equal(right.status, 200);
  });

  it('does not call otp_gen for a client that went away while Redis was slow', { timeout: 20_000 }, async () => {
    sim.reset();
    redis.signal('SIGSTOP');
    const { port } = new URL(app.url);
    const body = JSON.stringify({ msisdn: '+971501110004' });
    const req = request({ host: '127.0.0.1', port, path: '/otp/send', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } });
    req.on('error', () => {});
    req.end(body);
    await new Promise((r) => setTimeout(r, 200));
    // The visitor closes the page: the connection goes while the proxy waits for Redis.
    req.destroy();
    await new Promise((r) => setTimeout(r, 300));
    // Awake again well within the deadline: the proxy gets its budget answer and must notice nobody is waiting.
    redis.signal('SIGCONT');
    await app.waitFor(/the client went away before the send/);
    assert.equal(gens(), 0);
  });
});

describe('a session bound to the store state that recorded it', () => {
  let redis: TestRedis;
  let upstream: RunningSimulator;
  before(async () => {
    redis = await startRedis();
    upstream = await startSimulator(sim);
  });
  after(async () => {
    await upstream?.close();
    await redis?.stop();
  });

  it('is never verified twice after Redis restarts without persistence', { timeout: 30_000 }, async () => {
    sim.reset();
    const app = await startCli(['serve'], { env: env(upstream, { REDIS_URL: redis.url }) });
    try {
      await app.waitFor(/redis\.ready/);
      const sent = await postJson(`${app.url}/otp/send`, { msisdn: '+971501110005' });
      const code = sim.lastCode()!;
      assert.equal((await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code })).status, 200);
      assert.equal((await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code })).json.error, 'session_used');
      await redis.stop();
      await redis.start();
      await until('the proxy to reach Redis again', async () => (await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code })).status !== 503);
      const again = await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code });
      assert.equal(again.status, 410);
      assert.equal(again.json.error, 'session_expired');
      assert.equal(verifies(), 1, 'one verify reached Offer18: one conversion');
    } finally {
      await app.stop();
    }
  });

  it('is never verified by a second instance that has no shared store', { timeout: 30_000 }, async () => {
    sim.reset();
    const production = env(upstream, { NODE_ENV: 'production' });
    const [a, b] = await Promise.all([startCli(['serve'], { env: production }), startCli(['serve'], { env: production })]);
    try {
      const sent = await postJson(`${a.url}/otp/send`, { msisdn: '+971501110006' });
      const code = sim.lastCode()!;
      assert.equal((await postJson(`${a.url}/otp/verify`, { session: sent.json.session, otp: code })).status, 200);
      const elsewhere = await postJson(`${b.url}/otp/verify`, { session: sent.json.session, otp: code });
      assert.equal(elsewhere.json.error, 'session_expired');
      const guesses = await Promise.all(Array.from({ length: 5 }, () => postJson(`${b.url}/otp/verify`, { session: sent.json.session, otp: '000000' })));
      assert.deepEqual(new Set(guesses.map((g) => g.json.error)), new Set(['session_expired']), 'no fresh guesses on the other instance');
      assert.equal(verifies(), 1, 'nothing but the first verify reached Offer18');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
