import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';

const verifies = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length;

describe('sessions', () => {
  let h: Harness;
  let clock = Date.now();
  before(async () => {
    h = await startHarness({ proxy: { now: () => clock, sessionTtl: 300 } });
  });
  after(() => h.close());

  it('is opaque: neither the number nor Offer18’s requestId can be read from it', async () => {
    h.sim.reset();
    const { session } = await h.sendCode('+971501234567');
    const requestId = h.sim.inbox.at(-1)!.requestId!;
    const [version, body, ...rest] = session.split('.');
    assert.equal(version, 'v2');
    assert.deepEqual(rest, []);
    const bytes = Buffer.from(body!, 'base64url');
    for (const secret of ['971501234567', '501234567', requestId]) {
      assert.ok(!session.includes(secret), `${secret} is not in the token`);
      assert.ok(!bytes.includes(secret), `${secret} is not in the decoded token`);
      assert.ok(!bytes.toString('latin1').includes(secret));
    }
  });

  it('refuses garbage, truncated and altered tokens without an upstream call', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const [version, body] = session.split('.');
    const bytes = Buffer.from(body!, 'base64url');
    const flipped = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 1;
      return `${version}.${copy.toString('base64url')}`;
    };
    const tokens = [
      'garbage',
      session.slice(0, -2),
      `${version}.${body!.slice(0, 20)}`,
      flipped(0), // the IV
      flipped(20), // the ciphertext
      flipped(bytes.length - 1), // the tag
      `v1.${body}`,
      `${session}.extra`,
      `${version}.${Buffer.from(JSON.stringify({ i: 'a'.repeat(20), m: '971501234567', e: Date.now() + 60_000 })).toString('base64url')}`,
    ];
    for (const token of tokens) {
      const reply = await h.post('/otp/verify', { session: token, otp: code });
      assertError(reply, 400, 'session_invalid');
      assert.equal(reply.json.field, 'session');
    }
    assert.equal(verifies(h), 0);
  });

  it('has one spelling: a variant that decodes to the same bytes is refused', async () => {
    h.sim.reset();
    // The last base64url character carries unused low bits when the length is not a multiple of 3: numbers of
    // three lengths give tokens of three lengths, and at least one of them leaves some.
    let sent: { session: string; code: string } | undefined;
    for (const msisdn of ['+971501234567', '+4915112345678', '+12025550143']) {
      sent = await h.sendCode(msisdn);
      if (Buffer.from(sent.session.split('.')[1]!, 'base64url').length % 3 !== 0) break;
    }
    const { session, code } = sent!;
    const [version, body] = session.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const unused = [0, 4, 2][Buffer.from(body!, 'base64url').length % 3]!;
    assert.ok(unused > 0, 'this token length leaves unused bits');
    const last = alphabet.indexOf(body!.at(-1)!);
    const twin = `${version}.${body!.slice(0, -1)}${alphabet[last ^ 1]}`;
    assert.ok(Buffer.from(twin.split('.')[1]!, 'base64url').equals(Buffer.from(body!, 'base64url')), 'same bytes');
    assertError(await h.post('/otp/verify', { session: twin, otp: code }), 400, 'session_invalid');
    assert.equal(verifies(h), 0);
  });

  it('refuses a token signed with another secret', async () => {
    const other = await startHarness({ proxy: { sessionSecret: 'another-secret-another-secret-0123456' } });
    try {
      const { session, code } = await other.sendCode();
      h.sim.reset();
      assertError(await h.post('/otp/verify', { session, otp: code }), 400, 'session_invalid');
      assert.equal(verifies(h), 0);
    } finally {
      await other.close();
    }
  });

  it('refuses an expired token with 410 without an upstream call', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    clock += 301_000;
    try {
      assertError(await h.post('/otp/verify', { session, otp: code }), 410, 'session_expired');
      assert.equal(verifies(h), 0);
    } finally {
      clock = Date.now();
    }
  });

  it('verifies once: a replay of a verified session is 409 session_used without an upstream call', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    assert.equal((await h.post('/otp/verify', { session, otp: code })).status, 200);
    assertError(await h.post('/otp/verify', { session, otp: code }), 409, 'session_used');
    assert.equal(verifies(h), 1);
  });

  it('lets one of many concurrent verifies through to the upstream', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const replies = await Promise.all(Array.from({ length: 20 }, () => h.post('/otp/verify', { session, otp: code })));
    assert.equal(replies.filter((r) => r.status === 200).length, 1);
    for (const r of replies.filter((r) => r.status !== 200)) {
      assert.ok(['session_used', 'verify_in_progress'].includes(r.json.error), r.text);
      assert.equal(r.status, 409);
    }
    assert.equal(verifies(h), 1);
  });

  it('locks a session after 5 wrong codes', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left--) {
      const reply = await h.post('/otp/verify', { session, otp: wrong });
      assertError(reply, 422, 'otp_invalid');
      assert.equal(reply.json.attemptsLeft, left);
    }
    assertError(await h.post('/otp/verify', { session, otp: code }), 429, 'session_locked');
    assert.equal(verifies(h), 5);
    // A new code starts a new session.
    const fresh = await h.sendCode();
    assert.equal((await h.post('/otp/verify', { session: fresh.session, otp: fresh.code })).status, 200);
  });

  it('refuses missing and mistyped verify fields', async () => {
    h.sim.reset();
    assertError(await h.post('/otp/verify', { otp: '1234' }), 400, 'invalid_request');
    assertError(await h.post('/otp/verify', { session: 'x' }), 400, 'invalid_request');
    assertError(await h.post('/otp/verify', { session: 'x', otp: 1234 }), 400, 'invalid_request');
    assertError(await h.post('/otp/verify', { session: 'x', otp: '1234', msisdn: '971501234567' }), 400, 'invalid_request');
    assert.equal(h.sim.calls.length, 0);
  });
});
