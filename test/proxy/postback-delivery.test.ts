/**
 * Delivering postbacks from the in-memory outbox to a real tracker stub over
 * HTTP on loopback: retried through errors and outages with the same txid,
 * delivered once, never redirected, dropped with an `error` line after the
 * retry window; the timer driver bounded and stopping cleanly. Time that
 * passes between retries is an injected clock, not sleeps.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { redacting, type LogEntry } from '../../src/proxy/log.js';
import { MemoryPostbackOutbox, nextAttemptAt, type RetryPolicy } from '../../src/proxy/outbox.js';
import { createPostbackKeys, parsePostbackTemplate, preparePostback, type PostbackEntry } from '../../src/proxy/postback.js';
import { createPostbackRunner, type PostbackMeasurement } from '../../src/proxy/postback-delivery.js';
import { startPostbackDriver } from '../../src/proxy/postback-driver.js';
import { startTracker, type Tracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';
import { bundleNeutral } from '../conformance/bundle.js';

const KEY = 'offer18-key-for-postback-tests';
const SECRET = 'postback-session-secret-0123456789abcdef';
const MSISDN = '971501234567';
const POLICY: RetryPolicy = { firstDelayMs: 1_000, maxDelayMs: 60_000, giveUpAfterMs: 86_400_000 };

let tracker: Tracker;
before(async () => {
  tracker = await startTracker();
});
after(() => tracker.close());
beforeEach(() => tracker.reset());

/** Everything one test needs: an outbox, a clock it moves, the log lines and measurements. */
function setup(options: { timeoutMs?: number; concurrency?: number; policy?: RetryPolicy } = {}) {
  let clock = 1_000_000;
  const lines: LogEntry[] = [];
  const measurements: PostbackMeasurement[] = [];
  const outbox = new MemoryPostbackOutbox({ now: () => clock });
  const runner = createPostbackRunner({
    outbox,
    log: redacting((entry) => lines.push(entry), [KEY, SECRET]),
    observe: (m) => measurements.push(m),
    now: () => clock,
    random: () => 0.5,
    policy: options.policy ?? POLICY,
    timeoutMs: options.timeoutMs ?? 2_000,
    concurrency: options.concurrency ?? 4,
  });
  return {
    outbox,
    runner,
    lines,
    measurements,
    now: () => clock,
    advance: (ms: number) => void (clock += ms),
    events: () => lines.map((l) => l.event),
  };
}

const keys = createPostbackKeys(SECRET);
async function conversion(path = '/pb', sessionId = 'a'.repeat(32), method: 'GET' | 'POST' = 'GET', at = 1_000_000): Promise<PostbackEntry> {
  const parsed = parsePostbackTemplate(`${tracker.origin}${path}?cid={clickid}&s1={sub1}&tx={txid}&h={msisdn_hash}`);
  assert.ok(parsed.ok);
  const entry = await preparePostback(
    { template: parsed.template, keys, method },
    { sessionId, event: 'verified', msisdn: MSISDN, country: 'AE', click: { clickid: 'abc123', sub1: 'banner7' } },
    at,
  );
  return entry!;
}

const txids = () => tracker.requests.map((r) => r.url.searchParams.get('tx'));

describe('a postback', () => {
  it('survives a tracker answering 500, then down, then back: one delivery, the same txid on every attempt', async () => {
    const t = setup();
    const entry = await conversion();
    assert.equal(await t.outbox.add(entry), true);

    tracker.mode = 'fail';
    assert.equal(await t.runner.runDue(), 1);
    assert.deepEqual(tracker.requests.map((r) => r.status), [500]);
    assert.equal(await t.runner.runDue(), 0, 'not due again before its backoff');

    await tracker.down();
    t.advance(POLICY.firstDelayMs);
    assert.equal(await t.runner.runDue(), 1);
    assert.equal(tracker.requests.length, 1, 'nothing listening: the attempt never arrived');
    await tracker.up();
    tracker.mode = 'ok';
    t.advance(2 * POLICY.firstDelayMs);
    assert.equal(await t.runner.runDue(), 1);

    assert.deepEqual(tracker.requests.map((r) => r.status), [500, 200]);
    assert.deepEqual(txids(), [entry.txid, entry.txid]);
    assert.equal(tracker.delivered().length, 1);
    assert.equal(tracker.requests[1]!.url.searchParams.get('cid'), 'abc123');
    assert.equal(tracker.requests[1]!.url.searchParams.get('s1'), 'banner7');
    assert.equal(await t.outbox.size(), 0);
    t.advance(POLICY.giveUpAfterMs);
    assert.equal(await t.runner.runDue(), 0, 'delivered is done for good');

    assert.deepEqual(t.events(), ['postback.retry', 'postback.retry', 'postback.delivered']);
    assert.deepEqual(
      t.lines.map((l) => [l.level, l.attempt, l.status ?? l.error, l.detail]),
      [
        ['warn', 1, 500, undefined],
        ['warn', 2, 'unreachable', 'ECONNREFUSED'],
        ['info', 3, 200, undefined],
      ],
    );
    assert.deepEqual(t.lines.map((l) => l.retryIn), [1, 2, undefined]);
    assert.deepEqual(
      t.measurements.filter((m) => m.kind === 'postback'),
      [
        { kind: 'postback', stage: 'verified', outcome: 'retried' },
        { kind: 'postback', stage: 'verified', outcome: 'retried' },
        { kind: 'postback', stage: 'verified', outcome: 'delivered' },
      ],
    );
    assert.deepEqual(t.measurements.filter((m) => m.kind === 'postback_outbox').map((m) => (m as { size: number }).size), [1, 1, 1, 0, 0]);
  });

  it('is retried when the tracker hangs, at its own deadline', async () => {
    const t = setup({ timeoutMs: 300 });
    await t.outbox.add(await conversion());
    tracker.mode = 'hang';
    const started = Date.now();
    await t.runner.runDue();
    const took = Date.now() - started;
    assert.ok(took >= 250 && took < 3_000, `the attempt ended at its deadline (${took} ms)`);
    assert.deepEqual([t.lines[0]!.event, t.lines[0]!.error], ['postback.retry', 'timeout']);
    tracker.mode = 'ok';
    t.advance(POLICY.firstDelayMs);
    await t.runner.runDue();
    assert.equal(tracker.delivered().length, 1);
    assert.equal(await t.outbox.size(), 0);
  });

  it('does not follow a redirect: a 3xx is not delivered', async () => {
    const t = setup();
    await t.outbox.add(await conversion());
    tracker.mode = 'redirect';
    await t.runner.runDue();
    assert.deepEqual(tracker.requests.map((r) => [r.url.pathname, r.status]), [['/pb', 302]], 'the redirect’s target was never asked');
    assert.deepEqual([t.lines[0]!.event, t.lines[0]!.status], ['postback.retry', 302]);
    assert.equal(await t.outbox.size(), 1);
  });

  it('is a POST of the same URL, with an empty body, when asked', async () => {
    const t = setup();
    const entry = await conversion('/pb', 'b'.repeat(32), 'POST');
    await t.outbox.add(entry);
    await t.runner.runDue();
    const [request] = tracker.requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.body, '');
    assert.equal(request!.url.searchParams.get('tx'), entry.txid);
    assert.equal(request!.headers['user-agent'], 'otp-flow-postback/1');
  });

  it('is dropped with an error line once its retries have run for a day', async () => {
    const policy = { ...POLICY, maxDelayMs: 3_600_000 };
    const t = setup({ policy });
    const entry = await conversion();
    await t.outbox.add(entry);
    tracker.mode = 'fail';
    let attempts = 0;
    while ((await t.outbox.size()) > 0) {
      assert.equal(await t.runner.runDue(), 1);
      attempts++;
      t.advance(policy.maxDelayMs);
    }
    // 1, 2, 4 … 2048 s, then an hour at a time until the day is over.
    assert.ok(attempts > 20 && attempts < 30, `${attempts} attempts`);
    const last = t.lines.at(-1)!;
    assert.deepEqual([last.level, last.event, last.status, last.attempt], ['error', 'postback.dropped', 500, attempts]);
    assert.match(String(last.message), /not delivered within 24 h and is dropped/);
    assert.deepEqual(t.measurements.filter((m) => m.kind === 'postback').at(-1), { kind: 'postback', stage: 'verified', outcome: 'dropped' });
    assert.ok(t.now() - entry.createdAt <= policy.giveUpAfterMs + policy.maxDelayMs);
    assert.equal(await t.outbox.add(entry), false, 'a dropped txid is not added again');
  });

  it('is one, for one conversion recorded ten times at once', async () => {
    const t = setup();
    const added = await Promise.all(Array.from({ length: 10 }, async () => t.outbox.add(await conversion('/pb', 'c'.repeat(32)))));
    assert.equal(added.filter(Boolean).length, 1);
    await Promise.all([t.runner.runDue(), t.runner.runDue(), t.runner.runDue()]);
    assert.equal(tracker.requests.length, 1);
    assert.equal(await t.outbox.add(await conversion('/pb', 'c'.repeat(32))), false, 'nor added again once delivered');
  });

  it('carries no secret and no number, and neither do its log lines', async () => {
    const t = setup();
    tracker.mode = 'fail';
    await t.outbox.add(await conversion('/k3y-in-path/pb'));
    await t.runner.runDue();
    tracker.mode = 'ok';
    t.advance(POLICY.firstDelayMs);
    await t.runner.runDue();
    const sent = tracker.requests.map((r) => r.url.href).join('\n');
    const logged = JSON.stringify(t.lines);
    for (const secret of [KEY, SECRET, MSISDN, MSISDN.slice(-9)]) {
      assert.ok(!sent.includes(secret), `the postback does not carry ${secret}`);
      assert.ok(!logged.includes(secret), `no log line carries ${secret}`);
    }
    assert.ok(!logged.includes('abc123') && !logged.includes('k3y-in-path'), 'log lines name the host, not the query or path');
    assert.equal(t.lines[1]!.host, new URL(tracker.origin).host);
  });
});

describe('retry times', () => {
  it('double from the first delay up to the longest, spread ±20 %', () => {
    const at = (attempt: number, random = 0.5) => nextAttemptAt(POLICY, { attempt, createdAt: 0 }, 0, () => random);
    assert.deepEqual([1, 2, 3, 4, 7, 8, 30].map((n) => at(n)), [1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000]);
    assert.deepEqual([at(1, 0), at(1, 0.999999)], [800, 1_200]);
    assert.equal(nextAttemptAt(POLICY, { attempt: 3, createdAt: 0 }, POLICY.giveUpAfterMs - 1_000, () => 0.5), undefined);
  });
});

describe('the postback driver', () => {
  it('sends a postback as soon as it is woken, runs a bounded number at once, and stops cleanly', async () => {
    const t = setup({ timeoutMs: 400, concurrency: 2 });
    let passes = 0;
    let running = 0;
    const driver = startPostbackDriver(
      {
        async runDue() {
          passes++;
          running++;
          try {
            return await t.runner.runDue();
          } finally {
            running--;
          }
        },
      },
      { intervalMs: 60_000 },
    );
    try {
      await until(() => passes > 0 && running === 0, 'the first pass');
      const entry = await conversion('/pb', 'd'.repeat(32));
      await t.outbox.add(entry);
      driver.wake();
      await until(() => tracker.delivered().length === 1, 'the postback');

      tracker.mode = 'hang';
      for (let i = 0; i < 5; i++) await t.outbox.add(await conversion('/pb', `e${i}`.padEnd(32, 'e')));
      driver.wake();
      await until(() => tracker.requests.length >= 3, 'a second pass');
      assert.equal(tracker.maxInFlight, 2, 'two attempts at a time, never more');
    } finally {
      await driver.close();
    }
    assert.equal(running, 0, 'close() waits for the pass in progress');
    const hung = tracker.requests.filter((r) => r.status === undefined).length;
    const ended = t.lines.filter((l) => l.event === 'postback.retry' && l.error === 'timeout').length;
    assert.ok(ended >= hung, `every attempt that reached the tracker ended at its deadline before close() returned (${ended} of ${hung})`);
    assert.equal(await t.outbox.size(), 5, 'what it did not deliver stays in the outbox');
  });
});

describe('the postback core', () => {
  it('is runtime-neutral: no Node built-in, no Node global', async () => {
    for (const file of ['postback.ts', 'outbox.ts', 'postback-delivery.ts', 'postback-driver.ts']) {
      const bundle = await bundleNeutral(fileURLToPath(new URL(`../../src/proxy/${file}`, import.meta.url)));
      assert.deepEqual(bundle.findings, [], file);
    }
  });
});
