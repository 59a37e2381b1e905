/**
 * `createOtpProxy`: the whole proxy as one fetch-standard function.
 *
 * Order matters on every request: origin, then content type and size, then
 * shape, then the number or session, and only then the upstream. Anything
 * refused earlier never costs an SMS or a click.
 */
import metadata from 'libphonenumber-js/max/metadata';
import { SendRequest, VerifyRequest, HEALTH_PATH, SEND_PATH, VERIFY_PATH, MAX_BODY_BYTES } from '../contract/wire.js';
import type { SendReply, VerifyReply } from '../contract/wire.js';
import { canonicalMobile, maskMsisdn } from '../shared/phone.js';
import { foldDigits } from '../shared/digits.js';
import { ConfigError, parseOptions, type ProxyOptionsInput, type ProxySettings } from './config.js';
import { ProxyError } from './errors.js';
import { errorResponse, json, readJson } from './http.js';
import { jsonLogger, redacting, type Logger } from './log.js';
import { createOffer18Client, type Transport } from './offer18.js';
import { createSessionSigner, randomId } from './session.js';
import { MemoryVerifyStore, type VerifyStore } from './store.js';
import { createSendLimiter, type SendLimiter } from './limits.js';
import { RedisVerifyStore } from './redis-store.js';
import { clientKey } from './client.js';
import type { Redis } from 'ioredis';

export interface OtpProxyOptions extends ProxyOptionsInput {
  /** Where log lines go; JSON lines on stdout by default. Secrets are scrubbed before it sees them. */
  logger?: Logger;
  /** How the proxy reaches Offer18; global `fetch` by default. */
  transport?: Transport;
  /** Attempts and one-conversion records; in memory by default, in Redis when `redis` is given. */
  store?: VerifyStore;
  /** Send budgets; in memory by default, in Redis when `redis` is given. */
  limiter?: SendLimiter;
  /** A shared ioredis client (with `enableOfflineQueue: false`): budgets and records shared by every instance. */
  redis?: Redis;
  /** Clock, epoch milliseconds. */
  now?: () => number;
}

/** What the runtime adapter knows about the connection. */
export interface ConnectionInfo {
  remoteAddress?: string | undefined;
}

export type OtpProxyHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

type Guard = { ok: true; cors: Record<string, string> } | { ok: false };

function checkOrigin(request: Request, url: URL, settings: ProxySettings): Guard {
  const origin = request.headers.get('origin');
  // Browsers send Origin on every POST; its absence means curl or a server, which no Origin rule can stop anyway.
  if (origin === null) return { ok: true, cors: {} };
  if (settings.allowedOrigins.includes(origin)) {
    return { ok: true, cors: { 'access-control-allow-origin': origin, vary: 'origin' } };
  }
  // Compared by host: behind a TLS-terminating proxy the request URL says http while the page says https.
  if (URL.canParse(origin) && new URL(origin).host === url.host) return { ok: true, cors: {} };
  return { ok: false };
}

function bodyFieldError(issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): ProxyError {
  const issue = issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  if (issue?.code === 'unrecognized_keys') {
    return new ProxyError('invalid_request', { message: 'The request has fields this endpoint does not take.' });
  }
  return new ProxyError('invalid_request', field ? { field } : {});
}

export function createOtpProxy(options: OtpProxyOptions): OtpProxyHandler {
  const { logger: rawLogger = jsonLogger(), transport, redis, now = Date.now } = options;
  const settings = parseOptions(options, { names: 'path' });
  if (redis && !settings.sessionSecret) {
    throw new ConfigError('OTP_SESSION_SECRET is required with REDIS_URL: every instance must sign sessions with the same secret');
  }
  const store = options.store ?? (redis ? new RedisVerifyStore(redis) : new MemoryVerifyStore(options.now));
  let secret = settings.sessionSecret;
  const log = redacting(rawLogger, [settings.offer18.key, ...(secret ? [secret] : [])]);
  if (!secret) {
    secret = randomId() + randomId();
    log({
      level: 'warn',
      event: 'config.session_secret_generated',
      message: 'OTP_SESSION_SECRET is not set: using a random one. Sessions will not survive a restart or work across instances.',
    });
  }

  const signer = createSessionSigner(secret);
  const limiter = options.limiter ?? createSendLimiter(settings, log, redis);
  const offer18 = createOffer18Client(settings.offer18, transport);
  const ttlMs = settings.sessionTtl * 1000;
  const sendPath = settings.basePath + SEND_PATH;
  const verifyPath = settings.basePath + VERIFY_PATH;

  async function send(request: Request, info: ConnectionInfo | undefined): Promise<Response> {
    const body = SendRequest.safeParse(await readJson(request, MAX_BODY_BYTES));
    if (!body.success) throw bodyFieldError(body.error.issues);
    const number = canonicalMobile(body.data.msisdn, { country: body.data.country, allowed: settings.countries }, metadata);
    if (!number.ok) throw new ProxyError(number.error, { field: number.error === 'country_invalid' ? 'country' : 'msisdn' });

    const client = clientKey(request, info?.remoteAddress, settings.trustProxy);
    const [numberTag, clientTag] = await Promise.all([signer.tag(`n:${number.msisdn}`), signer.tag(`c:${client}`)]);
    await limiter.take(numberTag, clientTag);

    const started = now();
    const { requestId } = await offer18.generate(number.msisdn);
    const claims = { id: randomId(), msisdn: number.msisdn, requestId, expiresAt: now() + ttlMs };
    const session = await signer.sign(claims);
    log({
      level: 'info',
      event: 'otp.sent',
      msisdn: maskMsisdn(number.msisdn),
      country: number.country,
      requestId: requestId ?? null,
      ms: now() - started,
    });
    const reply: SendReply = {
      ok: true,
      session,
      resendAfter: settings.resendAfter,
      expiresIn: settings.sessionTtl,
      msisdn: number.e164,
    };
    return json(200, reply);
  }

  async function verify(request: Request): Promise<Response> {
    const body = VerifyRequest.safeParse(await readJson(request, MAX_BODY_BYTES));
    if (!body.success) throw bodyFieldError(body.error.issues);
    const otp = foldDigits(body.data.otp).replace(/[\s-]/g, '');
    if (!/^\d{4,8}$/.test(otp)) throw new ProxyError('otp_malformed', { field: 'otp' });

    const opened = await signer.open(body.data.session, now());
    if (!opened.ok) {
      throw new ProxyError(opened.reason === 'expired' ? 'session_expired' : 'session_invalid', { field: 'session' });
    }
    const { claims } = opened;
    const remainingMs = Math.max(1, claims.expiresAt - now());
    const state = await store.begin(claims.id, settings.maxAttempts, remainingMs);
    if (state === 'used') throw new ProxyError('session_used');
    if (state === 'busy') throw new ProxyError('verify_in_progress', { retryAfter: 1 });
    if (state === 'locked') throw new ProxyError('session_locked', { attemptsLeft: 0 });

    let outcome;
    try {
      outcome = await offer18.verify({ msisdn: claims.msisdn, requestId: claims.requestId, otp });
    } catch (error) {
      await store.release(claims.id);
      throw error;
    }
    if (!outcome.verified) {
      const attemptsLeft = await store.fail(claims.id, settings.maxAttempts, remainingMs);
      log({ level: 'info', event: 'otp.rejected', msisdn: maskMsisdn(claims.msisdn), upstream: outcome.reason, attemptsLeft });
      throw new ProxyError('otp_invalid', { attemptsLeft });
    }
    await store.succeed(claims.id, remainingMs);
    log({ level: 'info', event: 'otp.verified', msisdn: maskMsisdn(claims.msisdn), requestId: claims.requestId ?? null });
    const reply: VerifyReply = { ok: true, verified: true };
    return json(200, reply);
  }

  return async function handle(request: Request, info?: ConnectionInfo): Promise<Response> {
    let cors: Record<string, string> = {};
    try {
      const url = new URL(request.url);
      const path = url.pathname;
      if (path === HEALTH_PATH) {
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new ProxyError('method_not_allowed');
        return json(200, { ok: true });
      }
      const route = path === sendPath ? send : path === verifyPath ? verify : undefined;
      if (!route) throw new ProxyError('not_found');

      const origin = checkOrigin(request, url, settings);
      if (!origin.ok) {
        log({ level: 'info', event: 'request.refused', error: 'origin_forbidden', origin: request.headers.get('origin') });
        throw new ProxyError('origin_forbidden');
      }
      cors = origin.cors;
      if (request.method === 'OPTIONS') {
        return new Response(null, { status: 204, headers: { ...cors, ...PREFLIGHT_HEADERS } });
      }
      if (request.method !== 'POST') throw new ProxyError('method_not_allowed');
      const response = await route(request, info);
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    } catch (error) {
      if (error instanceof ProxyError) {
        if (error.status >= 500) {
          log({ level: 'error', event: 'request.failed', error: error.code, detail: error.logDetail });
        } else if (error.logDetail) {
          // Refusals (spent budgets) are routine under attack: info, so they don't drown real failures.
          log({ level: 'info', event: 'request.refused', error: error.code, detail: error.logDetail });
        }
        const headers: Record<string, string> = { ...cors };
        if (error.code === 'method_not_allowed') headers.allow = 'POST, OPTIONS';
        return errorResponse(error, headers);
      }
      log({
        level: 'error',
        event: 'request.crashed',
        error: (error as Error)?.name ?? 'Error',
        detail: (error as Error)?.message,
        stack: (error as Error)?.stack,
      });
      return errorResponse(new ProxyError('internal_error'), cors);
    }
  };
}
