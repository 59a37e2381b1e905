/**
 * The postback outbox on a real redis-server, with the tracker stub on
 * loopback: two instances on one Redis deliver each postback once; ten adds
 * of one conversion are one postback; an instance killed mid-delivery leaves
 * its postback to another once its lease runs out, and it is delivered once.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { leaseToken, type RetryPolicy } from '../../src/proxy/outbox.js';
import type { PostbackEntry } from '../../src/proxy/postback.js';
import { createPostbackRunner, type PostbackRunner } from '../../src/proxy/postback-delivery.js';
import { RedisPostbackOutbox } from '../../src/stores/redis-outbox.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { startTracker, type Tracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';

const POLICY: RetryPolicy = { firstDelayMs: 1_000, maxDelayMs: 60_000, giveUpAfterMs: 86_400_000 };
const INSTANCE = fileURLToPath(new URL('../helpers/postback-instance.ts', import.meta.url));

let redis: TestRedis;
let tracker: Tracker;
let clients: Redis[];
before(async () => {
  [redis, tracker] = await Promise.all([startRedis(), startTracker()]);
  clients = [new Redis(redis.url), new Redis(redis.url)];
});
after(async () => {
  for (const c of clients ?? []) c.disconnect();
  await tracker?.close();
  await redis?.stop();
});
beforeEach(async () => {
  await clients[0]!.flushall();
  tracker.requests.length = 0;
  tracker.mode = 'ok';
});

let clock = 1_000_000;
const now = () => clock;
const entry = (txid: string): PostbackEntry => ({ txid, event: 'verified', method: 'GET', url: `${tracker.origin}/pb?cid=abc123&tx=${txid}`, createdAt: clock });
const instance = (client: Redis, timeoutMs = 2_000): { outbox: RedisPostbackOutbox; runner: PostbackRunner } => {
  const outbox = new RedisPostbackOutbox(client, { policy: POLICY });
  return { outbox, runner: createPostbackRunner({ outbox, now, policy: POLICY, random: () => 0.5, timeoutMs, concurrency: 3 }) };
};
const txids = () => tracker.requests.map((r) => r.url.searchParams.get('tx'));

describe('postbacks in Redis', () => {
  it('are delivered once each by two instances sharing them', async () => {
    const [a, b] = [instance(clients[0]!), instance(clients[1]!)];
    const ids = Array.from({ length: 12 }, (_, i) => `tx${i}`);
    for (const id of ids) assert.equal(await a.outbox.add(entry(id)), true);
    while ((await a.outbox.size()) > 0) await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    assert.equal(tracker.requests.length, 12);
    assert.deepEqual([...txids()].sort(), [...ids].sort());
  });

  it('survive a tracker answering 500, then down, then back: one delivery, the same txid every time', async () => {
    const a = instance(clients[0]!);
    await a.outbox.add(entry('tx-outage'));
    tracker.mode = 'fail';
    await a.runner.runDue();
    await tracker.down();
    clock += POLICY.firstDelayMs;
    assert.equal(await a.runner.runDue(), 1);
    await tracker.up();
    tracker.mode = 'ok';
    clock += 2 * POLICY.firstDelayMs;
    await a.runner.runDue();
    assert.deepEqual(tracker.requests.map((r) => r.status), [500, 200]);
    assert.deepEqual(txids(), ['tx-outage', 'tx-outage']);
    assert.equal(await a.outbox.size(), 0);
  });

  it('are one postback for one conversion added ten times at once, from two instances', async () => {
    const [a, b] = [instance(clients[0]!), instance(clients[1]!)];
    const added = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).outbox.add(entry('tx-once'))));
    assert.equal(added.filter(Boolean).length, 1);
    await Promise.all([a.runner.runDue(), b.runner.runDue()]);
    assert.equal(tracker.requests.length, 1);
    assert.equal(await a.outbox.add(entry('tx-once')), false, 'a delivered txid is not added again');
  });

  it('are settled only by the lease holder', async () => {
    const [a, b] = [new RedisPostbackOutbox(clients[0]!), new RedisPostbackOutbox(clients[1]!)];
    await a.add(entry('tx-lease'));
    const [byA] = await a.claim(clock, 5, 10_000);
    assert.deepEqual(await b.claim(clock + 9_999, 5, 10_000), [], 'leased to A');
    const [byB] = await b.claim(clock + 10_000, 5, 10_000);
    assert.deepEqual([byA!.attempt, byB!.attempt], [1, 2]);
    assert.equal(await a.delivered(byA!), false, 'A lost its lease: it changes nothing');
    assert.equal(await a.retry({ ...byA!, lease: leaseToken() }, clock), false);
    assert.equal(await b.delivered(byB!), true);
    assert.equal(await a.size(), 0);
  });

  it('outlive an instance killed while delivering: another takes over when the lease runs out, and delivers once', async () => {
    tracker.mode = 'hang';
    const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE, redis.url, `${tracker.origin}/pb?cid=abc123&tx=tx-crash`, 'tx-crash'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until(() => tracker.requests.length === 1, 'the first instance’s attempt', 30_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    tracker.mode = 'ok';
    const survivor = instance(clients[1]!);
    clock = Date.now();
    assert.equal(await survivor.runner.runDue(), 0, 'the dead instance’s lease still holds');
    clock += 2 * 60_000 + 5_000;
    assert.equal(await survivor.runner.runDue(), 1);
    assert.deepEqual(txids(), ['tx-crash', 'tx-crash']);
    assert.equal(tracker.delivered().length, 1);
    assert.equal(await survivor.outbox.size(), 0);
  });
});
