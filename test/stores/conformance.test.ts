/**
 * The store contract (`conformance.ts`) against each backend: memory in
 * Node, a real redis-server, and the Durable Objects in workerd through
 * Miniflare (the objects run in workerd; the Worker's half of the store is
 * driven from here through the bindings).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Miniflare } from 'miniflare';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { ProxyError } from '../../src/proxy/errors.js';
import { MemoryBudgetStore, MemoryVerifyStore } from '../../src/proxy/memory-store.js';
import { connectRedis, redisStores } from '../../src/stores/redis.js';
import { DurableObjectBudgetStore, DurableObjectVerifyStore, type ObjectNamespace } from '../../src/stores/durable-objects/client.js';
import { COMPATIBILITY_DATE } from '../conformance/runtimes.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { storeConformance, type StoreSubject } from './conformance.js';

describe('memory', () => {
  let stores = { budgets: new MemoryBudgetStore(), verifies: new MemoryVerifyStore() };
  storeConformance('memory', () => ({
    stores: () => stores,
    // A restarted process starts with empty stores.
    lose: async () => {
      stores = { budgets: new MemoryBudgetStore(), verifies: new MemoryVerifyStore() };
    },
  }));

  it('starts a new epoch when its cap pushes out a live record: that session could otherwise be guessed at afresh', async () => {
    const full: string[] = [];
    const verifies = new MemoryVerifyStore({ maxKeys: 3, onFull: (store) => full.push(store) });
    const epoch = await verifies.epoch();
    for (const id of ['s1', 's2', 's3']) assert.equal((await verifies.begin(id, epoch, 5, 60_000)).state, 'ok');
    await verifies.settle('s1', 'verified');
    assert.equal((await verifies.begin('s4', epoch, 5, 60_000)).state, 'ok', 'the fourth pushes out the first, a conversion');
    assert.notEqual(await verifies.epoch(), epoch);
    assert.deepEqual(await verifies.begin('s1', epoch, 5, 60_000), { state: 'stale' }, 'never converted twice');
    assert.deepEqual(full, ['sessions'], 'the operator is told once');
  });
});

describe('redis', () => {
  let redis: TestRedis;
  let client: Redis;
  let stores: ReturnType<typeof redisStores>;
  before(async () => {
    redis = await startRedis();
    client = connectRedis(redis.url, () => {});
    await ready(client);
    stores = redisStores(client);
  });
  after(async () => {
    client?.disconnect();
    await redis?.stop();
  });
  storeConformance('redis', () => ({
    stores: () => stores,
    // Restarted without persistence (no snapshot, no append-only file): it comes back empty.
    lose: async () => {
      await redis.stop();
      await redis.start();
      await ready(client);
    },
  }));

  it('keeps nothing forever but the epoch: every budget and session key expires', async () => {
    const admin = new Redis(redis.url);
    try {
      const epoch = await stores.verifies.epoch();
      await stores.budgets.take([{ key: 'bounded', limit: 5, windowMs: 60_000 }]);
      await stores.verifies.begin('bounded', epoch, 5, 60_000);
      const keys = await admin.keys('otp-flow:*');
      assert.ok(keys.length >= 3);
      for (const k of keys) {
        const ttl = await admin.pttl(k);
        assert.ok(k === 'otp-flow:epoch' ? ttl === -1 : ttl > 0, `${k}: ${ttl}`);
      }
    } finally {
      admin.disconnect();
    }
  });

  it('answers a reply that says the script is wrong as a bug (500), not as Redis being away (503)', async () => {
    const admin = new Redis(redis.url);
    try {
      const epoch = await stores.verifies.epoch();
      // A key of another type where the session's hash should be: the script fails, Redis is fine.
      await admin.set('otp-flow:v:wrong-type', 'x');
      const error = await stores.verifies.begin('wrong-type', epoch, 5, 60_000).catch((e: unknown) => e);
      assert.ok(error instanceof Error && !(error instanceof ProxyError), String(error));
      assert.match(String((error as Error).message), /WRONGTYPE/);
    } finally {
      admin.disconnect();
    }
  });
});

describe('durable objects in workerd', () => {
  let script: string;
  let mf: Miniflare;
  let stores: StoreSubject extends { stores(): infer S } ? S : never;
  const start = async () => {
    mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: COMPATIBILITY_DATE,
      durableObjects: { OTP_BUDGETS: { className: 'OtpBudget', useSQLite: true }, OTP_SESSIONS: { className: 'OtpSession', useSQLite: true } },
    });
    stores = {
      budgets: new DurableObjectBudgetStore(plain(await mf.getDurableObjectNamespace('OTP_BUDGETS'))),
      verifies: new DurableObjectVerifyStore(plain(await mf.getDurableObjectNamespace('OTP_SESSIONS'))),
    };
  };
  before(async () => {
    const bundle = await build({
      entryPoints: ['src/stores/durable-objects/objects.ts'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      external: ['cloudflare:workers'],
    });
    script = `${bundle.outputFiles[0]!.text}\nexport default { fetch: () => new Response(null, { status: 404 }) };`;
    await start();
  });
  after(async () => {
    await mf?.dispose();
  });
  storeConformance('durable objects', () => ({
    stores: () => stores,
    // A namespace whose storage is gone, in a new isolate: a fresh workerd without persistence.
    lose: async () => {
      await mf.dispose();
      await start();
    },
  }));
});

async function ready(client: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (client.status !== 'ready') {
    if (Date.now() > deadline) throw new Error(`redis client still ${client.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A namespace from Miniflare's Node API, whose RPC results are proxies of
 * the objects in workerd: each result is copied to a plain value, as a
 * Worker receives it.
 */
function plain<T>(namespace: { idFromName(name: string): unknown; get(id: never): unknown }): ObjectNamespace<T> {
  return {
    idFromName: (name) => namespace.idFromName(name) as { toString(): string },
    get: (id) => {
      const stub = namespace.get(id as never) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      return new Proxy({} as T & object, {
        get: (_, method: string) => async (...args: unknown[]) => {
          const result = await stub[method]!(...args);
          const json = JSON.stringify(result);
          return json === undefined ? undefined : JSON.parse(json);
        },
      });
    },
  };
}
