/**
 * `otp-flow serve`: the proxy on Node, optionally with a static folder and,
 * with `--simulate`, the Offer18 simulator in place of the real service.
 */
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { HEALTH_PATH } from '../contract/wire.js';
import { createOtpProxy, type OtpProxyHandler } from '../proxy/proxy.js';
import { ConfigError, optionsFromEnv, parseOptions } from '../proxy/config.js';
import { jsonLogger, type Logger } from '../proxy/log.js';
import { createUndiciTransport, serve, type FetchHandler, type RunningServer } from '../adapters/node.js';
import { createStaticHandler } from '../adapters/node-static.js';
import { CONTROL_PREFIX, Offer18Simulator } from '../simulator/offer18-simulator.js';
import { SIMULATION_LIMITS } from '../simulator/app.js';
import { startSimulator, type RunningSimulator } from '../simulator/server.js';
import { listenFromEnv, redisUrlFromEnv, type Env } from './env.js';
import { Redis } from 'ioredis';

export interface ServeOptions {
  env: Env;
  /** Folder of static files to serve beside the proxy. */
  staticDir?: string | undefined;
  simulate?: boolean;
  port?: number | undefined;
  host?: string | undefined;
  /** Human-facing lines (banner, address); stderr by default. */
  say?: (line: string) => void;
  logger?: Logger;
}

export interface RunningApp extends RunningServer {
  simulator: RunningSimulator | undefined;
}

export async function startServe(options: ServeOptions): Promise<RunningApp> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const env: Env = { ...options.env };

  if (env.NODE_ENV === 'production' && !env.OTP_SESSION_SECRET) {
    throw new ConfigError('OTP_SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters)');
  }
  const listenOn = listenFromEnv({ PORT: options.port?.toString() ?? env.PORT, HOST: options.host ?? env.HOST });

  let staticDir: string | undefined;
  if (options.staticDir) {
    staticDir = resolve(options.staticDir);
    if (!existsSync(staticDir) || !statSync(staticDir).isDirectory()) {
      throw new ConfigError(`the static folder ${options.staticDir} does not exist`);
    }
  }

  let simulator: RunningSimulator | undefined;
  if (options.simulate) {
    // The simulator makes its own throwaway credentials; a real key in the environment is not used or sent anywhere.
    simulator = await startSimulator(new Offer18Simulator({ print: say }));
    Object.assign(env, {
      OTP_NUMBER_LIMIT: env.OTP_NUMBER_LIMIT || String(SIMULATION_LIMITS.numberLimit),
      OTP_CLIENT_LIMIT: env.OTP_CLIENT_LIMIT || String(SIMULATION_LIMITS.clientLimit),
      OFFER18_KEY: simulator.simulator.credentials.key,
      OFFER18_AID: simulator.simulator.credentials.aid,
      OFFER18_MID: simulator.simulator.credentials.mid,
      OFFER18_PARTNER: env.OFFER18_PARTNER || 'simulator',
      OFFER18_API_BASE: simulator.apiBase,
      // Nothing real to protect: a throwaway secret, without the warning a real deployment deserves.
      OTP_SESSION_SECRET: env.OTP_SESSION_SECRET || crypto.randomUUID() + crypto.randomUUID(),
    });
  }

  const settings = parseOptions(optionsFromEnv(env));
  const redisUrl = redisUrlFromEnv(env);
  const logger = options.logger ?? jsonLogger();
  const redis = redisUrl ? connectRedis(redisUrl, logger) : undefined;
  const transport = createUndiciTransport();
  let proxy: OtpProxyHandler;
  try {
    proxy = createOtpProxy({ ...settings, transport, logger, redis });
  } catch (error) {
    await simulator?.close();
    redis?.disconnect();
    throw error;
  }

  const files = staticDir ? createStaticHandler(staticDir) : undefined;
  const app: FetchHandler = async (request, info) => {
    const { pathname } = new URL(request.url);
    if (simulator && pathname.startsWith(`${CONTROL_PREFIX}/`)) return simulator.simulator.fetch(request);
    if (files && pathname !== HEALTH_PATH && !pathname.startsWith(`${settings.basePath}/`)) {
      const file = await files(request);
      if (file) return file;
    }
    return proxy(request, info);
  };

  const running = await serve(app, listenOn);
  if (simulator) {
    say('SIMULATION MODE: no SMS is sent and nothing reaches Offer18. Codes "sent" are printed here.');
  }
  say(`otp-flow listening on ${running.url}  (POST ${settings.basePath}/send, POST ${settings.basePath}/verify)`);
  if (staticDir) say(`serving ${staticDir} at ${running.url}/`);
  if (redis) say(`budgets and sessions shared through Redis at ${new URL(redisUrl!).host}`);

  return {
    ...running,
    simulator,
    close: async () => {
      await running.close();
      await simulator?.close();
      await transport.close();
      redis?.disconnect();
    },
  };
}

/**
 * Serves until SIGINT or SIGTERM, for `otp-flow serve` and a kit's server.mjs.
 * A bad setting or a taken port ends the process with one line, no stack.
 */
export async function serveUntilStopped(options: ServeOptions, { name, configHint = '' }: { name: string; configHint?: string }): Promise<void> {
  try {
    const app = await startServe(options);
    const stop = () => void app.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    let line: string | undefined;
    if (error instanceof ConfigError) line = `configuration error: ${error.message}${configHint}`;
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') line = 'that port is already in use; set PORT to another one';
    if (!line) throw error;
    process.stderr.write(`${name}: ${line}\n`);
    process.exit(1);
  }
}

/**
 * An ioredis client that fails fast: with the offline queue off, a command
 * while disconnected errors at once (and the proxy answers 503) instead of
 * waiting; reconnection goes on in the background.
 */
function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let up: boolean | undefined;
  redis.on('ready', () => {
    if (up !== true) log({ level: 'info', event: 'redis.ready', host: new URL(url).host });
    up = true;
  });
  redis.on('error', (error: Error) => {
    if (up !== false) {
      log({
        level: 'error',
        event: 'redis.unavailable',
        message: 'Redis is unreachable: sends and verifies are refused (503) until it is back.',
        detail: error.message,
      });
    }
    up = false;
  });
  return redis;
}
