/**
 * Several instances, one budget: two `otp-flow serve` processes sharing a real
 * redis-server, and what happens when Redis goes away and comes back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCli, type Started } from '../../support/cli.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { burst, tally } from '../helpers/load.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `redis-key-${crypto.randomUUID()}`;

let nextClient = 1;
/** Each call comes from its own client address, so the per-client budget stays out of the way. */
function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${nextClient++ % 250}` },
    body: JSON.stringify(body),
  });
}

describe('two instances sharing Redis', () => {
  let redis: TestRedis;
  let upstream: RunningSimulator;
  let a: Started;
  let b: Started;
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '11', mid: '22' }, print: () => {} });
  const gens = () => sim.calls.filter((c) => c.endpoint === 'otp_gen').length;
  const verifies = () => sim.calls.filter((c) => c.endpoint === 'otp_verify').length;
  const either = (i: number) => (i % 2 === 0 ? a.url : b.url);

  before(async () => {
    // With the append-only file, as the README asks: a restart keeps what was written.
    redis = await startRedis({ persistent: true });
    upstream = await startSimulator(sim);
    const env = {
      OFFER18_KEY: KEY,
      OFFER18_AID: '11',
      OFFER18_MID: '22',
      OFFER18_PARTNER: 'acme',
      OFFER18_API_BASE: upstream.apiBase,
      OTP_SESSION_SECRET: 'shared-secret-shared-secret-0123456789',
      OTP_TRUST_PROXY: '1',
      // The per-number budget is what these tests count; the resend wait has its own test.
      OTP_RESEND_AFTER: '0',
      // The shared budgets are what these count; the shield's shared state has its own tests.
      OTP_CHALLENGE: 'off',
      OTP_PREFIX_MIN_SENDS: '0',
      REDIS_URL: redis.url,
      PORT: '0',
    };
    [a, b] = await Promise.all([startCli(['serve'], { env }), startCli(['serve'], { env })]);
    await Promise.all([a.waitFor(/redis\.ready/), b.waitFor(/redis\.ready/)]);
  });

  after(async () => {
    await a?.stop();
    await b?.stop();
    await upstream?.close();
    await redis?.stop();
  });

  it('lets at most 3 of 1,000 concurrent sends for one number through, across both', { timeout: 60_000 }, async () => {
    sim.reset();
    const spellings = ['+971 50 333 4455', '00971503334455', '971503334455', '050 333 4455'];
    const outcomes = await burst((i) => `${either(i)}/otp/send`, 1_000, (i) => ({ msisdn: spellings[i % 4], country: 'AE' }), {
      headers: (i) => ({ 'x-forwarded-for': `198.51.100.${i % 250}` }),
    });
    const counts = tally(outcomes);
    assert.equal(counts['200'], 3, JSON.stringify(counts));
    assert.equal(gens(), 3);
  });

  it('shares one per-client budget between the instances', async () => {
    sim.reset();
    const outcomes = await burst((i) => `${either(i)}/otp/send`, 40, (i) => ({ msisdn: `+97150${String(2_000_000 + i)}` }), {
      headers: () => ({ 'x-forwarded-for': '203.0.113.50' }),
    });
    assert.deepEqual(tally(outcomes), { '200': 20, '429 rate_limited': 20 });
  });

  it('verifies a session once, whichever instance the replays reach', async () => {
    sim.reset();
    const sent = await (
      await post(a.url, '/otp/send', { msisdn: '+971504445566' })
    ).json();
    const code = sim.lastCode()!;
    const outcomes = await burst((i) => `${either(i)}/otp/verify`, 100, () => ({ session: sent.session, otp: code }));
    const counts = tally(outcomes);
    assert.equal(counts['200'], 1, JSON.stringify(counts));
    assert.equal(verifies(), 1);
  });

  it('counts guesses across instances: exactly 5 reach Offer18, however they are spread', { timeout: 30_000 }, async () => {
    sim.reset();
    const sent = await (
      await post(b.url, '/otp/send', { msisdn: '+971505556677' })
    ).json();
    const wrong = sim.lastCode() === '000000' ? '111111' : '000000';
    const outcomes = await burst((i) => `${either(i)}/otp/verify`, 200, () => ({ session: sent.session, otp: wrong }));
    assert.equal(tally(outcomes)['422 otp_invalid'], verifies());
    let i = 0;
    let reply = await post(either(i++), '/otp/verify', { session: sent.session, otp: wrong });
    while (reply.status === 422) reply = await post(either(i++), '/otp/verify', { session: sent.session, otp: wrong });
    assert.equal(reply.status, 429);
    assert.equal((await reply.json()).error, 'session_locked');
    assert.equal(verifies(), 5);
  });

  it('never goes unlimited when Redis stops, and recovers by itself when it returns', { timeout: 60_000 }, async () => {
    sim.reset();
    await redis.stop();
    await Promise.all([a.waitFor(/redis\.unavailable/), b.waitFor(/redis\.unavailable/)]);

    const during = await burst((i) => `${either(i)}/otp/send`, 200, (i) => ({ msisdn: `+97150${String(3_000_000 + i)}` }), {
      headers: (i) => ({ 'x-forwarded-for': `198.19.0.${i % 250}` }),
    });
    assert.deepEqual(tally(during), { '503 service_unavailable': 200 });
    assert.ok(during.every((o) => o.headers['retry-after'] === '5'));
    assert.equal(gens(), 0, 'nothing reached Offer18 while the budgets were unknown');
    const verify = await burst((i) => `${either(i)}/otp/verify`, 10, () => ({ session: 'v2.xyz', otp: '1234' }));
    // A forged session is refused before the store is asked; a real one would be 503.
    assert.deepEqual(tally(verify), { '400 session_invalid': 10 });

    await redis.start();
    const deadline = Date.now() + 20_000;
    let recovered = { a: false, b: false };
    while (!(recovered.a && recovered.b) && Date.now() < deadline) {
      for (const [name, server] of [['a', a], ['b', b]] as const) {
        const reply = await post(server.url, '/otp/send', { msisdn: `+97150${name === 'a' ? '4' : '5'}${String(Date.now()).slice(-6)}` });
        if (reply.status === 200) recovered = { ...recovered, [name]: true };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(recovered, { a: true, b: true }, 'both instances serve again without a restart');

    // And the shared budget is enforced again.
    sim.reset();
    const after = await burst((i) => `${either(i)}/otp/send`, 50, () => ({ msisdn: '+971506667788' }), {
      headers: (i) => ({ 'x-forwarded-for': `198.18.0.${i}` }),
    });
    assert.equal(tally(after)['200'], 3);
  });

  it('refuses a real session with 503 while Redis is down, and verifies it once Redis is back with its data', { timeout: 60_000 }, async () => {
    sim.reset();
    const sent = await (
      await post(a.url, '/otp/send', { msisdn: '+971507778899' })
    ).json();
    const code = sim.lastCode()!;
    await redis.stop();
    await a.waitFor(/redis\.unavailable[\s\S]*redis\.unavailable/);
    const refused = await post(a.url, '/otp/verify', { session: sent.session, otp: code });
    assert.equal(refused.status, 503);
    assert.equal((await refused.json()).error, 'service_unavailable');
    assert.equal(verifies(), 0);
    await redis.start();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      const reply = await post(b.url, '/otp/verify', { session: sent.session, otp: code });
      status = reply.status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(status, 200);
    assert.equal(verifies(), 1);
  });

  it('never logs the key', () => {
    assert.ok(!a.output().includes(KEY) && !b.output().includes(KEY));
  });
});
