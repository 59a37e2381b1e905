/**
 * One contract for the three stores: the same cases against memory (in
 * Node), a real redis-server, and the Durable Objects in workerd. Whatever
 * backend a deployment uses, a send is charged to all of its budgets or to
 * none, a guess is counted before it leaves, a session converts once, and a
 * store that lost its state never verifies what it forgot.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Budget, BudgetStore, VerifyStore } from '../../src/proxy/store.js';

export interface StoreSubject {
  /** The stores as they are now: `lose()` may replace them (a restarted process). */
  stores(): { budgets: BudgetStore; verifies: VerifyStore };
  /** Loses every record the way the backend can: a restart without persistence. */
  lose(): Promise<void>;
}

let serial = 0;
/** Keys no other case (or earlier run on a persistent backend) uses. */
const key = (name: string) => `${name}:${process.pid}:${Date.now()}:${serial++}`;
const budget = (name: string, limit: number, windowMs = 60_000): Budget => ({ key: key(name), limit, windowMs });

async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function storeConformance(name: string, subject: () => StoreSubject): void {
  const budgets = () => subject().stores().budgets;
  const verifies = () => subject().stores().verifies;

  describe(`${name}: budgets`, () => {
    it('charges a send to every budget or to none', async () => {
      const a = budget('a', 2);
      const b = budget('b', 1);
      assert.deepEqual(await budgets().take([a, b]), { ok: true });
      const refused = await budgets().take([a, b]);
      assert.equal(refused.ok, false);
      assert.equal(!refused.ok && refused.index, 1, 'the second budget refused');
      assert.deepEqual(await budgets().take([a]), { ok: true }, 'the refused send took nothing from the first');
      assert.equal((await budgets().take([a])).ok, false, 'and now the first is spent');
    });

    it('leaves nothing behind when it refuses: the budgets before the one that refused are untouched', async () => {
      const spent = budget('spent', 1);
      assert.deepEqual(await budgets().take([spent]), { ok: true });
      const others = Array.from({ length: 10 }, () => budget('other', 1));
      for (const other of others) assert.equal((await budgets().take([other, spent])).ok, false);
      for (const other of others) assert.deepEqual(await budgets().take([other]), { ok: true }, 'each still has its one send');
    });

    it('names the first budget that refused and how long until it reopens', async () => {
      const first = budget('first', 1, 30_000);
      const second = budget('second', 1, 60_000);
      await budgets().take([first, second]);
      const refused = await budgets().take([first, second]);
      assert.ok(!refused.ok);
      assert.equal(refused.index, 0);
      assert.ok(refused.retryAfterMs > 25_000 && refused.retryAfterMs <= 30_000, `${refused.retryAfterMs} ms`);
    });

    it('reopens a budget when its window ends', async () => {
      const short = budget('short', 1, 400);
      assert.deepEqual(await budgets().take([short]), { ok: true });
      assert.equal((await budgets().take([short])).ok, false);
      await until('the window to end', async () => ((await budgets().take([short])).ok ? true : undefined));
    });

    it('reads each key’s count in its live window, and 0 for one it never charged', async () => {
      const counted = budget('counted', 10);
      const never = budget('never', 10);
      for (let i = 0; i < 3; i++) await budgets().take([counted]);
      assert.deepEqual(await budgets().read([counted.key, never.key]), [3, 0]);
      assert.deepEqual(await budgets().read([]), []);
    });

    it('gives one back on release, never below zero, so a released send frees its place', async () => {
      const lent = budget('lent', 2);
      const empty = budget('empty', 2);
      await budgets().take([lent]);
      await budgets().take([lent]);
      assert.equal((await budgets().take([lent])).ok, false);
      await budgets().release([lent.key, empty.key]);
      assert.deepEqual(await budgets().read([lent.key, empty.key]), [1, 0], 'one given back; a key never charged stays at nothing');
      assert.deepEqual(await budgets().take([lent]), { ok: true }, 'its place is free again');
      await budgets().release([empty.key]);
      await budgets().release([empty.key]);
      assert.deepEqual(await budgets().take([empty]), { ok: true });
      assert.deepEqual(await budgets().take([empty]), { ok: true }, 'releases of nothing made no room');
      assert.equal((await budgets().take([empty])).ok, false);
    });

    it('leaves an ended window alone on release, and reads it as 0', async () => {
      const short = budget('short-release', 5, 300);
      await budgets().take([short]);
      await until('the window to end', async () => ((await budgets().read([short.key]))[0] === 0 ? true : undefined));
      await budgets().release([short.key]);
      assert.deepEqual(await budgets().read([short.key]), [0]);
    });

    it('lets exactly the limit through when sends race', async () => {
      const raced = budget('raced', 7);
      const results = await Promise.all(Array.from({ length: 40 }, () => budgets().take([raced])));
      assert.equal(results.filter((r) => r.ok).length, 7);
    });
  });

  describe(`${name}: verifies`, () => {
    it('counts each guess as it begins and holds the session until it is settled', async () => {
      const id = key('s');
      const epoch = await verifies().epoch();
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'ok', attemptsLeft: 2 });
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'busy' });
      await verifies().settle(id, 'counted');
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'ok', attemptsLeft: 1 });
      await verifies().settle(id, 'counted');
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'ok', attemptsLeft: 0 });
      await verifies().settle(id, 'counted');
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'locked' });
    });

    it('gives the attempt back when the guess never left', async () => {
      const id = key('s');
      const epoch = await verifies().epoch();
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'ok', attemptsLeft: 2 });
      await verifies().settle(id, 'not_sent');
      assert.deepEqual(await verifies().begin(id, epoch, 3, 60_000), { state: 'ok', attemptsLeft: 2 });
    });

    it('converts a session once', async () => {
      const id = key('s');
      const epoch = await verifies().epoch();
      assert.equal((await verifies().begin(id, epoch, 5, 60_000)).state, 'ok');
      await verifies().settle(id, 'verified');
      for (let i = 0; i < 3; i++) assert.deepEqual(await verifies().begin(id, epoch, 5, 60_000), { state: 'used' });
    });

    it('lets one of many racing verifies take the session', async () => {
      const id = key('s');
      const epoch = await verifies().epoch();
      const results = await Promise.all(Array.from({ length: 20 }, () => verifies().begin(id, epoch, 5, 60_000)));
      assert.equal(results.filter((r) => r.state === 'ok').length, 1);
      assert.equal(results.filter((r) => r.state === 'busy').length, 19);
    });

    it('keeps a session whose outcome was never recorded closed until its hold ends', async () => {
      const id = key('s');
      const epoch = await verifies().epoch();
      assert.equal((await verifies().begin(id, epoch, 5, 500)).state, 'ok');
      // Offer18 answered, the store could not record it: no settle ever comes.
      assert.deepEqual(await verifies().begin(id, epoch, 5, 500), { state: 'busy' });
      // Past the hold the record is gone with the session it outlived (the proxy refuses that token by then).
      await until('the hold to end', async () => ((await verifies().begin(id, epoch, 5, 500)).state === 'ok' ? true : undefined));
    });

    it('settles a session it no longer holds without bringing it back', async () => {
      const id = key('s');
      await verifies().settle(id, 'verified');
      const epoch = await verifies().epoch();
      assert.deepEqual(await verifies().begin(id, epoch, 5, 60_000), { state: 'ok', attemptsLeft: 4 });
    });
  });

  describe(`${name}: epoch`, () => {
    it('keeps one epoch, and refuses a session from another', async () => {
      const epoch = await verifies().epoch();
      assert.match(epoch, /^[\w-]{8,64}$/);
      assert.equal(await verifies().epoch(), epoch);
      const id = key('s');
      assert.deepEqual(await verifies().begin(id, `${epoch}x`, 5, 60_000), { state: 'stale' });
      assert.deepEqual(await verifies().begin(id, '', 5, 60_000), { state: 'stale' }, 'a token from before epochs existed');
      assert.equal((await verifies().begin(id, epoch, 5, 60_000)).state, 'ok', 'the refusal counted nothing');
    });

    it('after losing its state, makes a new epoch and never verifies a session of the old one', async () => {
      const converted = key('s');
      const guessed = key('s');
      const before = await verifies().epoch();
      assert.equal((await verifies().begin(converted, before, 5, 60_000)).state, 'ok');
      await verifies().settle(converted, 'verified');
      for (let i = 0; i < 5; i++) {
        assert.equal((await verifies().begin(guessed, before, 5, 60_000)).state, 'ok');
        await verifies().settle(guessed, 'counted');
      }
      await subject().lose();
      const after = await verifies().epoch();
      assert.notEqual(after, before);
      assert.deepEqual(await verifies().begin(converted, before, 5, 60_000), { state: 'stale' }, 'no second conversion');
      assert.deepEqual(await verifies().begin(guessed, before, 5, 60_000), { state: 'stale' }, 'no fresh guesses');
    });
  });
}
