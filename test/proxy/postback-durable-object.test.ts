/**
 * The Worker's postback outbox in workerd (Miniflare, no compatibility
 * flags), one Durable Object per postback delivering itself from its alarm,
 * against the tracker stub on loopback: retried through a 500 and an outage
 * with the same txid and delivered once; ten adds of one conversion are one
 * postback; a workerd restarted with a postback pending still delivers it.
 * Backoff is shortened to fractions of a second, so alarms run in real time.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable, type Readable } from 'node:stream';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { PostbackEntry } from '../../src/proxy/postback.js';
import type { PostbackDelivery } from '../../src/stores/durable-objects/postback-queue.js';
import { COMPATIBILITY_DATE } from '../conformance/runtimes.js';
import { startTracker, type Tracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';

const KEY = 'offer18-key-in-the-worker';
const SECRET = 'session-secret-in-the-worker-0123456789';
const DELIVERY: PostbackDelivery = { policy: { firstDelayMs: 200, maxDelayMs: 400, giveUpAfterMs: 60_000 }, timeoutMs: 2_000 };

let tracker: Tracker;
let code: string;
let persist: string;
before(async () => {
  tracker = await startTracker();
  persist = await mkdtemp(join(tmpdir(), 'otp-flow-postback-do-'));
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../helpers/postback-worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:workers'],
    logLevel: 'silent',
  });
  code = bundle.outputFiles[0]!.text;
});
after(async () => {
  await tracker?.close();
  await rm(persist, { recursive: true, force: true });
});
beforeEach(() => {
  tracker.requests.length = 0;
  tracker.mode = 'ok';
});

interface Worker {
  add(entry: PostbackEntry): Promise<boolean>;
  inspect(txid: string): Promise<{ state: string; attempt: number } | null>;
  /** What the objects logged, one JSON line each. */
  lines(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

async function startWorker(): Promise<Worker> {
  let output = '';
  const sink = () => new Writable({ write: (chunk, _encoding, done) => ((output += chunk), done()) });
  const mf = new Miniflare({
    modules: true,
    script: code,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    durableObjects: { OTP_POSTBACKS: { className: 'OtpPostback', useSQLite: true } },
    durableObjectsPersist: persist,
    bindings: { OFFER18_KEY: KEY, OTP_SESSION_SECRET: SECRET },
    host: '127.0.0.1',
    port: 0,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.pipe(sink());
      stderr.pipe(sink());
    },
  });
  await mf.ready;
  return {
    async add(entry) {
      const reply = await mf.dispatchFetch('http://worker/add', { method: 'POST', body: JSON.stringify({ entry, delivery: DELIVERY }) });
      return ((await reply.json()) as { added: boolean }).added;
    },
    async inspect(txid) {
      return (await (await mf.dispatchFetch(`http://worker/inspect?txid=${txid}`)).json()) as { state: string; attempt: number } | null;
    },
    // Whole lines only: the last one may still be arriving.
    lines: () =>
      output
        .split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => mf.dispose(),
  };
}

const entry = (txid: string): PostbackEntry => ({ txid, event: 'verified', method: 'GET', url: `${tracker.origin}/pb?cid=abc123&tx=${txid}`, createdAt: Date.now() });
const txids = () => tracker.requests.map((r) => r.url.searchParams.get('tx'));

describe('a postback’s Durable Object', () => {
  let worker: Worker;
  before(async () => {
    worker = await startWorker();
  });
  after(() => worker?.stop());

  it('delivers through a tracker answering 500, then down, then back: once, with the same txid', async () => {
    tracker.mode = 'fail';
    assert.equal(await worker.add(entry('do-outage')), true);
    await until(() => tracker.requests.length >= 1, 'a first attempt');
    await tracker.down();
    const unreachable = () => worker.lines().some((l) => l.event === 'postback.retry' && l.txid === 'do-outage' && l.error === 'unreachable');
    await until(unreachable, 'an attempt while the tracker is down');
    await tracker.up();
    tracker.mode = 'ok';
    await until(async () => (await worker.inspect('do-outage'))?.state === 'delivered', 'the delivery');

    assert.equal(tracker.delivered().length, 1);
    assert.ok(tracker.requests.slice(0, -1).every((r) => r.status === 500));
    assert.ok(txids().every((t) => t === 'do-outage'));
    const { attempt } = (await worker.inspect('do-outage'))!;
    assert.ok(attempt > tracker.requests.length, `${attempt} attempts, ${tracker.requests.length} of them reached the tracker`);
    const delivered = worker.lines().filter((l) => l.event === 'postback.delivered');
    assert.deepEqual(delivered.map((l) => [l.txid, l.attempt, l.status]), [['do-outage', attempt, 200]]);
    assert.ok(worker.lines().some((l) => l.event === 'metric' && l.kind === 'postback' && l.outcome === 'delivered'));
    assert.ok(!JSON.stringify(worker.lines()).includes(SECRET) && !JSON.stringify(worker.lines()).includes('abc123'));
  });

  it('is one postback for one conversion added ten times at once', async () => {
    const added = await Promise.all(Array.from({ length: 10 }, () => worker.add(entry('do-once'))));
    assert.equal(added.filter(Boolean).length, 1);
    await until(async () => (await worker.inspect('do-once'))?.state === 'delivered', 'the delivery');
    assert.equal(await worker.add(entry('do-once')), false, 'nor added again once delivered');
    assert.deepEqual(txids(), ['do-once']);
  });
});

describe('a postback pending when workerd restarts', () => {
  it('is delivered once by the restarted workerd', async () => {
    tracker.mode = 'fail';
    const first = await startWorker();
    try {
      await first.add(entry('do-restart'));
      await until(() => tracker.requests.length >= 1, 'a first attempt');
    } finally {
      await first.stop();
    }
    tracker.mode = 'ok';
    const second = await startWorker();
    try {
      await until(async () => (await second.inspect('do-restart'))?.state === 'delivered', 'the delivery after the restart');
      assert.equal(tracker.delivered().length, 1);
      assert.ok(txids().every((t) => t === 'do-restart'));
    } finally {
      await second.stop();
    }
  });
});
