/**
 * The shield's rules, one at a time, on the fetch-standard core: a `Request`
 * in, a `Response` out, Offer18 answering at once, a clock of the test's own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { createOtpProxy, MemoryBudgetStore, type OtpProxyOptions } from '../../src/proxy/index.js';
import { createChallenger } from '../../src/proxy/challenge.js';
import { nodeSessionCrypto } from '../../src/adapters/node.js';
import { TEST_SECRET } from '../helpers/harness.js';
import type { Challenge } from '../../src/contract/index.js';

/** A proxy whose Offer18 takes every code and checks it against the one it "sent". */
function shielded(options: Partial<OtpProxyOptions> = {}) {
  const logs: Array<Record<string, unknown>> = [];
  const codes = new Map<string, string>();
  let clock = Date.now();
  let serial = 0;
  const handle = createOtpProxy({
    offer18: { key: 'shield-unit-key', aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
    sessionSecret: TEST_SECRET,
    crypto: nodeSessionCrypto,
    countries: ['AE'],
    resendAfter: 0,
    challengeCost: 10,
    logger: (entry) => logs.push(entry),
    now: () => clock,
    transport: async (url) => {
      const params = new URL(url).searchParams;
      if (url.includes('otp_gen')) {
        const requestId = `r${serial++}`;
        codes.set(requestId, '123456');
        return { status: 200, body: JSON.stringify({ status: '200', response: 'otp_sent', data: requestId }) };
      }
      const right = codes.get(params.get('request_id') ?? '') === params.get('otp');
      return { status: 200, body: JSON.stringify(right ? { status: '200', response: 'otp_verified' } : { status: '400', error: 'invalid otp' }) };
    },
    ...options,
  });
  const call = async (path: string, body: unknown, from: string) => {
    const reply = await handle(new Request(`http://127.0.0.1/otp/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
      remoteAddress: from,
    });
    return { status: reply.status, json: (await reply.json()) as any };
  };
  return {
    logs,
    events: () => logs.map((l) => l.event),
    tick: (ms: number) => (clock += ms),
    send: (msisdn: string, from: string, altcha?: unknown) => call('send', altcha ? { msisdn, altcha } : { msisdn }, from),
    verify: (session: string, from: string) => call('verify', { session, otp: '123456' }, from),
    /** A send that solves the challenge it is asked for. */
    async solved(msisdn: string, from: string) {
      const asked = await call('send', { msisdn }, from);
      assert.equal(asked.status, 428, JSON.stringify(asked.json));
      const solution = await solveChallenge({ challenge: asked.json.challenge, deriveKey });
      return call('send', { msisdn, altcha: { challenge: asked.json.challenge, solution } }, from);
    },
  };
}

let serial = 0;
/** A fresh UAE mobile in a range of its own. */
const number = () => `+97150${String(1_000_000 + 10_007 * serial++).slice(-7)}`;

describe('adaptive challenge: credit for unchallenged sends', () => {
  it('asks a client with a code out unverified, and not once it verifies', async () => {
    const p = shielded();
    const first = await p.send(number(), '203.0.113.10');
    assert.equal(first.status, 200);
    const second = await p.send(number(), '203.0.113.10');
    assert.equal(second.status, 428);
    assert.equal(second.json.error, 'challenge_required');
    assert.equal(second.json.challenge.parameters.algorithm, 'PBKDF2/SHA-256');
    assert.equal((await p.send(number(), '203.0.113.11')).status, 200, 'another client is not asked');
    assert.equal((await p.verify(first.json.session, '203.0.113.10')).status, 200);
    assert.equal((await p.send(number(), '203.0.113.10')).status, 200, 'its code verified, its credit is back');
  });

  it('asks a network (/24) with five codes out unverified', async () => {
    const p = shielded();
    for (let i = 1; i <= 5; i++) assert.equal((await p.send(number(), `198.51.100.${i}`)).status, 200);
    assert.equal((await p.send(number(), '198.51.100.6')).status, 428);
    assert.equal((await p.send(number(), '198.51.101.6')).status, 200, 'the next /24 is not');
  });

  it('asks everyone once the campaign’s unverified codes pile up, and stops when they are verified', async () => {
    const p = shielded({ shieldUnverified: 3 });
    const sessions: string[] = [];
    for (let i = 1; i <= 3; i++) sessions.push((await p.send(number(), `10.${i}.0.1`)).json.session);
    const refused = await p.send(number(), '10.9.0.1');
    assert.equal(refused.status, 428, 'a client and a network never seen before are asked too');
    assert.ok(p.events().includes('shield.friction_raised'));
    assert.equal((await p.verify(sessions[0]!, '10.1.0.1')).status, 200);
    assert.equal((await p.send(number(), '10.9.0.1')).status, 200);
    assert.ok(p.events().includes('shield.friction_lowered'));
  });

  it('renews the credit when the window ends', async () => {
    const p = shielded();
    assert.equal((await p.send(number(), '203.0.113.20')).status, 200);
    assert.equal((await p.send(number(), '203.0.113.20')).status, 428);
    p.tick(10 * 60_000);
    assert.equal((await p.send(number(), '203.0.113.20')).status, 200);
  });

  it('asks every send once half of the hourly cap is spent, and takes solved ones to the cap', async () => {
    const p = shielded({ hourlyLimit: 4 });
    assert.equal((await p.send(number(), '203.0.113.31')).status, 200);
    assert.equal((await p.send(number(), '203.0.113.32')).status, 200);
    assert.equal((await p.send(number(), '203.0.113.33')).status, 428, 'half of 4 spent');
    assert.equal((await p.solved(number(), '203.0.113.33')).status, 200);
    assert.equal((await p.solved(number(), '203.0.113.34')).status, 200);
    const capped = await p.solved(number(), '203.0.113.35');
    assert.equal(capped.status, 429, 'the cap itself still holds');
  });

  it('refuses suspects first past 80 % of the cap, and serves others to the end', async () => {
    const p = shielded({ hourlyLimit: 10, challenge: 'always' });
    const send = (msisdn: string, from: string) => p.solved(msisdn, from);
    // A client with a code it never verified; it solves every challenge, which does not make it less of a suspect.
    assert.equal((await send(number(), '203.0.113.40')).status, 200);
    for (let i = 41; i < 48; i++) assert.equal((await send(number(), `203.0.114.${i}`)).status, 200);
    const suspect = await send(number(), '203.0.113.40');
    assert.equal(suspect.status, 429, '8 of 10 spent: the suspect is refused');
    assert.equal(suspect.json.error, 'rate_limited');
    assert.equal((await send(number(), '203.0.115.1')).status, 200, 'a visitor with nothing against it is served');
  });
});

describe('OTP_CHALLENGE', () => {
  it('always: a solution for every send, each usable once; off: none ever', async () => {
    const always = shielded({ challenge: 'always' });
    const asked = await always.send(number(), '203.0.113.50');
    assert.equal(asked.status, 428);
    const solution = await solveChallenge({ challenge: asked.json.challenge, deriveKey });
    const msisdn = number();
    assert.equal((await always.send(msisdn, '203.0.113.50', { challenge: asked.json.challenge, solution })).status, 200);
    assert.equal((await always.send(number(), '203.0.113.51', { challenge: asked.json.challenge, solution })).status, 428, 'used');
    const off = shielded({ challenge: 'off' });
    for (let i = 0; i < 5; i++) assert.equal((await off.send(number(), '203.0.113.52')).status, 200);
  });

  it('off, the prefix guard too: the shield reads and counts nothing, only the rate budgets are kept', async () => {
    // An IPv4 client with no resend wait: its address, the number and the hourly cap.
    const rateBudgets = 3;
    const kept = async (options: Partial<OtpProxyOptions>) => {
      const budgets = new MemoryBudgetStore();
      const proxy = shielded({ ...options, budgets });
      const sent = await proxy.send(number(), '203.0.113.53');
      assert.equal(sent.status, 200);
      assert.equal((await proxy.verify(sent.json.session, '203.0.113.53')).status, 200);
      return budgets.size;
    };
    assert.equal(await kept({ challenge: 'off', prefixMinSends: 0 }), rateBudgets);
    assert.ok((await kept({})) > rateBudgets, 'on, the shield keeps counts of its own');
  });

  it('refuses a solution that does not solve, for a challenge that was changed, or one another proxy signed', async () => {
    const p = shielded({ challenge: 'always' });
    const asked = await p.send(number(), '203.0.113.60');
    const challenge = asked.json.challenge as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    const wrong = { ...solution!, derivedKey: solution!.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    assert.equal((await p.send(number(), '203.0.113.60', { challenge, solution: wrong })).status, 428);
    const changed = { ...challenge, parameters: { ...challenge.parameters, expiresAt: (challenge.parameters.expiresAt ?? 0) + 3_600 } };
    assert.equal((await p.send(number(), '203.0.113.60', { challenge: changed, solution })).status, 428);
    const elsewhere = await createChallenger('another-secret-another-secret-0123456', 10).issue();
    const solvedElsewhere = await solveChallenge({ challenge: elsewhere, deriveKey });
    assert.equal((await p.send(number(), '203.0.113.60', { challenge: elsewhere, solution: solvedElsewhere })).status, 428);
    assert.equal((await p.send(number(), '203.0.113.60', { challenge, solution })).status, 200, 'the real one still works');
  });
});

describe('challenges', () => {
  it('expire five minutes after they are made', async () => {
    const old = createChallenger(TEST_SECRET, 10, () => Date.now() - 5 * 60_000 - 1_000);
    const challenge = await old.issue();
    const solution = await solveChallenge({ challenge, deriveKey });
    assert.deepEqual(await old.check({ challenge, solution: solution! }), { ok: false, reason: 'expired' });
  });

  it('are made at most 20 a second, however many sends ask; a valid solution that lost a race gets its own', async () => {
    const challenger = createChallenger(TEST_SECRET, 10);
    const handed = await Promise.all(Array.from({ length: 200 }, () => challenger.issue()));
    const made = new Set(handed.map((c) => c.signature)).size;
    assert.ok(made <= 21, `${made} made for 200 sends`);
    const fresh = await challenger.issue({ fresh: true });
    assert.ok(!handed.some((c) => c.signature === fresh.signature));
  });
});

describe('the prefix guard', () => {
  it('pauses a range that converts too little, serves the others, and lets a converting range take more', async () => {
    const p = shielded({ challenge: 'off', prefixMinSends: 3 });
    const inRange = (i: number) => `+971505550${String(100 + i).padStart(3, '0')}`;
    for (let i = 0; i < 3; i++) assert.equal((await p.send(inRange(i), `203.0.113.${70 + i}`)).status, 200);
    const paused = await p.send(inRange(3), '203.0.113.80');
    assert.equal(paused.status, 429);
    assert.equal(paused.json.error, 'prefix_suspended');
    assert.equal(paused.json.retryAfter, 3_600);
    const suspended = p.logs.filter((l) => l.event === 'shield.prefix_suspended');
    assert.equal(suspended.length, 1);
    assert.equal(suspended[0]!.prefix, '97150555····');
    assert.ok(!JSON.stringify(p.logs).includes('971505550100'), 'no whole number in the log');
    assert.equal((await p.send(inRange(4), '203.0.113.81')).status, 429, 'still paused');
    assert.equal((await p.send('+971521234567', '203.0.113.82')).status, 200, 'another range is served');

    const busy = shielded({ challenge: 'off', prefixMinSends: 3 });
    const other = (i: number) => `+971526660${String(100 + i).padStart(3, '0')}`;
    const first = await busy.send(other(0), '203.0.113.90');
    assert.equal((await busy.verify(first.json.session, '203.0.113.90')).status, 200);
    // One verified of 10% allowed: up to 9 unverified before it pauses.
    for (let i = 1; i <= 9; i++) assert.equal((await busy.send(other(i), `203.0.113.${90 + i}`)).status, 200, `send ${i}`);
    assert.equal((await busy.send(other(10), '203.0.113.100')).json.error, 'prefix_suspended');
  });

  it('serves a paused range again once its pause is over, and says so', async () => {
    const p = shielded({ challenge: 'off', prefixMinSends: 1, prefixSuspend: 60 });
    assert.equal((await p.send('+971505551000', '203.0.113.110')).status, 200);
    assert.equal((await p.send('+971505551001', '203.0.113.111')).json.error, 'prefix_suspended');
    p.tick(3_600_000);
    assert.equal((await p.send('+971505551002', '203.0.113.112')).status, 200);
    assert.ok(p.events().includes('shield.prefix_released'));
  });
});
