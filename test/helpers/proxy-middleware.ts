/**
 * Mounts the real proxy, backed by the simulator, into the test runner's dev
 * server, so component tests talk to the same HTTP API users' pages do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createListener } from '../../src/adapters/node.js';
import { CONTROL_PREFIX, createSimulatedApp } from '../../src/simulator/index.js';

export async function proxyMiddleware() {
  const app = await createSimulatedApp({
    print: () => {},
    // Short, so the "upstream hangs" test sees the proxy's 504 quickly.
    timeoutMs: 1_000,
    proxy: { sessionSecret: 'component-tests-secret-0123456789abcdef', logger: () => {} },
  });
  const listener = createListener(app.fetch);
  return {
    close: app.close,
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
