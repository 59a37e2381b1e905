/** The environment the CLI runs with: the process's, over `.env` files in a folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError, wholeNumber } from '../proxy/config.js';

export type Env = Record<string, string | undefined>;

/** The files of `files` that exist in `dir`, as absolute paths. */
export function envFiles(dir: string, files: readonly string[]): string[] {
  return files.map((name) => join(dir, name)).filter((file) => existsSync(file));
}

/** Later files override earlier ones, and the real environment overrides them all. */
export function loadEnv(dir = process.cwd(), env: Env = process.env, files: readonly string[] = ['.env']): Env {
  const merged: Env = {};
  for (const file of envFiles(dir, files)) Object.assign(merged, parseEnv(readFileSync(file, 'utf8')));
  // Real environment wins: that is how platforms and CI inject secrets.
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[name] = value;
  return merged;
}

const port = () => wholeNumber(0, 65535, 'must be a port number from 0 to 65535');
const Listen = z.object({
  PORT: port().default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  OTP_METRICS_PORT: port().optional(),
  OTP_METRICS_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be an address to listen on, like 127.0.0.1')
    .optional(),
  /** Prometheus sends it as `Authorization: Bearer …` (its `authorization` config). */
  OTP_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  OTP_MAX_CONNECTIONS: wholeNumber(16, 1_000_000).optional(),
  OTP_CONTENT_SECURITY_POLICY: z
    .string()
    .refine((p) => !/[\r\n]/.test(p), { error: 'must be one line' })
    .optional(),
});

export interface ListenSettings {
  port: number;
  host: string;
  /** Where Prometheus metrics are served, never on the public port; undefined: not served. */
  metrics: { port: number; host: string; token: string | undefined } | undefined;
  maxConnections: number | undefined;
  contentSecurityPolicy: string | undefined;
}

/** The settings only a Node server reads (where it listens, and how), beside the proxy's own. */
export const LISTEN_NAMES = Object.keys(Listen.shape);

export function listenFromEnv(env: Env): ListenSettings {
  // An empty value is an unset one.
  const result = Listen.safeParse(Object.fromEntries(LISTEN_NAMES.map((name) => [name, env[name] || undefined])));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  const { PORT, OTP_METRICS_PORT, OTP_METRICS_HOST } = result.data;
  if (OTP_METRICS_PORT === undefined && OTP_METRICS_HOST !== undefined) {
    throw new ConfigError('OTP_METRICS_HOST is set but OTP_METRICS_PORT is not: set the port to serve metrics on');
  }
  if (OTP_METRICS_PORT === undefined && result.data.OTP_METRICS_TOKEN !== undefined) {
    throw new ConfigError('OTP_METRICS_TOKEN is set but OTP_METRICS_PORT is not: set the port to serve metrics on');
  }
  // Port 0 picks a free port for each, so two zeros never meet.
  if (OTP_METRICS_PORT !== undefined && OTP_METRICS_PORT !== 0 && OTP_METRICS_PORT === PORT) {
    throw new ConfigError('OTP_METRICS_PORT must differ from PORT: metrics are never served on the public port');
  }
  return {
    port: PORT,
    host: result.data.HOST,
    // Loopback unless told otherwise: a scraper on the same machine, or a host the operator chose on purpose.
    metrics:
      OTP_METRICS_PORT === undefined ? undefined : { port: OTP_METRICS_PORT, host: OTP_METRICS_HOST ?? '127.0.0.1', token: result.data.OTP_METRICS_TOKEN },
    maxConnections: result.data.OTP_MAX_CONNECTIONS,
    contentSecurityPolicy: result.data.OTP_CONTENT_SECURITY_POLICY,
  };
}

const RedisUrl = z
  .string()
  .refine((u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol), { error: 'must be a redis:// or rediss:// URL' });

/** `REDIS_URL`, validated; undefined when unset. */
export function redisUrlFromEnv(env: Env): string | undefined {
  if (!env.REDIS_URL) return undefined;
  const result = RedisUrl.safeParse(env.REDIS_URL);
  if (!result.success) throw new ConfigError(`REDIS_URL ${result.error.issues[0]!.message}`);
  return result.data;
}
