/**
 * A verify store that takes sessions sent under any epoch as its own: two
 * proxies on different runtimes, each with its own memory, can then verify
 * each other's sessions, which is what the cross-runtime cases prove (that a
 * token sealed on one runtime opens on another). A deployment never wants
 * it: a store that did not record a session must refuse it.
 */
import { MemoryVerifyStore, type VerifyStore } from '../../src/proxy/index.js';

export function adoptingStore(): VerifyStore {
  const inner = new MemoryVerifyStore();
  return {
    epoch: () => inner.epoch(),
    begin: async (id, _epoch, maxAttempts, holdMs) => inner.begin(id, await inner.epoch(), maxAttempts, holdMs),
    settle: (id, outcome) => inner.settle(id, outcome),
  };
}
