/**
 * Tokens sealed on one runtime open on every other: Node's node:crypto fast
 * path and the Web Crypto every runtime has derive the same keys.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSessions, webSessionCrypto, type SessionClaims } from '../../src/proxy/session.js';
import { nodeSessionCrypto } from '../../src/adapters/node-crypto.js';
import { REQUEST_ID_MAX_CHARS } from '../../src/proxy/offer18.js';
import { CLICK_NAME_MAX_CHARS, CLICK_PARAMS_MAX, CLICK_VALUE_MAX_CHARS, MAX_BODY_BYTES, OTP_FIELD_MAX_CHARS, SESSION_MAX_CHARS } from '../../src/contract/index.js';

const SECRET = 'session-test-secret-0123456789abcdef';
const claims = { id: 'abcdefghijklmnop0123', msisdn: '971501234567', requestId: 'req-1', expiresAt: Date.now() + 60_000, epoch: 'f2b1c0de-0000-4000-8000-000000000000' };

describe('session cryptography', () => {
  const node = createSessions(SECRET, nodeSessionCrypto);
  const web = createSessions(SECRET, webSessionCrypto);

  it('opens on Web Crypto what node:crypto sealed, and the other way round', async () => {
    assert.deepEqual(await web.open(await node.seal(claims), Date.now()), { ok: true, claims });
    assert.deepEqual(await node.open(await web.seal(claims), Date.now()), { ok: true, claims });
    const noRequestId = { ...claims, requestId: undefined };
    assert.deepEqual(await web.open(await node.seal(noRequestId), Date.now()), { ok: true, claims: noRequestId });
  });

  it('keys stores by the same digest on both, never by the number', async () => {
    const tag = await node.tag('n:971501234567');
    assert.equal(await web.tag('n:971501234567'), tag);
    assert.match(tag, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(tag, await createSessions(`${SECRET}x`, nodeSessionCrypto).tag('n:971501234567'));
  });

  it('seals the same claims differently every time (a fresh IV per token)', async () => {
    const tokens = new Set(await Promise.all(Array.from({ length: 20 }, () => node.seal(claims))));
    assert.equal(tokens.size, 20);
  });

  it('never hands out an IV twice, across the batches node:crypto draws them in', () => {
    const box = nodeSessionCrypto(SECRET);
    const plain = new TextEncoder().encode('{}');
    // Past two refills of the 512-IV batch.
    const ivs = new Set(Array.from({ length: 1_100 }, () => Buffer.from((box.seal(plain) as Uint8Array).subarray(0, 12)).toString('hex')));
    assert.equal(ivs.size, 1_100);
  });

  it('refuses tokens from another secret and expired ones, on both', async () => {
    for (const factory of [nodeSessionCrypto, webSessionCrypto]) {
      const mine = createSessions(SECRET, factory);
      const other = createSessions(`${SECRET}x`, factory);
      assert.deepEqual(await mine.open(await other.seal(claims), Date.now()), { ok: false, reason: 'invalid' });
      assert.deepEqual(await mine.open(await mine.seal(claims), claims.expiresAt), { ok: false, reason: 'expired' });
    }
  });

  it('stays within SESSION_MAX_CHARS at its largest, and a verify carrying it within the body limit', async () => {
    // Every field at the longest the token takes: a requestId JSON must escape all through, the shield's claims,
    // and the most click parameters with the longest names and values.
    const worst: SessionClaims = {
      id: 'i'.repeat(64),
      msisdn: '9'.repeat(15),
      requestId: '"\\'.repeat(REQUEST_ID_MAX_CHARS / 2),
      expiresAt: Number.MAX_SAFE_INTEGER,
      epoch: 'e'.repeat(64),
      shield: { r: 'r'.repeat(64), h: Number.MAX_SAFE_INTEGER, c: 'c'.repeat(64), n: 'n'.repeat(64), w: Number.MAX_SAFE_INTEGER },
      click: Object.fromEntries(Array.from({ length: CLICK_PARAMS_MAX }, (_, i) => [`${'n'.repeat(CLICK_NAME_MAX_CHARS - 1)}${i}`, '~'.repeat(CLICK_VALUE_MAX_CHARS)])),
    };
    for (const factory of [nodeSessionCrypto, webSessionCrypto]) {
      const sessions = createSessions(SECRET, factory);
      const token = await sessions.seal(worst);
      assert.ok(token.length <= SESSION_MAX_CHARS, `${token.length} characters`);
      assert.deepEqual(await sessions.open(token, 0), { ok: true, claims: worst });
      const body = JSON.stringify({ session: token, otp: '1'.repeat(OTP_FIELD_MAX_CHARS) });
      assert.ok(Buffer.byteLength(body) <= MAX_BODY_BYTES, `a verify of ${Buffer.byteLength(body)} bytes`);
    }
  });
});
