/**
 * Mounts the real proxy, backed by the simulator, into the test runner's dev
 * server, so component tests talk to the same HTTP API users' pages do.
 *
 * Each engine gets its own proxy and simulator: the engines run side by side,
 * and one engine's reset, faults or rate-limit budget must not reach another's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createListener } from '../../src/adapters/node.js';
import { CONTROL_PREFIX, createSimulatedApp, type SimulatedApp } from '../../src/simulator/index.js';
import { engineOf, type Engine } from './engines.js';
import { RESEND_AFTER } from '../component/proxy-settings.js';

export async function proxyMiddleware() {
  const apps = new Map<Engine, Promise<{ app: SimulatedApp; listener: ReturnType<typeof createListener> }>>();
  const appFor = (engine: Engine) => {
    let entry = apps.get(engine);
    if (!entry) {
      entry = createSimulatedApp({
        print: () => {},
        // Short, so the "upstream hangs" test sees the proxy's 504 quickly.
        timeoutMs: 1_000,
        proxy: { sessionSecret: 'component-tests-secret-0123456789abcdef', logger: () => {}, resendAfter: RESEND_AFTER },
      }).then((app) => ({ app, listener: createListener(app.fetch) }));
      apps.set(engine, entry);
    }
    return entry;
  };
  return {
    close: async () => {
      for (const entry of apps.values()) await (await entry).app.close();
    },
    middleware: async (ctx: { path: string; req: IncomingMessage; res: ServerResponse; respond: boolean }, next: () => Promise<void>) => {
      if (ctx.path.startsWith('/otp/') || ctx.path.startsWith(`${CONTROL_PREFIX}/`)) {
        ctx.respond = false;
        const { listener } = await appFor(engineOf(ctx.req.headers['user-agent']));
        await listener(ctx.req, ctx.res);
        return;
      }
      await next();
    },
  };
}
