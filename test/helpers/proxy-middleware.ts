/**
 * Mounts the real proxy, backed by the simulator, into the test runner's dev
 * server, so component tests talk to the same HTTP API users' pages do.
 *
 * Each engine gets its own proxy and simulator: the engines run side by side,
 * and one engine's reset, faults or rate-limit budget must not reach another's.
 * Three more proxies per engine answer at their own paths, the strict, the
 * shielded and the long-resend-wait ones of proxy-settings.ts; the simulator's
 * controls at `/__simulator/…` reach the first, at `<path>/__simulator/…` the others'.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createListener } from '../../src/adapters/node.js';
import { CONTROL_PREFIX, createSimulatedApp, type SimulatedApp } from '../../src/simulator/index.js';
import { engineOf, type Engine } from '../../support/engines.js';
import { RESEND_AFTER, SHIELDED, STRICT, WAIT } from '../component/proxy-settings.js';

type App = Promise<{ app: SimulatedApp; listener: ReturnType<typeof createListener> }>;

/** The proxies besides the first, by the path they answer at. */
const OTHERS = {
  [STRICT.endpoint]: { ...STRICT, countries: [...STRICT.countries] },
  [SHIELDED.endpoint]: SHIELDED,
  [WAIT.endpoint]: WAIT,
};
type Other = keyof typeof OTHERS;

export async function proxyMiddleware() {
  const apps = new Map<string, App>();
  const appFor = (engine: Engine, other: Other | undefined) => {
    const name = `${engine} ${other ?? ''}`;
    let entry = apps.get(name);
    if (!entry) {
      const { endpoint, ...settings } = other ? OTHERS[other] : { endpoint: undefined };
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
          ...(endpoint ? { ...settings, basePath: endpoint } : {}),
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
      const other = (Object.keys(OTHERS) as Other[]).find((path) => ctx.path.startsWith(`${path}/`));
      if (other || ctx.path.startsWith('/otp/') || ctx.path.startsWith(`${CONTROL_PREFIX}/`)) {
        // Answered by the proxy, not the dev server: no 404 for the runner to report.
        ctx.status = 200;
        ctx.respond = false;
        if (other && ctx.path.startsWith(`${other}${CONTROL_PREFIX}/`)) ctx.req.url = ctx.req.url!.slice(other.length);
        const { listener } = await appFor(engineOf(ctx.req.headers['user-agent']), other);
        await listener(ctx.req, ctx.res);
        return;
      }
      await next();
    },
  };
}
