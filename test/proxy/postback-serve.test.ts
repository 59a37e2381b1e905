/**
 * Postbacks from `otp-flow serve` processes sharing a real redis-server, to
 * the tracker stub on loopback: a postback pending when its instance stops is
 * delivered once, by the restarted instance or a second one, whichever gets
 * to it, with the same txid; the metrics count what each did. And a template
 * that cannot work stops start-up with one line naming the variable.
 */
import { campaignEnv } from '../helpers/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { runCli, startCli, type Started } from '../../support/cli.js';
import { postJson } from '../../support/net.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { scrape, value } from '../helpers/metrics.js';
import { startTracker, type Tracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';

const KEY = `postback-serve-key-${crypto.randomUUID()}`;
const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1', mid: '2' }, print: () => {} });
let upstream: RunningSimulator;
let redis: TestRedis;
let tracker: Tracker;

before(async () => {
  [upstream, redis, tracker] = await Promise.all([startSimulator(sim), startRedis(), startTracker()]);
});
after(async () => {
  await tracker?.close();
  await redis?.stop();
  await upstream?.close();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...campaignEnv(KEY, upstream.apiBase, 'postback-serve-secret-0123456789abcdef'),
    OTP_CHALLENGE: 'off',
    REDIS_URL: redis.url,
    OTP_POSTBACK_URL: `${tracker.origin}/pb?cid={clickid}&s1={sub1}&tx={txid}`,
    OTP_POSTBACK_RETRY_MS: '200',
    OTP_METRICS_PORT: '0',
    ...extra,
  };
}

describe('a postback pending in Redis', () => {
  const running: Started[] = [];
  after(async () => {
    await Promise.all(running.map((app) => app.stop()));
  });
  const start = async () => {
    const app = await startCli(['serve'], { env: env() });
    running.push(app);
    return app;
  };

  it('is delivered once, when its instance stops, by the restarted one or a second one, with the same txid', async () => {
    tracker.mode = 'fail';
    const first = await start();
    // Printed just after the line the start waits for: waited for, not read at once.
    await first.waitFor(/postbacks \(verified\) to 127\.0\.0\.1:\d+, kept in Redis until delivered/);
    const sent = await postJson(`${first.url}/otp/send`, { msisdn: '+971501234567', click: { clickid: 'abc123', sub1: 'banner7' } });
    assert.equal(sent.status, 200);
    assert.equal((await postJson(`${first.url}/otp/verify`, { session: sent.json.session, otp: sim.lastCode() })).status, 200);
    await until(() => tracker.requests.length >= 1, 'a refused attempt');
    await first.stop();
    const byFirst = tracker.requests.length;

    const [restarted, second] = await Promise.all([start(), start()]);
    tracker.mode = 'ok';
    const outbox = new Redis(redis.url);
    try {
      await until(async () => tracker.delivered().length === 1 && (await outbox.zcard('otp-flow:pb:due')) === 0, 'the delivery, recorded');
    } finally {
      outbox.disconnect();
    }
    assert.equal(new Set(tracker.requests.map((r) => r.url.searchParams.get('tx'))).size, 1, 'one txid on every attempt');
    assert.deepEqual([tracker.requests.at(-1)!.url.searchParams.get('cid'), tracker.requests.at(-1)!.url.searchParams.get('s1')], ['abc123', 'banner7']);

    // What the two live instances counted adds up to what they sent: one delivery between them.
    let counted = { delivered: 0, retried: 0 };
    await until(async () => {
      counted = { delivered: 0, retried: 0 };
      for (const app of [restarted, second]) {
        const { samples } = await scrape(app);
        counted.delivered += value(samples, 'otp_flow_postbacks_total', { event: 'verified', outcome: 'delivered' }) ?? 0;
        counted.retried += value(samples, 'otp_flow_postbacks_total', { event: 'verified', outcome: 'retried' }) ?? 0;
        if (value(samples, 'otp_flow_postback_outbox_size', {}) !== 0) return false;
      }
      return counted.delivered === 1;
    }, 'the metrics');
    assert.equal(counted.delivered + counted.retried, tracker.requests.length - byFirst);
  });
});

describe('a postback template that cannot work', () => {
  it('stops otp-flow serve with one line naming the variable', async () => {
    const result = await runCli(['serve'], { env: env({ OTP_POSTBACK_URL: 'https://{clickid}.tracker.example/pb', REDIS_URL: '', OTP_METRICS_PORT: '' }) });
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trim().split('\n'), [
      'otp-flow: configuration error: OTP_POSTBACK_URL has a placeholder before the query string: placeholders may only stand after the "?", where no value can change the host or path',
    ]);
  });
});
