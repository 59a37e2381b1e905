/**
 * Mounts the real proxy, backed by the simulator, into the test runner's dev
 * server, so component tests talk to the same HTTP API users' pages do.
 *
 * Each engine gets its own proxy and simulator: the engines run side by side,
 * and one engine's reset, faults or rate-limit budget must not reach another's.
 * Two more per engine, the strict one and the one with a long resend wait of
 * proxy-settings.ts, answer at their own paths; the simulator's controls reach
 * the first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createListener } from '../../src/adapters/node.js';
import { CONTROL_PREFIX, createSimulatedApp, type SimulatedApp } from '../../src/simulator/index.js';
import { engineOf, type Engine } from './engines.js';
import { RESEND_AFTER, STRICT, WAIT } from '../component/proxy-settings.js';

type App = Promise<{ app: SimulatedApp; listener: ReturnType<typeof createListener> }>;

export async function proxyMiddleware() {
  const apps = new Map<string, App>();
  const appFor = (engine: Engine, variant: 'strict' | 'wait' | undefined) => {
    const strict = variant === 'strict';
    const name = `${engine}${variant ? ` ${variant}` : ''}`;
    let entry = apps.get(name);
    if (!entry) {
      const { endpoint, ...settings } = STRICT;
      entry = createSimulatedApp({
        print: () => {},
        // Short, so the "upstream hangs" test sees the proxy's 504 quickly.
        timeoutMs: 1_000,
        proxy: {
          sessionSecret: 'component-tests-secret-0123456789abcdef',
          logger: () => {},
          resendAfter: RESEND_AFTER,
          // These tests send again and again from one page: the shield's challenges have their own tests.
          challenge: 'off',
          prefixMinSends: 0,
          ...(strict ? { ...settings, countries: [...settings.countries], basePath: endpoint } : {}),
          ...(variant === 'wait' ? { resendAfter: WAIT.resendAfter, basePath: WAIT.endpoint } : {}),
        },
      }).then((app) => ({ app, listener: createListener(app.fetch) }));
      apps.set(name, entry);
    }
    return entry;
  };
  return {
    close: async () => {
      for (const entry of apps.values()) await (await entry).app.close();
    },
    middleware: async (ctx: { path: string; status: number; req: IncomingMessage; res: ServerResponse; respond: boolean }, next: () => Promise<void>) => {
      const variant = ctx.path.startsWith(`${STRICT.endpoint}/`) ? 'strict' : ctx.path.startsWith(`${WAIT.endpoint}/`) ? 'wait' : undefined;
      if (variant || ctx.path.startsWith('/otp/') || ctx.path.startsWith(`${CONTROL_PREFIX}/`)) {
        // Answered by the proxy, not the dev server: no 404 for the runner to report.
        ctx.status = 200;
        ctx.respond = false;
        const { listener } = await appFor(engineOf(ctx.req.headers['user-agent']), variant);
        await listener(ctx.req, ctx.res);
        return;
      }
      await next();
    },
  };
}
