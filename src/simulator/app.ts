/**
 * The proxy wired to a fresh simulator, plus the simulator's control routes
 * (`/__simulator/inbox`, `/fault`, `/variant`, `/reset`) on the same origin:
 * what the demo's dev server and the component tests mount.
 */
import { createOtpProxy, type OtpProxyOptions } from '../proxy/proxy.js';
import { createUndiciTransport, type FetchHandler } from '../adapters/node.js';
import { CONTROL_PREFIX, Offer18Simulator } from './offer18-simulator.js';
import { startSimulator } from './server.js';

/**
 * Budgets for previews: a marketer tries the same number again and again.
 * Real deployments keep the defaults (3 sends per number per 15 minutes).
 */
export const SIMULATION_LIMITS = { numberLimit: 100, clientLimit: 10_000 };

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
  const transport = createUndiciTransport();
  const { key, aid, mid } = simulator.credentials;
  const proxy = createOtpProxy({
    offer18: { key, aid, mid, partner: 'simulator', apiBase: upstream.apiBase, timeoutMs: options.timeoutMs },
    transport,
    ...SIMULATION_LIMITS,
    ...options.proxy,
  });
  return {
    simulator,
    fetch: (request, info) =>
      new URL(request.url).pathname.startsWith(`${CONTROL_PREFIX}/`) ? simulator.fetch(request) : proxy(request, info),
    close: async () => {
      await upstream.close();
      await transport.close();
    },
  };
}
