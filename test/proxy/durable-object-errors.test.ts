/**
 * How the Worker reads a failed call to a Durable Object: an outage is
 * `503 service_unavailable` (refuse rather than guess, as with Redis down),
 * a bug in the object's code stays a bug (500).
 *
 * The platform's failures (a lost connection, an object restarting or
 * moving, an overloaded object) cannot be caused on `wrangler dev`, so the
 * errors here are shaped as Cloudflare documents them: `retryable`,
 * `overloaded`, and `remote` for an exception the object's own code threw.
 * The happy paths run against real Durable Objects in test/e2e/cloudflare-kit.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProxyError } from '../../src/proxy/errors.js';
import {
  DurableObjectBudgetStore,
  DurableObjectVerifyStore,
  unreachable,
  type BudgetObject,
  type ObjectNamespace,
  type Reservation,
} from '../../src/stores/durable-objects/client.js';

const platform = (message: string, flags: Record<string, boolean>) => Object.assign(new Error(message), flags);

describe('a Durable Object call that fails', () => {
  it('is an outage when the platform says so, and a bug when the object’s code threw', () => {
    assert.equal(unreachable(platform('Network connection lost.', { retryable: true })), true);
    assert.equal(unreachable(platform('Durable Object is overloaded. Too many requests queued.', { overloaded: true })), true);
    assert.equal(unreachable(platform('Durable Object reset because its code was updated.', { retryable: true, remote: true })), true);
    assert.equal(unreachable(new Error('internal error')), true, 'no `remote`: it never ran in the object');
    assert.equal(unreachable(platform("Cannot read properties of undefined (reading 'count')", { remote: true })), false);
  });

  /** A namespace whose objects answer with `behave`, recording what was reserved and given back. */
  function budgets(behave: (key: string) => Reservation | Error) {
    const log: string[] = [];
    const objects: ObjectNamespace<BudgetObject> = {
      idFromName: (name) => ({ toString: () => name }),
      get: (id) => ({
        async reserve() {
          const answer = behave(id.toString());
          if (answer instanceof Error) throw answer;
          if (answer.ok) log.push(`reserve ${id}`);
          return answer;
        },
        async release() {
          log.push(`release ${id}`);
        },
        count: async () => 0,
        releaseLive: async () => {},
      }),
    };
    return { objects, log };
  }
  const list = [
    { key: 'c:a', limit: 20, windowMs: 1000 },
    { key: 'n:b', limit: 3, windowMs: 1000 },
    { key: 'h:all', limit: 1000, windowMs: 1000 },
  ];

  it('answers 503 for an unreachable budget and gives back what the send had reserved', async () => {
    const { objects, log } = budgets((key) => (key === 'n:b' ? platform('Network connection lost.', { retryable: true }) : { ok: true, window: 1 }));
    const error = await new DurableObjectBudgetStore(objects).take(list).catch((e: unknown) => e);
    assert.ok(error instanceof ProxyError);
    assert.equal(error.code, 'service_unavailable');
    assert.equal(error.status, 503);
    assert.deepEqual(log, ['reserve c:a', 'release c:a'], 'nothing stays charged, and the budgets after it were never asked');
  });

  it('passes a bug in an object on as a bug, still giving back what was reserved', async () => {
    const bug = platform('x is not a function', { remote: true });
    const { objects, log } = budgets((key) => (key === 'h:all' ? bug : { ok: true, window: 1 }));
    await assert.rejects(new DurableObjectBudgetStore(objects).take(list), (e) => e === bug);
    assert.deepEqual(log.sort(), ['release c:a', 'release n:b', 'reserve c:a', 'reserve n:b']);
  });

  it('answers 503 for an unreachable session object', async () => {
    const sessions = new DurableObjectVerifyStore({
      idFromName: (name) => ({ toString: () => name }),
      get: () => ({
        epoch: async () => 'e1',
        begin: async () => {
          throw platform('Durable Object is overloaded.', { overloaded: true });
        },
        settle: async () => {},
      }),
    });
    const error = await sessions.begin('s1', 'e1', 5, 60_000).catch((e: unknown) => e);
    assert.ok(error instanceof ProxyError && error.code === 'service_unavailable');
  });
});
