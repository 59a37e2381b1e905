/**
 * One conversion per code whatever the timings, with two instances on a real
 * redis-server: a session stays held for longer than any upstream call can
 * take, and a success that could not be recorded leaves it closed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { connectRedis, redisStores } from '../../src/stores/redis.js';

const verifies = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length;
const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('a session at Offer18, with Redis', () => {
  let redis: TestRedis;
  let admin: Redis;
  let clients: Redis[];
  let a: Harness;
  let b: Harness;
  before(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
    clients = [connectRedis(redis.url, () => {}, { name: 'instance-a' }), connectRedis(redis.url, () => {}, { name: 'instance-b' })];
    await until(() => clients.every((c) => c.status === 'ready'), 'redis');
    // The longest timeout the configuration allows is 120 s; 90 s is the case that broke.
    a = await startHarness({ offer18: { timeoutMs: 90_000 }, proxy: { ...redisStores(clients[0]!), sessionTtl: 600 } });
    b = await startHarness({ offer18: { timeoutMs: 90_000 }, proxy: { ...redisStores(clients[1]!), sessionTtl: 600 } });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    for (const c of clients ?? []) c.disconnect();
    admin?.disconnect();
    await redis?.stop();
  });

  async function holdTtl(): Promise<number> {
    const keys = await admin.keys('otp-flow:v:*');
    assert.equal(keys.length, 1);
    assert.ok(await admin.hget(keys[0]!, 'held'), 'the session is held');
    return admin.pttl(keys[0]!);
  }

  it('holds the session for longer than the upstream deadline and the session’s life: no second verify reaches Offer18 meanwhile', { timeout: 20_000 }, async () => {
    await admin.flushall();
    const { session, code } = await a.sendCode();
    a.sim.setFault('slow', { endpoint: 'otp_verify', delayMs: 1_500 });
    const first = a.post('/otp/verify', { session, otp: code });
    await until(() => verifies(a) === 1, 'the verify to reach Offer18');
    const ttl = await holdTtl();
    assert.ok(ttl > 90_000, `held ${ttl} ms: longer than OFFER18_TIMEOUT_MS`);
    assert.ok(ttl > 595_000, `held ${ttl} ms: longer than the session lives`);
    for (const other of [a, b]) assertError(await other.post('/otp/verify', { session, otp: code }), 409, 'verify_in_progress');
    assert.equal((await first).status, 200);
    for (const other of [a, b]) assertError(await other.post('/otp/verify', { session, otp: code }), 409, 'session_used');
    assert.equal(verifies(a) + verifies(b), 1);
  });

  it('leaves the session closed when Offer18 said yes but Redis could not record it', { timeout: 30_000 }, async () => {
    await admin.flushall();
    a.sim.reset();
    const { session, code } = await a.sendCode();
    a.sim.setFault('slow', { endpoint: 'otp_verify', delayMs: 1_500 });
    const first = a.post('/otp/verify', { session, otp: code });
    await until(() => verifies(a) === 1, 'the verify to reach Offer18');
    // Instance A loses Redis while Offer18 decides: its connection is cut and it cannot log back in.
    await admin.config('SET', 'requirepass', 'locked-out-for-a-moment');
    const list = await admin.client('LIST');
    for (const id of String(list).split('\n').filter((l) => l.includes('name=instance-a')).map((l) => /id=(\d+)/.exec(l)![1]!)) {
      await admin.client('KILL', 'ID', id);
    }
    const answered = await first;
    assert.equal(answered.status, 200, 'Offer18 recorded the conversion: the user is told so');
    assert.ok(a.logs.some((l) => l.includes('verify.settle_failed')), 'and the operator is told the record failed');

    await admin.config('SET', 'requirepass', '');
    await until(() => clients[0]!.status === 'ready', 'instance A to reconnect', 20_000);
    const ttl = await holdTtl();
    assert.ok(ttl > 595_000, `still held for ${ttl} ms: until the session expires`);
    for (const other of [a, b]) assertError(await other.post('/otp/verify', { session, otp: code }), 409, 'verify_in_progress');
    assert.equal(verifies(a) + verifies(b), 1, 'no second conversion');
  });
});
