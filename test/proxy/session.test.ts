import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';

const verifies = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length;

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

describe('sessions', () => {
  let h: Harness;
  let clock = Date.now();
  before(async () => {
    h = await startHarness({ proxy: { now: () => clock, sessionTtl: 300 } });
  });
  after(() => h.close());

  it('binds the number: a token edited to another number is refused without an upstream call', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const [version, payload, signature] = session.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.m = '971509999999';
    const forged = [version, b64url(JSON.stringify(claims)), signature].join('.');
    assertError(await h.post('/otp/verify', { session: forged, otp: code }), 400, 'session_invalid');
    assert.equal(verifies(h), 0);
  });

  it('refuses garbage, truncated and re-signed tokens without an upstream call', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const [version, payload] = session.split('.');
    const tokens = [
      'garbage',
      session.slice(0, -2),
      `${version}.${payload}.${'A'.repeat(43)}`,
      `v2.${session.split('.').slice(1).join('.')}`,
      `${session}.extra`,
      `${version}.${b64url('not json')}.${session.split('.')[2]}`,
    ];
    for (const token of tokens) {
      assertError(await h.post('/otp/verify', { session: token, otp: code }), 400, 'session_invalid');
    }
    assert.equal(verifies(h), 0);
  });

  it('has one spelling: a variant that decodes to the same bytes is refused', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const [version, payload, signature] = session.split('.');
    // The last of 43 base64url characters carries 2 unused bits; flip them.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature!.at(-1)!);
    const twin = `${version}.${payload}.${signature!.slice(0, -1)}${alphabet[last ^ 1]}`;
    assert.equal(Buffer.from(twin.split('.')[2]!, 'base64url').equals(Buffer.from(signature!, 'base64url')), true, 'same bytes');
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
