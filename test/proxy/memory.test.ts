/**
 * No request pattern can exhaust memory: refused sends leave nothing behind,
 * and the in-memory stores have a cap.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOtpProxy, MemoryBudgetStore, MemoryVerifyStore } from '../../src/proxy/index.js';
import { nodeSessionCrypto } from '../../src/adapters/node.js';
import { TEST_SECRET } from '../helpers/harness.js';

/** The n-th of many distinct valid UAE mobiles. */
const uae = (n: number) => `+9715${[0, 2, 4, 5, 6, 8][n % 6]}${String(1_000_000 + Math.floor(n / 6)).slice(-7)}`;

function proxyWith(stores: { budgets: MemoryBudgetStore; verifies: MemoryVerifyStore }, logs: string[], limits = {}) {
  let sent = 0;
  const handle = createOtpProxy({
    offer18: { key: 'memory-test-key', aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
    sessionSecret: TEST_SECRET,
    crypto: nodeSessionCrypto,
    logger: (entry) => logs.push(JSON.stringify(entry)),
    // Offer18 answers at once: this is about the proxy's own memory.
    transport: async () => ({ status: 200, body: JSON.stringify({ status: '200', response: 'otp_sent', data: `r${sent++}` }) }),
    ...stores,
    // The budgets' own memory is what these count; the shield's counters are bounded by the same store.
    challenge: 'off',
    prefixMinSends: 0,
    ...limits,
  });
  const send = (msisdn: string, client: string) =>
    handle(new Request('http://127.0.0.1/otp/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msisdn }) }), {
      remoteAddress: client,
    });
  return { send };
}

describe('memory under attack', () => {
  it('keeps no state for refused sends: 30,000 distinct numbers from one client past its budget leave the store as it was', { timeout: 120_000 }, async () => {
    // The clock stands still: on a busy machine the run outlasts the 30 s resend wait, whose keys would expire and go.
    const now = () => 1_800_000_000_000;
    const stores = { budgets: new MemoryBudgetStore({ now }), verifies: new MemoryVerifyStore({ now }) };
    const logs: string[] = [];
    const { send } = proxyWith(stores, logs, { clientLimit: 20, now });
    for (let i = 0; i < 20; i++) assert.equal((await send(uae(i), '203.0.113.5')).status, 200);
    const after20 = stores.budgets.size;
    for (let i = 20; i < 30_020; i++) {
      const reply = await send(uae(i), '203.0.113.5');
      if (reply.status !== 429) assert.fail(`send ${i}: ${reply.status} ${await reply.text()}`);
    }
    assert.equal(stores.budgets.size, after20, 'refusals added no keys');
    assert.equal(stores.verifies.size, 0);
  });

  it('caps the store: past its key limit the oldest keys go, and the log says so once', { timeout: 60_000 }, async () => {
    const logs: string[] = [];
    const onFull = (store: string, maxKeys: number) => logs.push(JSON.stringify({ event: 'store.full', store, maxKeys }));
    const stores = { budgets: new MemoryBudgetStore({ maxKeys: 500, onFull }), verifies: new MemoryVerifyStore({ maxKeys: 500, onFull }) };
    const { send } = proxyWith(stores, logs, { clientLimit: 1_000_000, networkLimit: 1_000_000, hourlyLimit: 10_000_000 });
    for (let i = 0; i < 3_000; i++) {
      // Every send from its own address: each adds keys (client, number, resend wait).
      assert.equal((await send(uae(i), `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)).status, 200);
      assert.ok(stores.budgets.size <= 500, `${stores.budgets.size} keys after ${i + 1} sends`);
    }
    assert.equal(logs.filter((l) => l.includes('store.full')).length, 1);
  });

  it('costs no more per send when full than when empty: 200,000 sends through a 100,000-key store in seconds', { timeout: 120_000 }, async () => {
    // Every send writes the hourly cap and its client's counter again, and adds keys for its number.
    // Moving those hot keys on every write once made each send walk every earlier copy of them:
    // this took minutes. Bounded loosely, for a busy machine.
    let now = 0;
    const budgets = new MemoryBudgetStore({ now: () => now });
    const started = Date.now();
    for (let i = 0; i < 200_000; i++) {
      now += 1;
      const result = await budgets.take([
        { key: 'c:203.0.113.5', limit: 1e9, windowMs: 600_000 },
        { key: `n:${i}`, limit: 3, windowMs: 900_000 },
        { key: `r:${i}`, limit: 1, windowMs: 30_000 },
        { key: 'h:all', limit: 1e9, windowMs: 3_600_000 },
      ]);
      assert.equal(result.ok, true);
      if (i % 10_000 === 0 && Date.now() - started > 30_000) assert.fail(`only ${i} sends in 30 s`);
    }
    assert.ok(budgets.size <= 100_000);
    // The hot keys survived the churn: the client's counter still counts every send.
    assert.deepEqual(await budgets.take([{ key: 'c:203.0.113.5', limit: 200_000, windowMs: 600_000 }]), { ok: false, index: 0, retryAfterMs: 600_000 - 200_000 + 1 });
  });

  it('keeps the newest keys when it evicts: the latest number still has its budget counted', async () => {
    const budgets = new MemoryBudgetStore({ maxKeys: 10, now: () => 1_000 });
    for (let i = 0; i < 50; i++) await budgets.take([{ key: `k${i}`, limit: 1, windowMs: 60_000 }]);
    assert.deepEqual(await budgets.take([{ key: 'k49', limit: 1, windowMs: 60_000 }]), { ok: false, index: 0, retryAfterMs: 60_000 });
    assert.deepEqual(await budgets.take([{ key: 'k0', limit: 1, windowMs: 60_000 }]), { ok: true });
  });
});
