/**
 * The proxy wired to a fresh simulator, plus the simulator's control routes
 * (`/__simulator/inbox`, `/fault`, `/variant`, `/reset`) on the same origin:
 * what the demo's dev server and the component tests mount.
 */
import type { OtpProxyOptions } from '../proxy/proxy.js';
import { MemoryBudgetStore, MemoryVerifyStore } from '../proxy/memory-store.js';
import type { BudgetStore, VerifyStore } from '../proxy/store.js';
import { createNodeProxy, type FetchHandler } from '../adapters/node.js';
import { CONTROL_PREFIX, Offer18Simulator, SIMULATION_LIMITS } from './offer18-simulator.js';
import { startSimulator } from './server.js';

/**
 * In-memory stores that the simulator's `/reset` empties along with its
 * inbox, so a preview or a test starts from a clean world: no budget spent,
 * no resend wait pending.
 */
export function resettableStores(): { budgets: BudgetStore; verifies: VerifyStore; reset(): void } {
  let budgets = new MemoryBudgetStore();
  let verifies = new MemoryVerifyStore();
  return {
    budgets: { take: (list) => budgets.take(list), read: (keys) => budgets.read(keys), release: (keys) => budgets.release(keys) },
    verifies: { epoch: () => verifies.epoch(), begin: (...args) => verifies.begin(...args), settle: (...args) => verifies.settle(...args) },
    reset() {
      budgets = new MemoryBudgetStore();
      verifies = new MemoryVerifyStore();
    },
  };
}

/** The simulator's control routes, with `/reset` reaching the proxy's stores too. */
export function controlRoutes(simulator: Offer18Simulator, stores: { reset(): void } | undefined): (request: Request) => Promise<Response> {
  return (request) => {
    if (request.method === 'POST' && new URL(request.url).pathname === `${CONTROL_PREFIX}/reset`) stores?.reset();
    return simulator.fetch(request);
  };
}

export interface SimulatedApp {
  fetch: FetchHandler;
  simulator: Offer18Simulator;
  close(): Promise<void>;
}

export async function createSimulatedApp(
  options: { print?: (line: string) => void; proxy?: Partial<Omit<OtpProxyOptions, 'offer18'>>; timeoutMs?: number } = {},
): Promise<SimulatedApp> {
  const simulator = new Offer18Simulator(options.print ? { print: options.print } : {});
  const upstream = await startSimulator(simulator);
  const { key, aid, mid } = simulator.credentials;
  const stores = resettableStores();
  const control = controlRoutes(simulator, stores);
  const proxy = createNodeProxy({
    offer18: { key, aid, mid, partner: 'simulator', apiBase: upstream.apiBase, timeoutMs: options.timeoutMs },
    budgets: stores.budgets,
    verifies: stores.verifies,
    ...SIMULATION_LIMITS,
    ...options.proxy,
  });
  return {
    simulator,
    fetch: (request, info) =>
      new URL(request.url).pathname.startsWith(`${CONTROL_PREFIX}/`) ? control(request) : proxy(request, info),
    close: async () => {
      await upstream.close();
      await proxy.close();
    },
  };
}
