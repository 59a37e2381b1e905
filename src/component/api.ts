/**
 * The component's calls to the proxy. Every outcome becomes a value, never a
 * throw: the component only has to choose a sentence. Every reply is checked
 * against the contract's shape before a value is read from it; one that does
 * not fit is read by its HTTP status alone, as any reply not from our proxy.
 */
import { SEND_PATH, VERIFY_PATH } from '../contract/paths.js';
import { conforms, ERROR_REPLY, fits, SEND_REPLY, VERIFY_REPLY, WAIT, type Infer, type Shape } from '../contract/replies.js';
import { UPSTREAM_TIMEOUT_MAX_MS } from '../contract/timing.js';
import type { SendRequest, VerifyRequest } from '../contract/wire.js';
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

/** `Retry-After` in whole seconds (its HTTP-date form is not read). */
function retryAfterHeader(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  const seconds = header && /^\d{1,9}$/.test(header.trim()) ? Number(header) : undefined;
  return fits(WAIT, seconds) ? seconds : undefined;
}

async function post<S extends Shape>(url: string, body: unknown, signal: AbortSignal, shape: S): Promise<ApiResult<Infer<S>>> {
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
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      if (timedOut) return { ok: false, error: { code: 'timeout' } };
      json = undefined;
    }
    return read(response, json, shape);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function read<S extends Shape>(response: Response, json: unknown, shape: S): ApiResult<Infer<S>> {
  if (response.ok && conforms(shape, json)) return { ok: true, value: json };
  if (conforms(ERROR_REPLY, json)) {
    return {
      ok: false,
      error: {
        code: isClientErrorCode(json.error) ? json.error : 'bad_reply',
        retryAfter: json.retryAfter ?? retryAfterHeader(response),
        attemptsLeft: json.attemptsLeft,
        field: json.field,
        challenge: json.challenge,
      },
    };
  }
  // Not our proxy speaking, or not as the contract says: a load balancer's HTML page, a captive portal,
  // a CDN error, a reply with values no one could show.
  if (response.status === 429) return { ok: false, error: { code: 'rate_limited', retryAfter: retryAfterHeader(response) } };
  if (response.status === 504) return { ok: false, error: { code: 'upstream_timeout' } };
  if (response.status >= 500) return { ok: false, error: { code: 'upstream_unavailable' } };
  return { ok: false, error: { code: 'bad_reply' } };
}

export function createApi(endpoint: string) {
  // Trailing slashes trimmed by hand: /\/+$/ backtracks quadratically on a long run of them.
  let end = endpoint.length;
  while (endpoint[end - 1] === '/') end--;
  const base = endpoint.slice(0, end);
  return {
    send: (body: SendRequest, signal: AbortSignal) => post(base + SEND_PATH, body, signal, SEND_REPLY),
    verify: (body: VerifyRequest, signal: AbortSignal) => post(base + VERIFY_PATH, body, signal, VERIFY_REPLY),
  };
}

export type OtpApi = ReturnType<typeof createApi>;
