/** The environment the CLI runs with: the process's, over `.env` files in a folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError, setting, settingsOf, wholeNumber, type Setting } from '../proxy/config.js';

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

/**
 * The settings only a Node server reads (`otp-flow serve`, the Node kit):
 * where and how it listens, Redis, production. The proxy's own are in
 * `src/proxy/config.ts`; both are defined the same way (`setting`).
 */
export const NodeSettingsSchema = z.object({
  PORT: setting(port().default(8787), { env: 'PORT', worker: false, about: 'Port to listen on.' }),
  HOST: setting(z.string().min(1).default('127.0.0.1'), {
    env: 'HOST',
    worker: false,
    about: 'Address to listen on: 127.0.0.1 behind a reverse proxy, 0.0.0.0 on a platform that routes to the port.',
  }),
  OTP_METRICS_PORT: setting(port().optional(), {
    env: 'OTP_METRICS_PORT',
    worker: false,
    about: 'Serve Prometheus metrics (sends, verifies, Offer18 latency) on this port, never on PORT. Empty: none.',
  }),
  OTP_METRICS_HOST: setting(
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be an address to listen on, like 127.0.0.1')
      .default('127.0.0.1'),
    { env: 'OTP_METRICS_HOST', worker: false, about: 'Address the metrics port listens on: loopback, for a scraper on this machine.' },
  ),
  /** Prometheus sends it as `Authorization: Bearer …` (its `authorization` config). */
  OTP_METRICS_TOKEN: setting(z.string().min(16, 'must be at least 16 characters').optional(), {
    env: 'OTP_METRICS_TOKEN',
    worker: false,
    secret: true,
    about: 'When set, every scrape of the metrics port must send Authorization: Bearer <this token>.',
  }),
  OTP_MAX_CONNECTIONS: setting(wholeNumber(16, 1_000_000).optional(), {
    env: 'OTP_MAX_CONNECTIONS',
    worker: false,
    about: 'Connections open at once; unset: three quarters of the open-file limit.',
  }),
  OTP_CONTENT_SECURITY_POLICY: setting(
    z
      .string()
      .refine((p) => !/[\r\n]/.test(p), { error: 'must be one line' })
      .optional(),
    { env: 'OTP_CONTENT_SECURITY_POLICY', worker: false, about: "Replaces the Content-Security-Policy sent with the page; unset: the kit's strict one." },
  ),
  OTP_COUNTRY_HEADER: setting(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name, like CloudFront-Viewer-Country')
      .optional(),
    {
      env: 'OTP_COUNTRY_HEADER',
      worker: false,
      about: "Header in which the CDN in front names the visitor's country (CF-IPCountry, CloudFront-Viewer-Country): the page's number field starts on it. Empty: none.",
    },
  ),
  REDIS_URL: setting(
    z.string().refine((u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol), { error: 'must be a redis:// or rediss:// URL' }).optional(),
    { env: 'REDIS_URL', worker: false, about: 'redis://… to share budgets and sessions between several servers, and keep them across restarts.' },
  ),
  NODE_ENV: setting(z.string().optional(), {
    env: 'NODE_ENV',
    worker: false,
    example: 'production',
    about: 'production refuses to start without OTP_SESSION_SECRET.',
  }),
});

/** What the Node server does unconfigured. */
export const NODE_DEFAULTS = NodeSettingsSchema.parse({});

/** Every setting of the Node server, in the schema's order. */
export const NODE_SETTINGS: readonly Setting[] = settingsOf(NodeSettingsSchema);

const Listen = NodeSettingsSchema.pick({
  PORT: true,
  HOST: true,
  OTP_METRICS_PORT: true,
  OTP_METRICS_HOST: true,
  OTP_METRICS_TOKEN: true,
  OTP_MAX_CONNECTIONS: true,
  OTP_CONTENT_SECURITY_POLICY: true,
  OTP_COUNTRY_HEADER: true,
});

export interface ListenSettings {
  port: number;
  host: string;
  /** Where Prometheus metrics are served, never on the public port; undefined: not served. */
  metrics: { port: number; host: string; token: string | undefined } | undefined;
  maxConnections: number | undefined;
  contentSecurityPolicy: string | undefined;
  /** The header naming the visitor's country, told to pages as `<otp-flow visitor-country>`. */
  countryHeader: string | undefined;
}

/** An empty value is an unset one. */
const given = (env: Env, name: string) => env[name] || undefined;

function parsed<T>(result: z.ZodSafeParseResult<T>): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
}

export function listenFromEnv(env: Env): ListenSettings {
  const settings = parsed(Listen.safeParse(Object.fromEntries(Object.keys(Listen.shape).map((name) => [name, given(env, name)]))));
  const { PORT, OTP_METRICS_PORT, OTP_METRICS_HOST } = settings;
  if (OTP_METRICS_PORT === undefined && given(env, 'OTP_METRICS_HOST') !== undefined) {
    throw new ConfigError('OTP_METRICS_HOST is set but OTP_METRICS_PORT is not: set the port to serve metrics on');
  }
  if (OTP_METRICS_PORT === undefined && settings.OTP_METRICS_TOKEN !== undefined) {
    throw new ConfigError('OTP_METRICS_TOKEN is set but OTP_METRICS_PORT is not: set the port to serve metrics on');
  }
  // Port 0 picks a free port for each, so two zeros never meet.
  if (OTP_METRICS_PORT !== undefined && OTP_METRICS_PORT !== 0 && OTP_METRICS_PORT === PORT) {
    throw new ConfigError('OTP_METRICS_PORT must differ from PORT: metrics are never served on the public port');
  }
  return {
    port: PORT,
    host: settings.HOST,
    // Loopback unless told otherwise: a scraper on the same machine, or a host the operator chose on purpose.
    metrics: OTP_METRICS_PORT === undefined ? undefined : { port: OTP_METRICS_PORT, host: OTP_METRICS_HOST, token: settings.OTP_METRICS_TOKEN },
    maxConnections: settings.OTP_MAX_CONNECTIONS,
    contentSecurityPolicy: settings.OTP_CONTENT_SECURITY_POLICY,
    countryHeader: settings.OTP_COUNTRY_HEADER,
  };
}

/** `REDIS_URL`, validated; undefined when unset. */
export function redisUrlFromEnv(env: Env): string | undefined {
  return parsed(NodeSettingsSchema.pick({ REDIS_URL: true }).safeParse({ REDIS_URL: given(env, 'REDIS_URL') })).REDIS_URL;
}
