/**
 * The component's calls to the proxy. Every outcome becomes a value, never a
 * throw: the component only has to choose a sentence. Replies are checked
 * for the fields the component uses; anything else is `bad_reply`.
 */
import { SEND_PATH, VERIFY_PATH } from '../contract/paths.js';
import { UPSTREAM_TIMEOUT_MAX_MS } from '../contract/timing.js';
import type { SendReply, VerifyReply, SendRequest, VerifyRequest } from '../contract/wire.js';
import { isClientErrorCode, type ClientError } from './error-text.js';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ClientError };

/**
 * How long a request may take before the component gives up on it: longer than any upstream deadline
 * an operator may set (`OFFER18_TIMEOUT_MS`), plus room for the proxy's own work and a slow mobile
 * network, so a proxy that is still waiting on a slow but working Offer18 is never cut off (the user
 * would try again and be sent a second SMS) and its own 504 arrives first. Until then the form stays
 * busy ("Sending…", "Checking…") and offers no second try; this catches only a proxy or a network
 * gone silent.
 */
export const REQUEST_TIMEOUT_MS = UPSTREAM_TIMEOUT_MAX_MS + 10_000;

function retryAfterOf(response: Response, body: Record<string, unknown> | undefined): number | undefined {
  const fromBody = body?.retryAfter;
  if (typeof fromBody === 'number' && fromBody >= 0) return fromBody;
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header >= 0 ? header : undefined;
}

async function post<T>(url: string, body: unknown, signal: AbortSignal, accept: (json: any) => boolean): Promise<ApiResult<T>> {
  // One signal for "the user moved on" and "no answer in time", built by hand: AbortSignal.any and
  // AbortSignal.timeout are missing from Safari before 17.4, which many iPhones still run.
  const request = new AbortController();
  const abort = () => request.abort();
  signal.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, REQUEST_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: request.signal,
      });
    } catch {
      if (timedOut) return { ok: false, error: { code: 'timeout' } };
      // A failed request says nothing about whose fault it is; the browser's own flag does.
      return { ok: false, error: { code: navigator.onLine === false ? 'offline' : 'network' } };
    }
    let json: any;
    try {
      json = await response.json();
    } catch {
      if (timedOut) return { ok: false, error: { code: 'timeout' } };
      json = undefined;
    }
    return read<T>(response, json, accept);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function read<T>(response: Response, json: any, accept: (json: any) => boolean): ApiResult<T> {
  if (response.ok && json?.ok === true && accept(json)) return { ok: true, value: json as T };
  if (json?.ok === false && typeof json.error === 'string') {
    return {
      ok: false,
      error: {
        code: isClientErrorCode(json.error) ? json.error : 'bad_reply',
        retryAfter: retryAfterOf(response, json),
        attemptsLeft: typeof json.attemptsLeft === 'number' ? json.attemptsLeft : undefined,
        field: typeof json.field === 'string' ? json.field : undefined,
      },
    };
  }
  // Not our proxy speaking: a load balancer's HTML page, a captive portal, a CDN error.
  if (response.status === 429) return { ok: false, error: { code: 'rate_limited', retryAfter: retryAfterOf(response, undefined) } };
  if (response.status === 504) return { ok: false, error: { code: 'upstream_timeout' } };
  if (response.status >= 500) return { ok: false, error: { code: 'upstream_unavailable' } };
  return { ok: false, error: { code: 'bad_reply' } };
}

export function createApi(endpoint: string) {
  const base = endpoint.replace(/\/+$/, '');
  return {
    send: (body: SendRequest, signal: AbortSignal) =>
      post<SendReply>(base + SEND_PATH, body, signal, (j) => typeof j.session === 'string' && typeof j.msisdn === 'string'),
    verify: (body: VerifyRequest, signal: AbortSignal) =>
      post<VerifyReply>(base + VERIFY_PATH, body, signal, (j) => j.verified === true),
  };
}

export type OtpApi = ReturnType<typeof createApi>;
