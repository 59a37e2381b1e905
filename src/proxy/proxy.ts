/**
 * `createOtpProxy`: the whole proxy as one fetch-standard function.
 *
 * Order matters on every request: host and origin, then content type and
 * size, then shape, then the number or session, then the budgets, and only
 * then the upstream. Anything refused earlier never costs an SMS or a click.
 */
import metadata from 'libphonenumber-js/max/metadata';
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { sendRequest, VerifyRequest, HEALTH_PATH, SEND_PATH, VERIFY_PATH, MAX_BODY_BYTES, OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../contract/wire.js';
import type { SendReply, VerifyReply } from '../contract/wire.js';
import { canonicalMobile, maskMsisdn } from '../shared/phone.js';
import { foldDigits } from '../shared/digits.js';
import { configure, NON_GEOGRAPHIC_CODES, requireSessionSecret, type ConfigureOptions, type ProxyConfig } from './config.js';
import { ProxyError } from './errors.js';
import { errorResponse, json, readJson, reply, type ResponseClass } from './http.js';
import { createOffer18Client, UpstreamError, type Transport } from './offer18.js';
import { createSessions, randomId, type SessionClaims, type SessionCryptoFactory } from './session.js';
import { MemoryBudgetStore, MemoryVerifyStore } from './memory-store.js';
import type { BudgetStore, VerifyOutcome, VerifyStore } from './store.js';
import { createSendLimiter, STORE_RETRY_AFTER } from './budgets.js';
import { createShield } from './shield.js';
import { createChallenger } from './challenge.js';
import { clientKeys } from './client.js';
import { createOriginPolicy } from './origin.js';
import type { Observer } from './observe.js';
import type { PostbackOutbox, PostbackQueue } from './outbox.js';
import { createPostbacks } from './postbacks.js';

/** What the proxy works with besides its settings. */
export interface ProxyDeps {
  /** How the proxy reaches Offer18; global `fetch` by default. */
  transport?: Transport;
  /** Send budgets; in memory by default. `otp-flow/redis` and the Cloudflare kit bring shared ones. */
  budgets?: BudgetStore;
  /** Attempts and one-conversion records; in memory by default. */
  verifies?: VerifyStore;
  /** Session cryptography; Web Crypto by default. `otp-flow/node` has a faster one for Node. */
  crypto?: SessionCryptoFactory;
  /** Told of every send, verify, upstream call and postback attempt, for metrics. */
  observe?: Observer;
  /**
   * Where postbacks (`OTP_POSTBACK_URL`) are recorded; in memory by default.
   * An outbox (`RedisPostbackOutbox` from `otp-flow/redis`) is delivered by
   * this proxy on a timer; a queue that delivers itself (the Cloudflare kit's
   * Durable Objects) is only added to.
   */
  postbacks?: PostbackQueue | PostbackOutbox;
  /** Clock, epoch milliseconds. */
  now?: () => number;
  /**
   * The class answers are built with; the global `Response` by default.
   * `otp-flow/node` brings one whose untouched answers it writes to the
   * socket without reading them back. Its instances must be Responses.
   */
  Response?: ResponseClass;
}

export interface OtpProxyOptions extends ConfigureOptions, ProxyDeps {}

/** What the runtime adapter knows about the connection. */
export interface ConnectionInfo {
  /** The peer's address; on platforms that name the client themselves (Cloudflare), the client's. */
  remoteAddress?: string | undefined;
  /**
   * Whether the client has gone (closed its connection). Without it the
   * proxy reads `request.signal`; the Node adapter answers this instead,
   * because a real AbortSignal per request costs Node 20 more than the
   * proxy's own checks.
   */
  clientGone?: (() => boolean) | undefined;
}

export type OtpProxyHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

/** The handler, and what stops the work it does between requests. */
export interface OtpProxy extends OtpProxyHandler {
  /** Stops delivering postbacks (after the attempts in flight); what is pending stays in the outbox. Stores passed in are yours to close. */
  close(): Promise<void>;
}

export { NON_GEOGRAPHIC_CODES };

/**
 * How long a session stays held after its token expires. The hold must
 * outlast the session even when clocks differ a little between instances,
 * so a verify whose outcome was never recorded leaves the session closed.
 */
const HOLD_MARGIN_MS = 60_000;

const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

function bodyFieldError(issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): ProxyError {
  const issue = issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  if (issue?.code === 'unrecognized_keys') {
    return new ProxyError('invalid_request', { message: 'The request has fields this endpoint does not take.' });
  }
  return new ProxyError('invalid_request', field ? { field } : {});
}

const OTP_PATTERN = new RegExp(`^\\d{${OTP_MIN_DIGITS},${OTP_MAX_DIGITS}}$`);

export function createOtpProxy(options: OtpProxyOptions): OtpProxy {
  return proxyFromConfig(configure(options), options);
}

/** The proxy for settings already parsed (`configure`), by whatever runs it and needed them first. */
export function proxyFromConfig(config: ProxyConfig, deps: ProxyDeps = {}): OtpProxy {
  const { settings, names, log } = config;
  const { transport, now = Date.now, observe = () => {}, Response: Answer = Response } = deps;
  const shared = deps.budgets?.shared || deps.verifies?.shared;
  requireSessionSecret(settings.sessionSecret, names, { sharedWith: shared ? 'a shared store' : undefined });
  for (const warning of config.warnings) log({ level: 'warn', ...warning });
  const secret = settings.sessionSecret ?? randomId() + randomId();
  const origins = createOriginPolicy(settings);

  const onFull = (store: string, maxKeys: number) =>
    log({
      level: 'warn',
      event: 'store.full',
      store,
      maxKeys,
      message: `The in-memory ${store} store holds ${maxKeys} keys; the oldest are being evicted. Large campaigns need a shared store (Redis).`,
    });
  const budgets = deps.budgets ?? new MemoryBudgetStore({ onFull, now });
  const verifies = deps.verifies ?? new MemoryVerifyStore({ onFull, now });
  const sessions = createSessions(secret, deps.crypto);
  const limiter = createSendLimiter(settings, budgets, sessions.tag, log, now, names);
  const shield = createShield(settings, budgets, sessions.tag, createChallenger(secret, settings.challengeCost, now), log, observe, now);
  const offer18 = createOffer18Client(settings.offer18, transport, observe, now);
  const postbacks = createPostbacks(settings, secret, { postbacks: deps.postbacks, log, observe, now });
  const sendBody = sendRequest(settings.clickParams);
  const ttlMs = settings.sessionTtl * 1000;
  const sendPath = settings.basePath + SEND_PATH;
  const verifyPath = settings.basePath + VERIFY_PATH;

  async function send(request: Request, info: ConnectionInfo | undefined): Promise<SendReply> {
    const body = sendBody.safeParse(await readJson(request, MAX_BODY_BYTES));
    if (!body.success) throw bodyFieldError(body.error.issues);
    const number = canonicalMobile(
      body.data.msisdn,
      { country: body.data.country, allowed: settings.countries, refused: NON_GEOGRAPHIC_CODES },
      metadata,
    );
    if (!number.ok) throw new ProxyError(number.error, { field: number.error === 'country_invalid' ? 'country' : 'msisdn' });

    const client = clientKeys(request, info?.remoteAddress, settings.trustProxy);
    const std = await limiter.budgets(number.msisdn, client);
    // The shield reads its counters while the store's epoch is fetched: both before anything is charged.
    const [epoch, admission] = await Promise.all([verifies.epoch(), shield.admit({ msisdn: number.msisdn, client, std, answer: body.data.altcha })]);
    await limiter.take(admission.budgets);
    admission.admitted();
    const started = now();
    let requestId: string | undefined;
    try {
      // A client that has gone (it gave up on a slow store) would never see the code: no SMS, no click.
      if (info?.clientGone ? info.clientGone() : request.signal?.aborted) throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, 'the client went away before the send');
      ({ requestId } = await offer18.generate(number.msisdn));
    } catch (error) {
      // The resend wait is for an SMS that may be on its way. A send that surely left none (Offer18 said no, or
      // never got it) gives the wait back, so "Try again" is not answered by "wait 0:30"; within the wait only,
      // or it would take from a later send's. The other budgets stay charged: they count calls to Offer18.
      const noSms = error instanceof UpstreamError ? error.code === 'upstream_rejected' || !error.reached : error instanceof ProxyError;
      if (noSms && std.resend && now() - started < settings.resendAfter * 1000) {
        await budgets.release([std.resend.key]).catch((failure: unknown) =>
          log({ level: 'warn', event: 'limits.release_failed', detail: (failure as Error)?.message ?? String(failure), message: 'Could not give back the resend wait of a send that left no SMS.' }),
        );
      }
      throw error;
    }
    const { click } = body.data;
    const claims = { id: randomId(), msisdn: number.msisdn, requestId, expiresAt: now() + ttlMs, epoch, shield: admission.claims, click };
    const session = await sessions.seal(claims);
    if (postbacks?.fires('sent')) await postbacks.record({ sessionId: claims.id, event: 'sent', msisdn: number.msisdn, country: number.country, click });
    log({
      level: 'info',
      event: 'otp.sent',
      msisdn: maskMsisdn(number.msisdn),
      country: number.country,
      requestId: requestId ?? null,
      ms: now() - started,
    });
    return { ok: true, session, resendAfter: settings.resendAfter, expiresIn: settings.sessionTtl, msisdn: number.e164 };
  }

  /** Records how a verify ended. A store that fails here leaves the session held until it expires: closed, never open. */
  async function settle(id: string, outcome: VerifyOutcome): Promise<void> {
    try {
      await verifies.settle(id, outcome);
    } catch (error) {
      log({
        level: 'error',
        event: 'verify.settle_failed',
        outcome,
        detail: (error as Error)?.message ?? String(error),
        message: 'Could not record how a verify ended; the session stays closed until it expires.',
      });
    }
  }

  /** Tells the shield a send converted. Advisory: the user is told of the conversion whatever the store says. */
  async function converted(claims: SessionClaims): Promise<void> {
    if (!claims.shield) return;
    try {
      await shield.converted(claims.shield);
    } catch (error) {
      log({ level: 'warn', event: 'shield.convert_failed', detail: (error as Error)?.message ?? String(error), message: 'Could not give back what a verified send borrowed.' });
    }
  }

  async function verify(request: Request): Promise<VerifyReply> {
    const body = VerifyRequest.safeParse(await readJson(request, MAX_BODY_BYTES));
    if (!body.success) throw bodyFieldError(body.error.issues);
    const otp = foldDigits(body.data.otp).replace(/[\s-]/g, '');
    if (!OTP_PATTERN.test(otp)) throw new ProxyError('otp_malformed', { field: 'otp' });

    const opened = await sessions.open(body.data.session, now());
    if (!opened.ok) {
      throw new ProxyError(opened.reason === 'expired' ? 'session_expired' : 'session_invalid', { field: 'session' });
    }
    const { claims } = opened;
    const begun = await verifies.begin(claims.id, claims.epoch, settings.maxAttempts, claims.expiresAt - now() + HOLD_MARGIN_MS);
    if (begun.state !== 'ok') {
      // Sent under a store state that is gone: its attempts and conversion may be forgotten, so it never verifies.
      if (begun.state === 'stale') throw new ProxyError('session_expired', { field: 'session' }, 'the store no longer holds this session');
      if (begun.state === 'used') throw new ProxyError('session_used');
      if (begun.state === 'busy') throw new ProxyError('verify_in_progress', { retryAfter: 1 });
      throw new ProxyError('session_locked', { attemptsLeft: 0 });
    }
    const { attemptsLeft } = begun;

    let answer;
    try {
      answer = await offer18.verify({ msisdn: claims.msisdn, requestId: claims.requestId, otp });
    } catch (error) {
      // Unclear answers count: the guess may have reached Offer18, and an attacker who could
      // make answers unclear (or just slow) would otherwise guess for free.
      const reached = !(error instanceof UpstreamError) || error.reached;
      await settle(claims.id, reached ? 'counted' : 'not_sent');
      if (error instanceof ProxyError) error.details.attemptsLeft = reached ? attemptsLeft : attemptsLeft + 1;
      throw error;
    }
    if (!answer.verified) {
      await settle(claims.id, 'counted');
      log({ level: 'info', event: 'otp.rejected', msisdn: maskMsisdn(claims.msisdn), upstream: answer.reason, attemptsLeft });
      throw new ProxyError('otp_invalid', { attemptsLeft });
    }
    // Offer18 has recorded the conversion. Its postback is in the outbox before our own record: a crash
    // between the two leaves the session held until it expires (closed) and the postback to be delivered,
    // never a conversion the tracker cannot learn of. Only the verify holding the session gets here, and
    // the txid is the session's, so one conversion is one postback.
    if (postbacks?.fires('verified')) {
      const country = postbacks.usesCountry ? parsePhoneNumberFromString(`+${claims.msisdn}`, metadata)?.country : undefined;
      await postbacks.record({ sessionId: claims.id, event: 'verified', msisdn: claims.msisdn, country, click: claims.click });
    }
    // The user is told of the conversion even if our own record fails.
    await Promise.all([settle(claims.id, 'verified'), converted(claims)]);
    log({ level: 'info', event: 'otp.verified', msisdn: maskMsisdn(claims.msisdn), requestId: claims.requestId ?? null });
    return { ok: true, verified: true };
  }

  async function handle(request: Request, info?: ConnectionInfo): Promise<Response> {
    let cors: Record<string, string> = {};
    let kind: 'send' | 'verify' | undefined;
    try {
      const url = new URL(request.url);
      const path = url.pathname;
      if (path === HEALTH_PATH) {
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new ProxyError('method_not_allowed');
        return json(200, { ok: true }, {}, Answer);
      }
      kind = path === sendPath ? 'send' : path === verifyPath ? 'verify' : undefined;
      if (!kind) throw new ProxyError('not_found');

      if (!origins.hostAllowed(url)) {
        log({ level: 'info', event: 'request.refused', error: 'misdirected_request', host: url.host });
        throw new ProxyError('misdirected_request');
      }
      const origin = origins.origin(request.headers.get('origin'));
      if (!origin.ok) {
        log({ level: 'info', event: 'request.refused', error: 'origin_forbidden', origin: request.headers.get('origin') });
        throw new ProxyError('origin_forbidden');
      }
      cors = origin.cors;
      if (request.method === 'OPTIONS') {
        return reply(204, null, { ...cors, ...PREFLIGHT_HEADERS }, Answer);
      }
      if (request.method !== 'POST') throw new ProxyError('method_not_allowed');
      const body = kind === 'send' ? await send(request, info) : await verify(request);
      observe({ kind, outcome: kind === 'send' ? 'sent' : 'verified' });
      return json(200, body, cors, Answer);
    } catch (error) {
      if (kind && request.method !== 'OPTIONS') {
        observe({ kind, outcome: error instanceof ProxyError ? error.code : 'internal_error' });
      }
      if (error instanceof ProxyError) {
        if (error.status >= 500) {
          log({ level: 'error', event: 'request.failed', error: error.code, detail: error.logDetail });
        } else if (error.logDetail) {
          // Refusals (spent budgets) are routine under attack: info, so they don't drown real failures.
          log({ level: 'info', event: 'request.refused', error: error.code, detail: error.logDetail });
        }
        const headers: Record<string, string> = { ...cors };
        if (error.code === 'method_not_allowed') {
          // Thrown before `kind` is known only for the health check.
          headers.allow = kind ? 'POST, OPTIONS' : 'GET, HEAD';
        }
        return errorResponse(error, headers, Answer);
      }
      log({
        level: 'error',
        event: 'request.crashed',
        error: (error as Error)?.name ?? 'Error',
        detail: (error as Error)?.message,
        // Without its first line: that is the message, logged (masked) above.
        stack: (error as Error)?.stack?.split('\n').slice(1).join('\n'),
      });
      return errorResponse(new ProxyError('internal_error'), cors, Answer);
    }
  }

  return Object.assign(handle, { close: async () => postbacks?.close() });
}
