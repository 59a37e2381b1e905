import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import { burst, tally } from '../helpers/load.js';

const gens = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length;
const verifies = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length;
/** A distinct valid UAE mobile for each i. */
const uae = (i: number) => `+97150${String(1_000_000 + i).slice(-7)}`;

describe('per-number budget', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { numberLimit: 3, clientLimit: 1_000_000 } });
  });
  after(() => h.close());

  it('allows 3 sends per number in any spelling, then answers 429 with a coarse Retry-After', async () => {
    for (const spelling of ['+971 50 765 4321', '00971507654321', '0507654321']) {
      const reply = await h.post('/otp/send', { msisdn: spelling, country: 'AE' });
      assert.equal(reply.status, 200, reply.text);
    }
    const refused = await h.post('/otp/send', { msisdn: '971507654321' });
    assertError(refused, 429, 'rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.equal(refused.json.retryAfter, retryAfter);
    assert.ok(retryAfter > 800 && retryAfter <= 900 && retryAfter % 60 === 0, `coarse: ${retryAfter}`);
    // Another number is unaffected.
    assert.equal((await h.post('/otp/send', { msisdn: '+971501112233' })).status, 200);
  });

  it('lets at most 3 of 1,000 concurrent sends for one number, in its different spellings, reach Offer18', { timeout: 60_000 }, async () => {
    h.sim.reset();
    const spellings = ['+971 50 222 3344', '00971502223344', '971502223344', '050 222 3344', '٠٥٠٢٢٢٣٣٤٤'];
    const outcomes = await burst(
      () => `${h.url}/otp/send`,
      1_000,
      (i) => ({ msisdn: spellings[i % spellings.length], country: 'AE' }),
    );
    const counts = tally(outcomes);
    assert.equal(counts['200'], 3, JSON.stringify(counts));
    assert.equal(counts['429 rate_limited'], 997, JSON.stringify(counts));
    assert.equal(gens(h), 3);
  });
});

describe('per-client budget', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { numberLimit: 3, clientLimit: 20, trustProxy: 1 } });
  });
  after(() => h.close());

  it('lets one client send to 20 of 40 numbers', async () => {
    h.sim.reset();
    const outcomes = await burst(() => `${h.url}/otp/send`, 40, (i) => ({ msisdn: uae(100 + i) }), {
      headers: () => ({ 'x-forwarded-for': '203.0.113.7' }),
    });
    assert.deepEqual(tally(outcomes), { '200': 20, '429 rate_limited': 20 });
    assert.equal(gens(h), 20);
  });

  it('cannot be escaped by rotating X-Forwarded-For entries the client writes itself', async () => {
    h.sim.reset();
    // The client prepends a fresh fake address each time; the trusted proxy appends the real one.
    const outcomes = await burst(() => `${h.url}/otp/send`, 30, (i) => ({ msisdn: uae(300 + i) }), {
      headers: (i) => ({ 'x-forwarded-for': `10.${i}.0.1, 198.51.100.9` }),
    });
    assert.deepEqual(tally(outcomes), { '200': 20, '429 rate_limited': 10 });
  });

  it('keys IPv6 clients by their /64', async () => {
    h.sim.reset();
    const outcomes = await burst(() => `${h.url}/otp/send`, 25, (i) => ({ msisdn: uae(500 + i) }), {
      headers: (i) => ({ 'x-forwarded-for': `2001:db8:aa:bb::${(i + 1).toString(16)}` }),
    });
    assert.deepEqual(tally(outcomes), { '200': 20, '429 rate_limited': 5 });
  });

  it('does not let a client out of budget spend a victim number’s budget', async () => {
    h.sim.reset();
    const victim = '+971508887766';
    const attacker = { 'x-forwarded-for': '203.0.113.99' };
    // The attacker spends its own budget on other numbers, then aims at the victim.
    await burst(() => `${h.url}/otp/send`, 20, (i) => ({ msisdn: uae(2_000 + i) }), { headers: () => attacker });
    const aimed = await burst(() => `${h.url}/otp/send`, 10, () => ({ msisdn: victim }), { headers: () => attacker });
    assert.deepEqual(tally(aimed), { '429 rate_limited': 10 });
    // The victim still has all 3 sends.
    const own = await burst(() => `${h.url}/otp/send`, 3, () => ({ msisdn: victim }), { headers: (i) => ({ 'x-forwarded-for': `198.51.100.${200 + i}` }) });
    assert.deepEqual(tally(own), { '200': 3 });
  });

  it('gives each client its own budget', async () => {
    h.sim.reset();
    const outcomes = await burst(() => `${h.url}/otp/send`, 40, (i) => ({ msisdn: uae(700 + i) }), {
      headers: (i) => ({ 'x-forwarded-for': `192.0.2.${i % 2}` }),
    });
    assert.deepEqual(tally(outcomes), { '200': 40 });
  });
});

describe('the socket address without OTP_TRUST_PROXY', () => {
  it('ignores X-Forwarded-For entirely', async () => {
    const h = await startHarness({ proxy: { numberLimit: 3, clientLimit: 5, trustProxy: 0 } });
    try {
      const outcomes = await burst(() => `${h.url}/otp/send`, 10, (i) => ({ msisdn: uae(900 + i) }), {
        headers: (i) => ({ 'x-forwarded-for': `192.0.2.${i}` }),
      });
      assert.deepEqual(tally(outcomes), { '200': 5, '429 rate_limited': 5 });
    } finally {
      await h.close();
    }
  });
});

describe('hourly spending cap', () => {
  it('stops every send once the hour’s budget is spent, and says so loudly in the log', async () => {
    const h = await startHarness({ proxy: { numberLimit: 3, clientLimit: 1_000, hourlyLimit: 10 } });
    try {
      const outcomes = await burst(() => `${h.url}/otp/send`, 15, (i) => ({ msisdn: uae(1_000 + i) }));
      assert.deepEqual(tally(outcomes), { '200': 10, '429 rate_limited': 5 });
      assert.equal(gens(h), 10);
      const loud = h.logs.filter((l) => l.includes('limits.hourly_cap_reached'));
      assert.equal(loud.length, 1, 'one loud line, not one per refusal');
      assert.match(loud[0]!, /"level":"error"/);
      assert.match(loud[0]!, /HOURLY SEND CAP REACHED/);
    } finally {
      await h.close();
    }
  });
});

describe('guesses', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { maxAttempts: 5 } });
  });
  after(() => h.close());

  it('lets exactly 5 guesses on one session reach Offer18, however many arrive at once, then locks it', { timeout: 60_000 }, async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const outcomes = await burst(() => `${h.url}/otp/verify`, 1_000, () => ({ session, otp: wrong }));
    const counts = tally(outcomes);
    assert.equal(counts['200'], undefined);
    assert.equal(counts['422 otp_invalid'], verifies(h), JSON.stringify(counts));
    // Whatever the burst left, guessing on until the lock spends exactly the 5 attempts.
    let reply = await h.post('/otp/verify', { session, otp: wrong });
    while (reply.status === 422) reply = await h.post('/otp/verify', { session, otp: wrong });
    assertError(reply, 429, 'session_locked');
    assert.equal(reply.json.attemptsLeft, 0);
    assert.equal(verifies(h), 5);
    // Locked now, even for the right code: a new code must be requested.
    assertError(await h.post('/otp/verify', { session, otp: code }), 429, 'session_locked');
    assert.equal(verifies(h), 5);
  });

  it('sends exactly one verify upstream for 100 concurrent replays of the right code', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const outcomes = await burst(() => `${h.url}/otp/verify`, 100, () => ({ session, otp: code }));
    const counts = tally(outcomes);
    assert.equal(counts['200'], 1, JSON.stringify(counts));
    assert.equal((counts['409 session_used'] ?? 0) + (counts['409 verify_in_progress'] ?? 0), 99);
    assert.equal(verifies(h), 1);
  });

  it('keeps a victim’s attempts out of reach of anyone without their session', async () => {
    h.sim.reset();
    const victim = await h.sendCode('+971509998877');
    const attacker = await h.sendCode('+971509998877');
    for (let i = 0; i < 5; i++) await h.post('/otp/verify', { session: attacker.session, otp: '0000' });
    assertError(await h.post('/otp/verify', { session: attacker.session, otp: '0000' }), 429, 'session_locked');
    // Guessing with a forged token is refused before any store or upstream, and costs the victim nothing.
    const before = verifies(h);
    assertError(await h.post('/otp/verify', { session: `${victim.session.slice(0, -4)}AAAA`, otp: '0000' }), 400, 'session_invalid');
    assert.equal(verifies(h), before);
    const reply = await h.post('/otp/verify', { session: victim.session, otp: victim.code });
    assert.equal(reply.status, 200, reply.text);
  });
});
