/**
 * Proxy configuration: every setting defined once, here, in one zod schema:
 * its type, bounds and default, the environment variable it is read from,
 * what it does in a line, whether it is a secret. From these follow the
 * options' types, `optionsFromEnv`, the names in messages, what the logger
 * scrubs, the defaults the kits list and the README shows (a test holds the
 * README's table to them), and the kits' settings files.
 *
 * The rest of the core speaks in option paths (`sessionSecret`); how a
 * setting is named to the operator is decided here (`SettingNames`).
 */
import { z } from 'zod';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { DEFAULT_BASE_PATH } from '../contract/paths.js';
import { jsonLogger, redacting, type Logger } from './log.js';
import { trimBoth, trimEnd } from '../shared/text.js';
import { RESEND_AFTER_DEFAULT, UPSTREAM_TIMEOUT_MAX_MS } from '../contract/timing.js';
import { parseClickNames } from '../contract/click.js';
import { PAYOUT, postbackProblem } from './postback.js';
import { POSTBACK_STAGES } from './observe.js';

export const DEFAULT_API_BASE = 'https://api.offer18.com/api/af';

export const CHALLENGE_MODES = ['off', 'adaptive', 'always'] as const;
export type ChallengeMode = (typeof CHALLENGE_MODES)[number];

/**
 * Calling codes that belong to no country: satellite phones (+870, +881),
 * international networks (+882, +883), UPT (+878), OCHA (+888) and premium
 * rate (+979). Favourite targets of SMS pumping; refused unless named in
 * `countries`.
 */
export const NON_GEOGRAPHIC_CODES = ['870', '878', '881', '882', '883', '888', '979'] as const;

/** What a setting is, besides its schema. */
export interface SettingInfo {
  /** The environment variable it is read from. */
  env: string;
  /** What it does, in one line: the comment above it in a kit's settings files. */
  about: string;
  /** Never in a log line (scrubbed), never in a file a kit writes. */
  secret?: true;
  /**
   * The value a kit's settings file sets it to, where it should be seen set
   * (`NODE_ENV=production`, `OTP_TRUST_PROXY=0`) rather than listed commented
   * out at its default.
   */
  example?: string;
  /** The Cloudflare kit's Worker does not read it (not listed in its wrangler.jsonc). */
  worker?: false;
}

/** Every setting's info, keyed by its schema in the options' (or the Node server's) schema. */
export const settingInfo = z.registry<SettingInfo>();

/** `schema`, as the setting `info` describes. */
export function setting<T extends z.ZodType>(schema: T, info: SettingInfo): T {
  settingInfo.add(schema, info);
  return schema;
}

const digits = (what: string) => z.coerce.string().regex(/^\d{1,18}$/, `must be a whole number (${what})`);
export const wholeNumber = (min: number, max: number, error = `must be a whole number from ${min} to ${max}`) =>
  z.coerce.number({ error }).int(error).min(min, error).max(max, error);
const positiveInt = (max: number) => wholeNumber(1, max);

/** An http(s) origin as a browser sends it: scheme, host, optional port, nothing after (a trailing `/` aside). */
export function isOrigin(o: string): boolean {
  const url = URL.canParse(o) && new URL(o);
  return !!url && /^https?:$/.test(url.protocol) && url.origin === o.replace(/\/$/, '');
}

const commaList = () =>
  z.union([z.string(), z.array(z.string())]).transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter(Boolean));

const originList = () =>
  commaList()
    .default([])
    .pipe(
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
    key: setting(z.string().trim().min(1, 'is required'), {
      env: 'OFFER18_KEY',
      secret: true,
      about: 'Your Offer18 API key (required). Only the proxy reads it; it never reaches the page.',
    }),
    aid: setting(digits('the affiliate id'), { env: 'OFFER18_AID', about: 'Affiliate ID.' }),
    mid: setting(digits('the advertiser MID'), { env: 'OFFER18_MID', about: 'Advertiser MID.' }),
    partner: setting(z.string().trim().min(1, 'is required'), { env: 'OFFER18_PARTNER', about: 'Partner name.' }),
    userId: setting(z.string().trim().min(1).optional(), { env: 'OFFER18_USER_ID', about: 'User ID under the partner (optional).' }),
    type: setting(z.string().trim().min(1).optional(), { env: 'OFFER18_TYPE', about: 'Type of request (optional).' }),
    apiBase: setting(
      z
        .string()
        .trim()
        .default(DEFAULT_API_BASE)
        .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
        .transform((u) => trimEnd(u, '/')),
      { env: 'OFFER18_API_BASE', about: 'Offer18 OTP API base URL.' },
    ),
    timeoutMs: setting(positiveInt(UPSTREAM_TIMEOUT_MAX_MS).default(8_000), {
      env: 'OFFER18_TIMEOUT_MS',
      about: 'Longest wait for a whole answer from Offer18, in milliseconds.',
    }),
  }),
  /** Seals session tokens and keys the stores; at least 32 characters. */
  sessionSecret: setting(z.string().min(32, 'must be at least 32 characters').optional(), {
    env: 'OTP_SESSION_SECRET',
    secret: true,
    about: 'Seals the sessions handed to the page, 32 characters or more: openssl rand -hex 32',
  }),
  sessionTtl: setting(positiveInt(86_400).default(600), { env: 'OTP_SESSION_TTL', about: 'Seconds a sent code stays usable.' }),
  resendAfter: setting(wholeNumber(0, 3_600, 'must be a whole number of seconds from 0 to 3600').default(RESEND_AFTER_DEFAULT), {
    env: 'OTP_RESEND_AFTER',
    about: 'Seconds before the same number can be sent another code.',
  }),
  maxAttempts: setting(positiveInt(100).default(5), { env: 'OTP_MAX_ATTEMPTS', about: 'Wrong codes allowed per session before a new code is needed.' }),
  /** Sends per number (canonical, so spellings don't multiply it) per `numberWindow` seconds. */
  numberLimit: setting(positiveInt(1_000).default(3), { env: 'OTP_NUMBER_LIMIT', about: 'Codes sent to one number per OTP_NUMBER_WINDOW seconds.' }),
  numberWindow: setting(positiveInt(86_400).default(900), { env: 'OTP_NUMBER_WINDOW', about: 'Seconds of the per-number budget.' }),
  /** Sends per client address per `clientWindow` seconds. */
  clientLimit: setting(positiveInt(1_000_000).default(20), {
    env: 'OTP_CLIENT_LIMIT',
    about: "Codes one visitor's address may ask for per OTP_CLIENT_WINDOW seconds.",
  }),
  clientWindow: setting(positiveInt(86_400).default(600), { env: 'OTP_CLIENT_WINDOW', about: 'Seconds of the per-visitor budget.' }),
  /** Sends per IPv6 /48 per `clientWindow`: one network holds 65,536 /64s, each with its own client budget. */
  networkLimit: setting(positiveInt(1_000_000).default(100), { env: 'OTP_NETWORK_LIMIT', about: 'Codes one IPv6 /48 network may ask for in that time.' }),
  /** Sends per hour for the whole proxy: the spending cap. */
  hourlyLimit: setting(positiveInt(10_000_000).default(1_000), { env: 'OTP_HOURLY_LIMIT', about: 'Codes sent per hour in all: your spending cap.' }),
  /** When a send must carry a solved proof of work: only when signs of abuse appear, always, or never. */
  challenge: setting(z.enum(CHALLENGE_MODES, { error: 'must be off, adaptive or always' }).default('adaptive'), {
    env: 'OTP_CHALLENGE',
    about: 'Proof of work before a code is sent: adaptive (asked only while there are signs of abuse), always, or off.',
  }),
  /** The highest counter a challenge's answer may have: a solver tries half of it on average, each try a native PBKDF2 call. */
  challengeCost: setting(positiveInt(1_000_000).default(1_500), {
    env: 'OTP_CHALLENGE_COST',
    about: 'Work a challenge asks for, in tries of about a millisecond each on a phone; a solver needs half of them on average.',
  }),
  /** Codes sent without a challenge and not yet verified, campaign-wide, per 10 minutes, before everyone is asked for one. */
  shieldUnverified: setting(wholeNumber(1, 1_000_000).default(50), {
    env: 'OTP_SHIELD_UNVERIFIED',
    about: 'Adaptive challenge: codes sent without one and not yet verified, per 10 minutes, before every visitor is asked for one.',
  }),
  /** Unverified codes to one number range per hour before the range is paused (when it also converts below the share). 0: no prefix guard. */
  prefixMinSends: setting(wholeNumber(0, 1_000_000).default(20), {
    env: 'OTP_PREFIX_MIN_SENDS',
    about: 'Unverified codes to one number range (the number but its last 4 digits) per hour before the range is paused. 0: no prefix guard.',
  }),
  /** Percent of a range's codes that must be verified for it to go on past `prefixMinSends` unverified ones. */
  prefixMaxConversion: setting(wholeNumber(1, 99, 'must be a whole percentage from 1 to 99').default(10), {
    env: 'OTP_PREFIX_MAX_CONVERSION',
    about: 'A range is paused only while fewer than this percent of its codes are verified.',
  }),
  prefixSuspend: setting(positiveInt(86_400).default(3_600), { env: 'OTP_PREFIX_SUSPEND', about: 'Seconds a paused number range stays paused.' }),
  /** Proxy hops whose X-Forwarded-For entries are trusted; 0 uses the socket's address. */
  trustProxy: setting(wholeNumber(0, 10, 'must be the number of proxy hops to trust (0 to 10)').default(0), {
    env: 'OTP_TRUST_PROXY',
    worker: false,
    // Set, so an affiliate putting the kit behind Caddy or nginx sees it is there to change.
    example: '0',
    about:
      'Proxies in front of this server that add X-Forwarded-For: 1 behind Caddy or nginx (see README), 0 when clients connect directly. Wrong, and every visitor shares one budget.',
  }),
  /** This proxy's own public origins: the landing page's address (`https://landing.example`). */
  publicOrigins: setting(originList(), {
    env: 'OTP_PUBLIC_ORIGIN',
    about: "The page's public address, e.g. https://landing.example. Until it is set only pages on this machine can use the proxy.",
  }),
  /** Other sites whose pages may call the proxy (answered with CORS headers). */
  allowedOrigins: setting(originList(), {
    env: 'OTP_ALLOWED_ORIGINS',
    about: 'Other sites allowed to call this server, comma separated (https://a.example). Empty: this site only.',
  }),
  /**
   * ISO codes numbers may come from (`AE,SA`), and calling codes (`+881`) for
   * the non-geographic ranges, which are refused unless named.
   */
  countries: setting(
    commaList()
      .default([])
      .pipe(
        z.array(
          z
            .string()
            .transform((c) => c.toUpperCase())
            .refine((c) => /^\+\d{1,3}$/.test(c) || isSupportedCountry(c as CountryCode, metadata), {
              error: 'must be a comma list of ISO country codes like AE,SA (or calling codes like +881)',
            }),
        ),
      ),
    { env: 'OTP_COUNTRIES', about: 'Countries numbers may come from. Numbers from elsewhere never reach Offer18.' },
  ),
  basePath: setting(
    z
      .string()
      .default(DEFAULT_BASE_PATH)
      .transform((p) => `/${trimBoth(p, '/')}`)
      .refine((p) => /^\/[A-Za-z0-9._~\-/]*$/.test(p), { error: 'must be a URL path like /otp' }),
    { env: 'OTP_BASE_PATH', about: "Where the API answers (the page's endpoint attribute must match)." },
  ),
  /** The click parameters a send may carry (`"click": {…}`), the click id first; the page's `click-params` must name the same. */
  clickParams: setting(
    z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((list, ctx) => {
        const names = parseClickNames(Array.isArray(list) ? list.join(',') : list);
        if (names.ok) return names.names;
        ctx.addIssue({ code: 'custom', message: `must be a comma list of parameter names: ${names.message}` });
        return z.NEVER;
      }),
    {
      env: 'OTP_CLICK_PARAMS',
      about: "The tracker's parameters the page reads from its URL and the postback may use, the click id first (the page's click-params must match).",
    },
  ),
  /** The affiliate's tracker, told of each conversion; see `postback.ts`. */
  postback: z.object({
    url: setting(z.string().trim().min(1).optional(), {
      env: 'OTP_POSTBACK_URL',
      about: "Your tracker's postback URL, with {clickid}, {txid}, {payout}… where it wants them (README: Postbacks). Unset: no postbacks.",
    }),
    method: setting(z.enum(['GET', 'POST'], { error: 'must be GET or POST' }).default('GET'), {
      env: 'OTP_POSTBACK_METHOD',
      about: 'GET, or POST of the same URL with an empty body.',
    }),
    on: setting(
      commaList()
        .default(['verified'])
        .pipe(z.array(z.enum(POSTBACK_STAGES, { error: 'must be verified, or sent,verified' })).min(1, 'must be verified, or sent,verified'))
        .transform((events) => [...new Set(events)]),
      { env: 'OTP_POSTBACK_ON', about: 'Events that fire a postback: verified (the conversion); sent,verified also fires one when a code is sent (a lead).' },
    ),
    payout: setting(z.string().trim().regex(PAYOUT, 'must be a number like 1.50').optional(), {
      env: 'OTP_POSTBACK_PAYOUT',
      about: 'What {payout} is replaced with, e.g. 1.50.',
    }),
    timeoutMs: setting(positiveInt(60_000).default(10_000), {
      env: 'OTP_POSTBACK_TIMEOUT_MS',
      about: "Longest wait for the tracker's answer to one postback, in milliseconds.",
    }),
    retryMs: setting(wholeNumber(100, 3_600_000).default(5_000), {
      env: 'OTP_POSTBACK_RETRY_MS',
      about: 'Milliseconds before a postback the tracker did not take is tried again, doubling each time up to an hour; after 24 hours it is dropped.',
    }),
  }).prefault({}),
}).superRefine((settings, ctx) => {
  // The template is checked against the other settings it depends on: the click parameters' names and the payout.
  const { url, payout } = settings.postback;
  const problem = url === undefined ? undefined : postbackProblem(url, { clickNames: settings.clickParams, payout });
  if (problem) ctx.addIssue({ code: 'custom', path: ['postback', problem.at], message: problem.message });
});

export type ProxyOptionsInput = z.input<typeof ProxyOptionsSchema>;
export type ProxySettings = z.output<typeof ProxyOptionsSchema>;

/** A setting of a schema: where it is in the options, its info, and its default (or none). */
export interface Setting extends SettingInfo {
  path: string;
  /** Its value when not set: undefined when it has none. */
  default: unknown;
  /** It has no default and must be set. */
  required: boolean;
}

/** The settings of a schema whose fields are registered with `setting` (objects inside are walked), in its order. */
export function settingsOf(schema: z.ZodObject, prefix = ''): Setting[] {
  return Object.entries(schema.shape).flatMap(([key, field]: [string, z.ZodType]) => {
    const path = `${prefix}${key}`;
    // A group of settings, optional as a whole (`postback`), or required (`offer18`).
    const group = field instanceof z.ZodPrefault ? field.unwrap() : field;
    if (group instanceof z.ZodObject) return settingsOf(group, `${path}.`);
    const info = settingInfo.get(field);
    if (!info) throw new Error(`${path} has no setting info: define it with setting()`);
    const unset = field.safeParse(undefined);
    return [{ ...info, path, default: unset.success ? unset.data : undefined, required: !unset.success }];
  });
}

/** Every setting of the proxy, in the schema's order. */
export const PROXY_SETTINGS: readonly Setting[] = settingsOf(ProxyOptionsSchema);

/** Environment variable for each option path, used to name the culprit in errors. */
export const ENV_NAMES: Readonly<Record<string, string>> = Object.fromEntries(PROXY_SETTINGS.map((s) => [s.path, s.env]));

/**
 * How messages name a setting, given its option path: the core speaks in
 * option paths (`sessionSecret`); options read from the environment name
 * the variable the operator set (`OTP_SESSION_SECRET`).
 */
export type SettingNames = (path: string) => string;
export const optionNames: SettingNames = (path) => path;
export const envNames: SettingNames = (path) => ENV_NAMES[path] ?? path;

/** What the proxy does unconfigured, so what the kits list cannot drift from it. */
export const PROXY_DEFAULTS: ProxySettings = ProxyOptionsSchema.parse({ offer18: { key: '-', aid: '0', mid: '0', partner: '-' } });

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** The options object the environment describes, before validation; messages about it name the variables. */
export function optionsFromEnv(env: Env): ProxyOptionsInput & { names: SettingNames } {
  const options: Record<string, unknown> = { names: envNames };
  for (const { path, env: name } of PROXY_SETTINGS) {
    const keys = path.split('.');
    // Objects on the way are made even when empty, so a missing OFFER18_KEY is named as itself, not as `offer18`.
    const parent = keys.slice(0, -1).reduce((o, key) => (o[key] ??= {}) as Record<string, unknown>, options);
    const value = env[name];
    // An empty value is an unset one.
    if (value !== undefined && value.trim() !== '') parent[keys.at(-1)!] = value;
  }
  return options as ProxyOptionsInput & { names: SettingNames };
}

const valueAt = (source: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], source);

/** The names options carry (`optionsFromEnv`'s), or their option paths. */
export function namesOf(input: unknown): SettingNames {
  const names = (input as { names?: unknown } | undefined)?.names;
  return typeof names === 'function' ? (names as SettingNames) : optionNames;
}

/**
 * Validates options; throws a ConfigError whose message is one line naming
 * the first bad setting, as `names` say (those the options carry by default).
 * Values are never echoed: one of them is the key.
 */
export function parseOptions(input: unknown, { names = namesOf(input) }: { names?: SettingNames } = {}): ProxySettings {
  const result = ProxyOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = names(issue.path.filter((p) => typeof p === 'string').join('.'));
  const given = valueAt(input, issue.path);
  // A check across settings says itself why a missing one is needed.
  const missing = (given === undefined || given === '') && issue.code !== 'custom';
  throw new ConfigError(`${name} ${missing ? 'is required' : issue.message}`);
}


/**
 * `logger`, with the secrets of each of `options` scrubbed from every line
 * (see `redacting`). Read from the options as given, trimmed too, so it can
 * be built before they are validated, and a line about a bad setting is
 * scrubbed as well.
 */
export function scrubbingLogger(logger: Logger, ...options: unknown[]): Logger {
  const secrets = options.flatMap((source) => PROXY_SETTINGS.filter((s) => s.secret).map((s) => valueAt(source, s.path.split('.'))));
  return redacting(logger, secrets.flatMap((value) => (typeof value === 'string' ? [value, value.trim()] : [])));
}

/** Something to tell the operator at start: logged by the proxy, printed by `otp-flow serve`. */
export interface StartupWarning {
  event: string;
  message: string;
}

/** Every start-up warning, in one list, worded with `names`. */
export function startupWarnings(settings: ProxySettings, names: SettingNames): StartupWarning[] {
  const warnings: StartupWarning[] = [];
  if (!settings.sessionSecret) {
    warnings.push({
      event: 'config.session_secret_generated',
      message: `${names('sessionSecret')} is not set: using a random one. Sessions will not survive a restart or work across instances.`,
    });
  }
  if (settings.publicOrigins.length === 0) {
    warnings.push({
      event: 'config.public_origin_unset',
      message: `${names('publicOrigins')} is not set, so only pages on this machine can use the proxy (localhost, 127.0.0.1). Set it to your landing page’s address (https://…) before going live.`,
    });
  }
  if (settings.countries.length === 0) {
    warnings.push({
      event: 'config.countries_open',
      message: `${names('countries')} is not set, so numbers from EVERY COUNTRY reach Offer18, the door SMS pumping uses (non-geographic +${NON_GEOGRAPHIC_CODES.join(', +')} stay refused). Set it to your campaign's countries, e.g. AE,SA.`,
    });
  }
  return warnings;
}

/**
 * The session secret rule. Without one a random secret is made, which serves
 * one instance that shares nothing, in development; `needs` says what else
 * requires one: `production`, or state shared with other instances
 * (`sharedWith` names it as the operator knows it: a shared store, REDIS_URL).
 */
export function requireSessionSecret(
  secret: string | undefined,
  names: SettingNames,
  needs: { production?: boolean; sharedWith?: string | undefined },
): void {
  if (secret) return;
  if (needs.production) throw new ConfigError(`${names('sessionSecret')} is required when NODE_ENV=production (at least 32 random characters)`);
  if (needs.sharedWith) {
    throw new ConfigError(`${names('sessionSecret')} is required with ${needs.sharedWith}: every instance must seal sessions with the same secret`);
  }
}

/** Validated settings, and what goes with them everywhere they are used. */
export interface ProxyConfig {
  settings: ProxySettings;
  /** How messages name the settings. */
  names: SettingNames;
  /** Log lines, scrubbed of the key and the session secret. */
  log: Logger;
  warnings: StartupWarning[];
}

export interface ConfigureOptions extends ProxyOptionsInput {
  /** How messages name settings; those the options carry (`optionsFromEnv`'s), or their option paths. */
  names?: SettingNames;
  /** Where log lines go; JSON lines through `console.log` by default. Secrets are scrubbed before it sees them. */
  logger?: Logger;
}

/**
 * The one parse of a proxy's options, and the one scrubbing logger, for the
 * proxy and whatever runs it (an adapter, `otp-flow serve`, the Worker).
 * `log`: the scrubbing logger, when the caller built it before (to log a
 * ConfigError this throws).
 */
export function configure(options: ConfigureOptions, log = scrubbingLogger(options.logger ?? jsonLogger(), options)): ProxyConfig {
  const names = namesOf(options);
  const settings = parseOptions(options, { names });
  return { settings, names, log, warnings: startupWarnings(settings, names) };
}
