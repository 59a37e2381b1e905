import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionSigner } from '../../src/proxy/session.js';

const SECRET = 'signer-test-secret-0123456789abcdef';
const claims = { id: 'abcdefghijklmnop0123', msisdn: '971501234567', requestId: 'req-1', expiresAt: Date.now() + 60_000 };

describe('session signer', () => {
  it('signs the same on node:crypto and on Web Crypto, so every runtime reads every token', async () => {
    const node = createSessionSigner(SECRET);
    const web = createSessionSigner(SECRET, { webCryptoOnly: true });
    const fromNode = await node.sign(claims);
    assert.equal(await web.sign(claims), fromNode);
    assert.deepEqual(await web.open(fromNode, Date.now()), { ok: true, claims });
    assert.deepEqual(await node.open(await web.sign(claims), Date.now()), { ok: true, claims });
    assert.equal(await node.tag('n:971501234567'), await web.tag('n:971501234567'));
  });

  it('refuses tokens from another secret and expired ones, on both paths', async () => {
    for (const webCryptoOnly of [false, true]) {
      const signer = createSessionSigner(SECRET, { webCryptoOnly });
      const other = createSessionSigner(`${SECRET}x`, { webCryptoOnly });
      assert.deepEqual(await signer.open(await other.sign(claims), Date.now()), { ok: false, reason: 'invalid' });
      assert.deepEqual(await signer.open(await signer.sign(claims), claims.expiresAt), { ok: false, reason: 'expired' });
    }
  });

  it('keys stores by a digest, not by the number', async () => {
    const tag = await createSessionSigner(SECRET).tag('n:971501234567');
    assert.match(tag, /^[A-Za-z0-9_-]{22}$/);
    assert.ok(!tag.includes('971501234567'));
    assert.notEqual(tag, await createSessionSigner(`${SECRET}x`).tag('n:971501234567'));
  });
});
