/**
 * `otp-flow serve`: the proxy on Node, optionally with a static folder and,
 * with `--simulate`, the Offer18 simulator in place of the real service.
 */
import { resolve, sep } from 'node:path';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { HEALTH_PATH } from '../contract/wire.js';
import { ConfigError, configure, envNames, optionsFromEnv, requireSessionSecret } from '../proxy/config.js';
import { jsonLogger, type Logger } from '../proxy/log.js';
import { nodeProxyFromConfig, serve, type FetchHandler, type NodeOtpProxy, type RunningServer } from '../adapters/node.js';
import { componentEntry, createComponentHandler, createStaticHandler, type PagePolicy } from '../adapters/node-static.js';
import { CONTROL_PREFIX } from '../simulator/control.js';
import { Offer18Simulator } from '../simulator/offer18-simulator.js';
import { simulationSettings } from '../simulator/simulation-settings.js';
import { controlRoutes, resettableStores } from '../simulator/app.js';
import { startSimulator, type RunningSimulator } from '../simulator/server.js';
import { connectRedis, redisPostbackOutbox, redisStores, redisUp } from '../stores/redis.js';
import { retryPolicy } from '../proxy/postbacks.js';
import { listenFromEnv, redisUrlFromEnv, type Env } from './env.js';

export interface ServeOptions {
  env: Env;
  /** The settings files `env` was read from: the folder served must not hold them. */
  envFiles?: readonly string[];
  /** Folder of static files to serve beside the proxy. */
  staticDir?: string | undefined;
  /** The package's `dist/`: its `otp-flow.js` and chunks are published beside the folder's files. */
  bundleDir?: string | undefined;
  /** Content-Security-Policy of the folder's pages; see `createStaticHandler`. */
  pagePolicy?: PagePolicy;
  simulate?: boolean;
  port?: number | undefined;
  host?: string | undefined;
  /** Human-facing lines (banner, address); stderr by default. */
  say?: (line: string) => void;
  logger?: Logger;
}

export interface RunningApp extends RunningServer {
  simulator: RunningSimulator | undefined;
  /** Where Prometheus metrics are served (`…/metrics`), when OTP_METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** The longest a request can still take: the upstream deadline, plus a little to write the answer. */
  graceMs: number;
}

/** JSON lines on stdout, written directly: console.log adds nothing here and costs a little per line. */
export const stdoutLogger = (): Logger => jsonLogger((line) => process.stdout.write(`${line}\n`));

function inside(folder: string, file: string): boolean {
  const root = realpathSync(folder);
  const path = realpathSync(file);
  return path === root || path.startsWith(root + sep);
}

export async function startServe(options: ServeOptions): Promise<RunningApp> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env: Env = { ...options.env };

  // Before simulation, which makes up a secret of its own: production asks the operator for one.
  requireSessionSecret(env.OTP_SESSION_SECRET, envNames, { production: env.NODE_ENV === 'production' });
  const listenOn = listenFromEnv({ ...env, PORT: options.port?.toString() ?? env.PORT, HOST: options.host ?? env.HOST });

  let staticDir: string | undefined;
  if (options.staticDir) {
    staticDir = resolve(options.staticDir);
    if (!existsSync(staticDir) || !statSync(staticDir).isDirectory()) {
      throw new ConfigError(`the static folder ${options.staticDir} does not exist`);
    }
    const exposed = (options.envFiles ?? []).find((file) => inside(staticDir!, file));
    if (exposed) {
      throw new ConfigError(
        `the folder to serve (${options.staticDir}) holds ${exposed}, which has the key: serve a folder with only the public files (e.g. public/)`,
      );
    }
  }

  let simulator: RunningSimulator | undefined;
  if (options.simulate) {
    // The simulator makes its own throwaway credentials; a real key in the environment is not used or sent anywhere.
    simulator = await startSimulator(new Offer18Simulator({ print: say }));
    Object.assign(env, simulationSettings(env, simulator.simulator.credentials, simulator.apiBase));
  }

  const config = configure({ ...optionsFromEnv(env), logger: options.logger ?? stdoutLogger() });
  const { settings, log } = config;
  const redisUrl = redisUrlFromEnv(env);
  // Checked before connecting, to name the setting that shares the state.
  requireSessionSecret(settings.sessionSecret, config.names, { sharedWith: redisUrl && 'REDIS_URL' });
  const redis = redisUrl ? connectRedis(redisUrl, log) : undefined;
  const stores = redis ? redisStores(redis) : simulator ? resettableStores() : undefined;
  // Postbacks in the same store: kept across restarts and delivered by one instance with Redis, lost on restart without.
  const postbacks = redis && settings.postback.url ? redisPostbackOutbox(redis, { policy: retryPolicy(settings.postback) }) : undefined;
  // Loaded only when asked for: prom-client is not needed to serve.
  const metricsModule = listenOn.metrics && (await import('../adapters/node-metrics.js'));
  const metrics = metricsModule && metricsModule.createMetrics();
  /** What start-up has opened so far, closed again when a later step fails. */
  let proxy: NodeOtpProxy | undefined;
  const release = async () => {
    await simulator?.close();
    await proxy?.close();
    redis?.disconnect();
  };
  if (redis) metrics?.watchStore('redis', () => redisUp(redis));
  else metrics?.watchStore('memory', () => true);
  try {
    proxy = nodeProxyFromConfig(config, { ...stores, ...(postbacks ? { postbacks } : {}), ...(metrics ? { observe: metrics.observe } : {}) });
  } catch (error) {
    await release();
    throw error;
  }
  const handle = proxy;

  const control = simulator && controlRoutes(simulator.simulator, stores && 'reset' in stores ? stores : undefined, settings);
  const pagePolicy = listenOn.contentSecurityPolicy ?? options.pagePolicy;
  const cors = { corsOrigins: settings.allowedOrigins };
  const files = staticDir ? createStaticHandler(staticDir, { ...cors, ...(pagePolicy ? { pagePolicy } : {}), countryHeader: listenOn.countryHeader }) : undefined;
  const component = options.bundleDir ? createComponentHandler(options.bundleDir, cors) : undefined;
  const app: FetchHandler = async (request, info) => {
    const { pathname } = new URL(request.url);
    if (control && pathname.startsWith(`${CONTROL_PREFIX}/`)) return control(request);
    if (pathname !== HEALTH_PATH && !pathname.startsWith(`${settings.basePath}/`)) {
      const file = (await files?.(request)) ?? (await component?.(request));
      if (file) return file;
    }
    return handle(request, info);
  };

  const running = await serve(app, {
    port: listenOn.port,
    host: listenOn.host,
    maxConnections: listenOn.maxConnections,
    // Behind proxies every connection comes from them: no per-address share then.
    ...(settings.trustProxy > 0 ? { maxConnectionsPerAddress: Infinity } : {}),
    log,
  });
  let metricsServer: RunningServer | undefined;
  if (metricsModule && metrics && listenOn.metrics) {
    try {
      metricsServer = await metricsModule.serveMetrics(metrics.registry, { ...listenOn.metrics, log });
    } catch (error) {
      await running.close();
      await release();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError(`OTP_METRICS_PORT ${listenOn.metrics.port} is already in use; set it to a free port`);
      }
      throw error;
    }
  }
  if (simulator) {
    say('SIMULATION MODE: no SMS is sent and nothing reaches Offer18. Codes "sent" are printed here.');
  } else {
    // The warnings the proxy logged, for the person at the terminal too.
    for (const warning of config.warnings) say(`WARNING: ${warning.message}`);
  }
  say(`otp-flow listening on ${running.url}  (POST ${settings.basePath}/send, POST ${settings.basePath}/verify)`);
  if (staticDir) say(`serving ${staticDir} at ${running.url}/`);
  if (redis) say(`budgets and sessions shared through Redis at ${new URL(redisUrl!).host}`);
  if (settings.postback.url) {
    const tracker = new URL(settings.postback.url.replace(/\{\w+\}/g, 'x')).host;
    say(`postbacks (${settings.postback.on.join(', ')}) to ${tracker}${redis ? ', kept in Redis until delivered' : ': kept in memory, so those not yet delivered are lost when the server stops (set REDIS_URL)'}`);
  }
  const metricsUrl = metricsServer && `${metricsServer.url}/metrics`;
  if (metricsUrl) say(`Prometheus metrics at ${metricsUrl} (not on the public port)`);
  const entry = [staticDir, options.bundleDir].map((dir) => dir && componentEntry(dir)).find(Boolean);
  if (entry) say(`component: <script type="module" src="${running.url}/${entry.name}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`);

  return {
    ...running,
    simulator,
    metricsUrl,
    graceMs: settings.offer18.timeoutMs + 2_000,
    close: async (graceMs = 0) => {
      await running.close(graceMs);
      // After the public server: the last requests' measurements can still be scraped while they finish.
      await metricsServer?.close();
      await simulator?.close();
      await handle.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Serves until SIGINT or SIGTERM, for `otp-flow serve` and a kit's server.mjs.
 * A stop lets requests in progress finish (an in-flight verify is a
 * conversion), then exits 0. A bad setting or a taken port ends the process
 * with one line, no stack.
 */
export async function serveUntilStopped(options: ServeOptions, { name, configHint = '' }: { name: string; configHint?: string }): Promise<void> {
  try {
    const app = await startServe(options);
    const { graceMs } = app;
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${name}: ${signal}: finishing requests in progress (up to ${Math.ceil(graceMs / 1000)} s), then stopping\n`);
      void app.close(graceMs).then(() => process.exit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    let line: string | undefined;
    if (error instanceof ConfigError) line = `configuration error: ${error.message}${configHint}`;
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') line = 'that port is already in use; set PORT to another one';
    if (!line) throw error;
    process.stderr.write(`${name}: ${line}\n`);
    process.exit(1);
  }
}
