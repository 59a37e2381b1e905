/**
 * Proxy configuration: one zod schema for the options object, and a mapping
 * from environment variables onto it, so a bad value is reported by the name
 * the operator actually set.
 */
import { z } from 'zod';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { DEFAULT_BASE_PATH } from '../contract/paths.js';
import { trimBoth, trimEnd } from '../shared/text.js';
import { RESEND_AFTER_DEFAULT, UPSTREAM_TIMEOUT_MAX_MS } from '../contract/timing.js';

export const DEFAULT_API_BASE = 'https://api.offer18.com/api/af';

const digits = (what: string) => z.coerce.string().regex(/^\d{1,18}$/, `must be a whole number (${what})`);
export const wholeNumber = (min: number, max: number, error = `must be a whole number from ${min} to ${max}`) =>
  z.coerce.number({ error }).int(error).min(min, error).max(max, error);
const positiveInt = (max: number) => wholeNumber(1, max);

/** An http(s) origin as a browser sends it: scheme, host, optional port, nothing after (a trailing `/` aside). */
export function isOrigin(o: string): boolean {
  const url = URL.canParse(o) && new URL(o);
  return !!url && /^https?:$/.test(url.protocol) && url.origin === o.replace(/\/$/, '');
}

const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter(Boolean));

const originList = commaList.default([]).pipe(
  z.array(
    z
      .string()
      .refine(isOrigin, {
        error: 'must be a comma list of origins like https://example.com (scheme, host, optional port)',
      })
      .transform((o) => o.replace(/\/$/, '')),
  ),
);

export const ProxyOptionsSchema = z.object({
  offer18: z.object({
    key: z.string().trim().min(1, 'is required'),
    aid: digits('the affiliate id'),
    mid: digits('the advertiser MID'),
    partner: z.string().trim().min(1, 'is required'),
    userId: z.string().trim().min(1).optional(),
    type: z.string().trim().min(1).optional(),
    apiBase: z
      .string()
      .trim()
      .default(DEFAULT_API_BASE)
      .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
      .transform((u) => trimEnd(u, '/')),
    timeoutMs: positiveInt(UPSTREAM_TIMEOUT_MAX_MS).default(8_000),
  }),
  /** Seals session tokens and keys the stores; at least 32 characters. */
  sessionSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  sessionTtl: positiveInt(86_400).default(600),
  resendAfter: wholeNumber(0, 3_600, 'must be a whole number of seconds from 0 to 3600').default(RESEND_AFTER_DEFAULT),
  maxAttempts: positiveInt(100).default(5),
  /** Sends per number (canonical, so spellings don't multiply it) per `numberWindow` seconds. */
  numberLimit: positiveInt(1_000).default(3),
  numberWindow: positiveInt(86_400).default(900),
  /** Sends per client address per `clientWindow` seconds. */
  clientLimit: positiveInt(1_000_000).default(20),
  clientWindow: positiveInt(86_400).default(600),
  /** Sends per IPv6 /48 per `clientWindow`: one network holds 65,536 /64s, each with its own client budget. */
  networkLimit: positiveInt(1_000_000).default(100),
  /** Sends per hour for the whole proxy: the spending cap. */
  hourlyLimit: positiveInt(10_000_000).default(1_000),
  /** Proxy hops whose X-Forwarded-For entries are trusted; 0 uses the socket's address. */
  trustProxy: wholeNumber(0, 10, 'must be the number of proxy hops to trust (0 to 10)').default(0),
  /** This proxy's own public origins: the landing page's address (`https://landing.example`). */
  publicOrigins: originList,
  /** Other sites whose pages may call the proxy (answered with CORS headers). */
  allowedOrigins: originList,
  /**
   * ISO codes numbers may come from (`AE,SA`), and calling codes (`+881`) for
   * the non-geographic ranges, which are refused unless named.
   */
  countries: commaList.default([]).pipe(
    z.array(
      z
        .string()
        .transform((c) => c.toUpperCase())
        .refine((c) => /^\+\d{1,3}$/.test(c) || isSupportedCountry(c as CountryCode, metadata), {
          error: 'must be a comma list of ISO country codes like AE,SA (or calling codes like +881)',
        }),
    ),
  ),
  basePath: z
    .string()
    .default(DEFAULT_BASE_PATH)
    .transform((p) => `/${trimBoth(p, '/')}`)
    .refine((p) => /^\/[A-Za-z0-9._~\-/]*$/.test(p), { error: 'must be a URL path like /otp' }),
});

export type ProxyOptionsInput = z.input<typeof ProxyOptionsSchema>;
export type ProxySettings = z.output<typeof ProxyOptionsSchema>;

/** Environment variable for each option path, used to name the culprit in errors. */
export const ENV_NAMES: Record<string, string> = {
  'offer18.key': 'OFFER18_KEY',
  'offer18.aid': 'OFFER18_AID',
  'offer18.mid': 'OFFER18_MID',
  'offer18.partner': 'OFFER18_PARTNER',
  'offer18.userId': 'OFFER18_USER_ID',
  'offer18.type': 'OFFER18_TYPE',
  'offer18.apiBase': 'OFFER18_API_BASE',
  'offer18.timeoutMs': 'OFFER18_TIMEOUT_MS',
  sessionSecret: 'OTP_SESSION_SECRET',
  sessionTtl: 'OTP_SESSION_TTL',
  resendAfter: 'OTP_RESEND_AFTER',
  maxAttempts: 'OTP_MAX_ATTEMPTS',
  numberLimit: 'OTP_NUMBER_LIMIT',
  numberWindow: 'OTP_NUMBER_WINDOW',
  clientLimit: 'OTP_CLIENT_LIMIT',
  clientWindow: 'OTP_CLIENT_WINDOW',
  networkLimit: 'OTP_NETWORK_LIMIT',
  hourlyLimit: 'OTP_HOURLY_LIMIT',
  trustProxy: 'OTP_TRUST_PROXY',
  publicOrigins: 'OTP_PUBLIC_ORIGIN',
  allowedOrigins: 'OTP_ALLOWED_ORIGINS',
  countries: 'OTP_COUNTRIES',
  basePath: 'OTP_BASE_PATH',
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function get(env: Env, path: string): string | undefined {
  const value = env[ENV_NAMES[path]!];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The options object the environment describes, before validation. */
export function optionsFromEnv(env: Env): ProxyOptionsInput {
  return {
    offer18: {
      key: get(env, 'offer18.key') ?? '',
      aid: get(env, 'offer18.aid') ?? '',
      mid: get(env, 'offer18.mid') ?? '',
      partner: get(env, 'offer18.partner') ?? '',
      userId: get(env, 'offer18.userId'),
      type: get(env, 'offer18.type'),
      apiBase: get(env, 'offer18.apiBase'),
      timeoutMs: get(env, 'offer18.timeoutMs'),
    },
    sessionSecret: get(env, 'sessionSecret'),
    sessionTtl: get(env, 'sessionTtl'),
    resendAfter: get(env, 'resendAfter'),
    maxAttempts: get(env, 'maxAttempts'),
    numberLimit: get(env, 'numberLimit'),
    numberWindow: get(env, 'numberWindow'),
    clientLimit: get(env, 'clientLimit'),
    clientWindow: get(env, 'clientWindow'),
    networkLimit: get(env, 'networkLimit'),
    hourlyLimit: get(env, 'hourlyLimit'),
    trustProxy: get(env, 'trustProxy'),
    publicOrigins: get(env, 'publicOrigins'),
    allowedOrigins: get(env, 'allowedOrigins'),
    countries: get(env, 'countries'),
    basePath: get(env, 'basePath'),
  } as ProxyOptionsInput;
}

/**
 * Validates options; throws a ConfigError whose message is one line naming
 * the first bad setting. Values are never echoed: one of them is the key.
 */
export function parseOptions(input: unknown, { names = 'env' }: { names?: 'env' | 'path' } = {}): ProxySettings {
  const result = ProxyOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p) => typeof p === 'string').join('.');
  const name = names === 'env' ? (ENV_NAMES[path] ?? path) : path;
  const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
  const missing = given === undefined || given === '';
  throw new ConfigError(`${name} ${missing ? 'is required' : issue.message}`);
}
