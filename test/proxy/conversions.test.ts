/**
 * Fake conversions: every guess that may have reached Offer18 counts, a
 * session is at Offer18 at most once at a time, and the upstream deadline is
 * a deadline for the whole exchange.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import type { SimulatorFault } from '../../src/simulator/index.js';
import { MemoryBudgetStore, MemoryVerifyStore } from '../../src/proxy/index.js';

const verifies = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length;
const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('guesses Offer18 answered unclearly', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ offer18: { timeoutMs: 300 }, proxy: { maxAttempts: 5 } });
  });
  after(() => h.close());

  // Every way an answer can be unreadable, and each of them reached Offer18 with the guess.
  const unclear: Array<[SimulatorFault, number, string]> = [
    ['hang', 504, 'upstream_timeout'],
    ['html_500', 502, 'upstream_unavailable'],
    ['json_503', 502, 'upstream_unavailable'],
    ['ok_with_error', 502, 'upstream_bad_reply'],
    ['unknown_response', 502, 'upstream_bad_reply'],
    ['non_json', 502, 'upstream_bad_reply'],
    ['reset', 502, 'upstream_unavailable'],
  ];
  for (const [fault, status, code] of unclear) {
    it(`counts every guess answered with ${fault}: 50 guesses, exactly 5 reach Offer18, then even the right code is refused`, { timeout: 30_000 }, async () => {
      h.sim.reset();
      const { session, code: right } = await h.sendCode();
      h.sim.setFault(fault, { endpoint: 'otp_verify' });
      const answers = [];
      for (let i = 0; i < 50; i++) answers.push(await h.post('/otp/verify', { session, otp: String(100_000 + i) }));
      for (const [i, reply] of answers.slice(0, 5).entries()) {
        assertError(reply, status, code);
        assert.equal(reply.json.attemptsLeft, 4 - i, 'the reply says how many tries remain');
      }
      for (const reply of answers.slice(5)) assertError(reply, 429, 'session_locked');
      h.sim.setFault('none');
      assertError(await h.post('/otp/verify', { session, otp: right }), 429, 'session_locked');
      assert.equal(verifies(h), 5);
    });
  }

  it('counts wrong codes and unclear answers together', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    assert.equal((await h.post('/otp/verify', { session, otp: wrongFor(code) })).json.attemptsLeft, 4);
    h.sim.setFault('html_500', { endpoint: 'otp_verify' });
    assert.equal((await h.post('/otp/verify', { session, otp: wrongFor(code) })).json.attemptsLeft, 3);
    h.sim.setFault('none');
    assert.equal((await h.post('/otp/verify', { session, otp: code })).status, 200);
    assert.equal(verifies(h), 3);
  });
});

describe('guesses that never left', () => {
  it('gives the attempt back when the connection to Offer18 was refused, so an outage locks nobody out', async () => {
    // Two instances of one deployment: the same secret and the same stores, so the dead one opens and counts the live one's sessions.
    const stores = { budgets: new MemoryBudgetStore(), verifies: new MemoryVerifyStore() };
    const live = await startHarness({ proxy: stores });
    const dead = await startHarness({ offer18: { apiBase: 'http://127.0.0.1:9/api/af' }, proxy: stores });
    try {
      const { session, code } = await live.sendCode();
      for (let i = 0; i < 8; i++) {
        const reply = await dead.post('/otp/verify', { session, otp: code });
        assertError(reply, 502, 'upstream_unavailable');
        assert.equal(reply.json.attemptsLeft, 5);
      }
      assert.equal((await live.post('/otp/verify', { session, otp: code })).status, 200);
    } finally {
      await dead.close();
      await live.close();
    }
  });
});

describe('one session at Offer18 at a time', () => {
  it('answers every verify of a session that arrives while its first is at Offer18 with 409, and converts once', { timeout: 20_000 }, async () => {
    const h = await startHarness({ offer18: { timeoutMs: 10_000 } });
    try {
      const { session, code } = await h.sendCode();
      h.sim.setFault('slow', { endpoint: 'otp_verify', delayMs: 1_500 });
      const first = h.post('/otp/verify', { session, otp: code });
      const started = Date.now();
      const during = [];
      while (Date.now() - started < 1_200) {
        during.push(await h.post('/otp/verify', { session, otp: code }));
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal((await first).status, 200);
      for (const reply of during) assertError(reply, 409, 'verify_in_progress');
      h.sim.setFault('none');
      assertError(await h.post('/otp/verify', { session, otp: code }), 409, 'session_used');
      assert.equal(verifies(h), 1);
    } finally {
      await h.close();
    }
  });
});

describe('the upstream deadline', () => {
  it('ends a send whose answer dribbles in a byte at a time at OFFER18_TIMEOUT_MS, not at the last byte', { timeout: 20_000 }, async () => {
    const h = await startHarness({ offer18: { timeoutMs: 2_000 } });
    try {
      h.sim.setFault('dribble', { delayMs: 400 });
      const started = Date.now();
      assertError(await h.post('/otp/send', { msisdn: '+971501234567' }), 504, 'upstream_timeout');
      const took = Date.now() - started;
      assert.ok(took >= 1_900 && took < 3_500, `answered after ${took} ms`);
    } finally {
      await h.close();
    }
  });

  it('ends a verify the same way, counting the guess', { timeout: 20_000 }, async () => {
    const h = await startHarness({ offer18: { timeoutMs: 1_000 } });
    try {
      const { session, code } = await h.sendCode();
      h.sim.setFault('dribble', { endpoint: 'otp_verify', delayMs: 300 });
      const started = Date.now();
      const reply = await h.post('/otp/verify', { session, otp: code });
      assertError(reply, 504, 'upstream_timeout');
      assert.equal(reply.json.attemptsLeft, 4);
      assert.ok(Date.now() - started < 2_500);
    } finally {
      await h.close();
    }
  });
});
