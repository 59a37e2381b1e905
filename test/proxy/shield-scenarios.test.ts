/**
 * The fraud shield against the attacks it is for, at a small scale: a real
 * `otp-flow serve` with the default settings (one country), honest visitors
 * and bots each from their own loopback address. `npm run bench:fraud` runs
 * the same scenarios at full scale, before and after the shield.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCli, type Started } from '../../support/cli.js';
import { runScenario, type ScenarioPlan } from '../../support/fraud.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const KEY = `shield-key-${crypto.randomUUID()}`;
const HOURLY = 1_000;
const HONEST = { count: 12, everyMs: 150, verifyAfterMs: [200, 600] as [number, number] };

/** A fresh `otp-flow serve` with the defaults but one country, against its own simulator. */
async function start(extra: Record<string, string> = {}): Promise<{ app: Started; sim: Offer18Simulator; upstream: RunningSimulator }> {
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '7', mid: '8' }, print: () => {} });
  const upstream = await startSimulator(sim);
  const app = await startCli(['serve'], {
    env: {
      OFFER18_KEY: KEY,
      OFFER18_AID: '7',
      OFFER18_MID: '8',
      OFFER18_PARTNER: 'p',
      OFFER18_API_BASE: upstream.apiBase,
      OTP_SESSION_SECRET: 'shield-secret-shield-secret-0123456789',
      OTP_COUNTRIES: 'AE',
      // Cheaper challenges than the default, so the test's visitors and bots solve them in milliseconds: the rules are the same.
      OTP_CHALLENGE_COST: '20',
      PORT: '0',
      ...extra,
    },
  });
  return { app, sim, upstream };
}

describe('the fraud shield, under the defaults', () => {
  const running: Array<{ app: Started; upstream: RunningSimulator }> = [];
  async function scenario(plan: ScenarioPlan, extra?: Record<string, string>) {
    const target = await start(extra);
    running.push(target);
    return { ...(await runScenario(target.app.url, target.sim, plan, HOURLY)), app: target.app };
  }
  after(async () => {
    for (const { app, upstream } of running) {
      await app.stop();
      await upstream.close();
    }
  });

  it('asks nothing of quiet, honest traffic, and every visitor converts', { timeout: 30_000 }, async () => {
    const result = await scenario({ name: 'quiet', honest: HONEST });
    assert.equal(result.honestChallenged, 0, JSON.stringify(result.honestAnswers));
    assert.equal(result.honestConverted, HONEST.count);
  });

  it('keeps bots that do not solve to a few dozen SMS, while visitors convert and the cap is never reached', { timeout: 60_000 }, async () => {
    const result = await scenario({ name: 'bots that do not solve', honest: HONEST, bots: { kind: 'unsolved', addresses: 200, sendsEach: 3, concurrency: 16 } });
    assert.ok(result.attackerSms <= 100, `${result.attackerSms} attacker SMS of ${result.attackerRequests} tries: ${JSON.stringify(result.botAnswers)}`);
    assert.ok(result.honestConverted >= Math.ceil(HONEST.count * 0.95), `${result.honestConverted} of ${HONEST.count} converted: ${JSON.stringify(result.honestAnswers)}`);
    assert.ok(result.hourlyLeft > HOURLY / 2, `${result.hourlyLeft} left of the hourly cap`);
    assert.ok((result.botAnswers['428 challenge_required'] ?? 0) > 0, 'the bots were asked for a proof of work');
    await result.app.waitFor(/"event":"shield\.friction_raised"/);
  });

  it('pauses a pumped range after 20 SMS, even for bots that solve every challenge, and serves the other ranges', { timeout: 60_000 }, async () => {
    const range = '97150555';
    const result = await scenario({ name: 'bots that solve, pumping one range', honest: HONEST, bots: { kind: 'pump', addresses: 60, sendsEach: 2, concurrency: 16, range } });
    assert.ok(result.rangeSms <= 20, `${result.rangeSms} SMS to the range: ${JSON.stringify(result.botAnswers)}`);
    assert.ok((result.botAnswers['429 prefix_suspended'] ?? 0) > 0, JSON.stringify(result.botAnswers));
    assert.ok(result.honestConverted >= Math.ceil(HONEST.count * 0.95), `${result.honestConverted} of ${HONEST.count}: ${JSON.stringify(result.honestAnswers)}`);
    const [line] = await result.app.waitFor(/.*"event":"shield\.prefix_suspended".*/);
    assert.match(line, /"prefix":"97150555····"/, 'the range is shown, the rest of the number masked');
  });

  it('lets nothing through for free with OTP_CHALLENGE=always, and challenges nobody with off', { timeout: 30_000 }, async () => {
    const always = await scenario({ name: 'always', honest: { ...HONEST, count: 4 } }, { OTP_CHALLENGE: 'always' });
    assert.equal(always.honestChallenged, 4);
    assert.equal(always.honestConverted, 4);
    const off = await scenario({ name: 'off', honest: { ...HONEST, count: 4 }, bots: { kind: 'unsolved', addresses: 20, sendsEach: 3, concurrency: 8 } }, { OTP_CHALLENGE: 'off', OTP_PREFIX_MIN_SENDS: '0' });
    assert.equal(off.honestChallenged, 0);
    assert.equal(off.botAnswers['428 challenge_required'] ?? 0, 0);
  });
});
