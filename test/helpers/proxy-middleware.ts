/**
 * Mounts the real proxy, backed by the simulator, into the test runner's dev
 * server, so component tests talk to the same HTTP API users' pages do.
 */
import { createListener } from '../../src/adapters/node.js';
import { createOtpProxy } from '../../src/proxy/index.js';
import { CONTROL_PREFIX, Offer18Simulator, startSimulator } from '../../src/simulator/index.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

export async function proxyMiddleware() {
  const simulator = new Offer18Simulator({ print: () => {} });
  const upstream = await startSimulator(simulator);
  const { key, aid, mid } = simulator.credentials;
  const proxy = createOtpProxy({
    offer18: { key, aid, mid, partner: 'test', apiBase: upstream.apiBase, timeoutMs: 1_000 },
    sessionSecret: 'component-tests-secret-0123456789abcdef',
    resendAfter: 30,
    logger: () => {},
  });
  const listener = createListener(async (request, info) => {
    const { pathname } = new URL(request.url);
    return pathname.startsWith(`${CONTROL_PREFIX}/`) ? simulator.fetch(request) : proxy(request, info);
  });
  return {
    close: () => upstream.close(),
    middleware: async (ctx: { path: string; req: IncomingMessage; res: ServerResponse; respond: boolean }, next: () => Promise<void>) => {
      if (ctx.path.startsWith('/otp/') || ctx.path.startsWith(`${CONTROL_PREFIX}/`)) {
        ctx.respond = false;
        await listener(ctx.req, ctx.res);
        return;
      }
      await next();
    },
  };
}
