/**
 * The shield's state is shared like the budgets: two `otp-flow serve`
 * instances on one redis-server accept a solved challenge once between them,
 * pause a pumped range after the same 20 SMS, and report it all as metrics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCli, type Started } from '../../support/cli.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { FraudClient } from '../../support/fraud.js';
import { campaignEnv } from '../helpers/harness.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `shared-shield-key-${crypto.randomUUID()}`;

describe('the shield on two instances sharing Redis', () => {
  let redis: TestRedis;
  let upstream: RunningSimulator;
  let a: Started;
  let b: Started;
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1', mid: '2' }, print: () => {} });
  const gens = () => sim.calls.filter((c) => c.endpoint === 'otp_gen');

  before(async () => {
    redis = await startRedis();
    upstream = await startSimulator(sim);
    const env = {
      ...campaignEnv(KEY, upstream.apiBase, 'shared-shield-secret-0123456789abcdef'),
      OTP_COUNTRIES: 'AE',
      OTP_CHALLENGE: 'always',
      OTP_CHALLENGE_COST: '20',
      REDIS_URL: redis.url,
      OTP_METRICS_PORT: '0',
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

  it('accepts a solved challenge once between them, and counts challenges in the metrics', { timeout: 30_000 }, async () => {
    sim.reset();
    const one = new FraudClient(a.url);
    const other = new FraudClient(b.url);
    try {
      const asked = await one.post('127.0.30.1', '/otp/send', { msisdn: '+971501119001' });
      assert.equal(asked.status, 428);
      const { solveChallenge } = await import('altcha-lib');
      const { deriveKey } = await import('altcha-lib/algorithms/web/pbkdf2');
      const solution = await solveChallenge({ challenge: asked.json.challenge, deriveKey });
      const altcha = { challenge: asked.json.challenge, solution };
      const [onA, onB] = await Promise.all([
        one.post('127.0.30.1', '/otp/send', { msisdn: '+971501119001', altcha }),
        other.post('127.0.30.2', '/otp/send', { msisdn: '+971501119002', altcha }),
      ]);
      assert.deepEqual([onA.status, onB.status].sort(), [200, 428], 'one of the two instances took it');
      assert.equal(gens().length, 1);
    } finally {
      await one.close();
      await other.close();
    }
    const [, url] = await a.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
    const text = await (await fetch(url!)).text();
    assert.match(text, /^otp_flow_challenges_total\{outcome="issued"\} [1-9]/m);
    assert.match(text, /^otp_flow_sends_total\{outcome="refused",reason="challenge_required"\} [1-9]/m);
  });

  it('pauses a pumped range after 20 SMS across both, for bots that solve every challenge', { timeout: 60_000 }, async () => {
    sim.reset();
    const clients = [new FraudClient(a.url), new FraudClient(b.url)];
    const answers: Record<string, number> = {};
    try {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const reply = await clients[i % 2]!.send(`127.0.31.${i + 1}`, `97150777${String(1000 + i).padStart(4, '0')}`, 2);
          const key = reply.status === 200 ? '200' : `${reply.status} ${reply.json.error}`;
          answers[key] = (answers[key] ?? 0) + 1;
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    assert.equal(gens().length, 20, JSON.stringify(answers));
    assert.equal(answers['429 prefix_suspended'], 20);
    const [, url] = await b.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
    const text = await (await fetch(url!)).text();
    assert.match(text, /^otp_flow_challenges_total\{outcome="solved"\} [1-9]/m);
  });
});
