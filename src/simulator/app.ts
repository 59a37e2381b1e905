/**
 * The proxy wired to a fresh simulator, plus the simulator's control routes
 * (`/__simulator/inbox`, `/fault`, `/variant`, `/reset`, `/challenge`) on the
 * same origin: what the demo's dev server and the component tests mount.
 */
import { z } from 'zod';
import { CHALLENGE_MODES, configure, type ChallengeMode } from '../proxy/config.js';
import type { OtpProxyOptions } from '../proxy/proxy.js';
import { MemoryBudgetStore, MemoryVerifyStore } from '../proxy/memory-store.js';
import type { BudgetStore, VerifyStore } from '../proxy/store.js';
import { nodeProxyFromConfig, type FetchHandler } from '../adapters/node.js';
import { CONTROL_PREFIX } from './control.js';
import { Offer18Simulator } from './offer18-simulator.js';
import { SIMULATION_LIMITS } from './simulation-settings.js';
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

/** The proxy's settings a marketer may switch while the simulation runs; the proxy reads them on every send. */
export interface SwitchableSettings {
  challenge: ChallengeMode;
}

const ChallengeBody = z.strictObject({ challenge: z.enum(CHALLENGE_MODES) });

/**
 * `GET /challenge` says which `OTP_CHALLENGE` the proxy runs with, `POST
 * /challenge {"challenge": "always"}` switches it (`off`, `adaptive`,
 * `always`) until `/reset` puts back the one it started with.
 */
async function challengeRoute(request: Request, settings: SwitchableSettings): Promise<Response> {
  if (request.method === 'POST') {
    const parsed = ChallengeBody.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return Response.json({ ok: false, error: 'invalid_request', message: 'Send {"challenge": "off" | "adaptive" | "always"}.' }, { status: 400 });
    settings.challenge = parsed.data.challenge;
  }
  return Response.json({ ok: true, challenge: settings.challenge });
}

/**
 * The simulator's control routes, with `/reset` reaching the proxy's stores
 * too, and `/challenge` its settings when given (simulation only: nothing
 * else ever changes a running proxy's settings).
 */
export function controlRoutes(simulator: Offer18Simulator, stores: { reset(): void } | undefined, settings?: SwitchableSettings): (request: Request) => Promise<Response> {
  const initial = settings?.challenge;
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (settings && pathname === `${CONTROL_PREFIX}/challenge`) return challengeRoute(request, settings);
    if (request.method === 'POST' && pathname === `${CONTROL_PREFIX}/reset`) {
      stores?.reset();
      if (settings && initial) settings.challenge = initial;
    }
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
  const proxyOptions: OtpProxyOptions = {
    offer18: { key, aid, mid, partner: 'simulator', apiBase: upstream.apiBase, timeoutMs: options.timeoutMs },
    budgets: stores.budgets,
    verifies: stores.verifies,
    ...SIMULATION_LIMITS,
    ...options.proxy,
  };
  const config = configure(proxyOptions);
  const proxy = nodeProxyFromConfig(config, proxyOptions);
  const control = controlRoutes(simulator, stores, config.settings);
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
