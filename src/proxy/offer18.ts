/**
 * The Offer18 OTP API client: `otp_gen` and `otp_verify`.
 *
 * Offer18's documentation shows two success words per call, `status` as a
 * string, and a `data` field that carries a requestId only when the
 * advertiser's API returned one, so replies are parsed loosely and classified
 * strictly. Upstream text is logged for the operator (scrubbed and masked by
 * the logger), never sent to the user.
 */
import { z } from 'zod';
import { ProxyError } from './errors.js';
import { readCapped } from './http.js';
import type { ProxySettings } from './config.js';
import type { Observer, UpstreamEndpoint, UpstreamErrorCode, UpstreamOutcome } from './observe.js';

/**
 * The one network operation the client needs; runtimes can bring a faster one.
 * `timeoutMs` is a deadline for the whole exchange, reply body included: past
 * it the transport rejects with an error named `TimeoutError`. A transport
 * that knows the request never left (connection refused, DNS failure) rejects
 * with `UpstreamNotReached`.
 */
export type Transport = (url: string, init: { timeoutMs: number }) => Promise<{ status: number; body: string }>;

export class UpstreamNotReached extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamNotReached';
  }
}

export const MAX_REPLY_BYTES = 64 * 1024;

/** Global `fetch`, redirects not followed, reply capped. Works on every fetch-standard runtime. */
export const fetchTransport: Transport = async (url, { timeoutMs }) => {
  // One signal for the request and the body: a reply dribbled byte by byte still ends at the deadline.
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, { method: 'POST', redirect: 'manual', signal, headers: { accept: 'application/json' } });
  // An oversized reply is cut short; what is left will not parse, which is the right outcome.
  const { bytes } = await readCapped(response.body, MAX_REPLY_BYTES);
  return { status: response.status, body: new TextDecoder().decode(bytes) };
};

/** A failed call, and whether the request may have reached Offer18 (a guess then counts). */
export class UpstreamError extends ProxyError {
  readonly reached: boolean;
  declare readonly code: UpstreamErrorCode;
  constructor(code: UpstreamErrorCode, logDetail: string, reached = true) {
    super(code, {}, logDetail);
    this.reached = reached;
  }
}

const Reply = z.looseObject({
  status: z.union([z.string(), z.number()]).transform((s) => String(s).trim()),
  response: z.string().optional(),
  error: z.unknown().optional(),
  message: z.unknown().optional(),
  data: z.unknown().optional(),
});
type Reply = z.output<typeof Reply>;

const SENT = new Set(['otp_sent', 'otp_sent_successfully']);
const VERIFIED = new Set(['otp_verified', 'otp_verified_successfully']);
// The one failure the docs name. On verify it means our key/aid/mid are wrong, not the user's code.
const CREDENTIAL_ERRORS = /credential|unauthori[sz]ed|api[_ ]?key|forbidden/i;

/**
 * The longest requestId kept. Offer18's are a few dozen hex digits; printable
 * ASCII only (JSON writes any other character as six), so the session token
 * that seals it stays within SESSION_MAX_CHARS whatever else it carries.
 */
export const REQUEST_ID_MAX_CHARS = 256;
const REQUEST_ID = new RegExp(`^[\\x20-\\x7e]{1,${REQUEST_ID_MAX_CHARS}}$`);

/** `data` is a requestId string, an object holding one, or absent. One the token could not carry is left out, as a missing one is. */
function requestIdOf(data: unknown): string | undefined {
  if (typeof data === 'string' || typeof data === 'number') {
    const id = String(data).trim();
    return REQUEST_ID.test(id) ? id : undefined;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    return requestIdOf(record.requestId ?? record.request_id ?? record.requestID);
  }
  return undefined;
}

/** Offer18's own words, whole: the logger scrubs, masks and cuts them, in that order. */
function errorText(reply: Reply): string {
  const text = reply.error ?? reply.message ?? reply.response ?? 'unknown';
  return typeof text === 'string' ? text : JSON.stringify(text);
}

export type VerifyAnswer = { verified: true } | { verified: false; reason: string };

export interface Offer18Client {
  generate(msisdn: string): Promise<{ requestId: string | undefined }>;
  /** A clear yes or no; anything unclear throws an `UpstreamError`. */
  verify(input: { msisdn: string; requestId: string | undefined; otp: string }): Promise<VerifyAnswer>;
}

export function createOffer18Client(
  settings: ProxySettings['offer18'],
  transport: Transport = fetchTransport,
  observe: Observer = () => {},
  now: () => number = Date.now,
): Offer18Client {
  const common = () => new URLSearchParams({ key: settings.key, aid: settings.aid, mid: settings.mid });

  /** One upstream call, timed; `classify` turns the reply into the caller's answer or an UpstreamError. */
  async function call<T>(endpoint: UpstreamEndpoint, params: URLSearchParams, classify: (reply: Reply) => T): Promise<T> {
    const started = now();
    let outcome: UpstreamOutcome = 'answered';
    try {
      return classify(await exchange(endpoint, params));
    } catch (error) {
      if (error instanceof UpstreamError) outcome = error.code.slice('upstream_'.length) as UpstreamOutcome;
      throw error;
    } finally {
      observe({ kind: 'upstream', endpoint, outcome, seconds: (now() - started) / 1000 });
    }
  }

  async function exchange(endpoint: UpstreamEndpoint, params: URLSearchParams): Promise<Reply> {
    const url = `${settings.apiBase}/${endpoint}?${params}`;
    let status: number;
    let body: string;
    try {
      ({ status, body } = await transport(url, { timeoutMs: settings.timeoutMs }));
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new UpstreamError('upstream_timeout', `${endpoint}: no complete answer within ${settings.timeoutMs} ms`);
      }
      const message = `${endpoint}: ${(error as Error)?.message ?? 'network error'}`;
      throw new UpstreamError('upstream_unavailable', message, !(error instanceof UpstreamNotReached));
    }

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const parsed = Reply.safeParse(json);
    if (status >= 500) {
      throw new UpstreamError('upstream_unavailable', `${endpoint}: HTTP ${status}`);
    }
    if (status >= 300 && status < 400) {
      throw new UpstreamError('upstream_bad_reply', `${endpoint}: HTTP ${status} redirect not followed`);
    }
    if (!parsed.success) {
      throw new UpstreamError('upstream_bad_reply', `${endpoint}: HTTP ${status}, unreadable reply (${body.length} bytes)`);
    }
    return parsed.data;
  }

  return {
    async generate(msisdn) {
      const params = common();
      params.set('msisdn', msisdn);
      params.set('partner', settings.partner);
      if (settings.userId) params.set('userId', settings.userId);
      if (settings.type) params.set('type', settings.type);
      return call('otp_gen', params, (reply) => {
        if (reply.status === '200' && reply.response !== undefined && SENT.has(reply.response)) {
          return { requestId: requestIdOf(reply.data) };
        }
        if (reply.status === '200') {
          throw new UpstreamError('upstream_bad_reply', `otp_gen: status 200 with response ${JSON.stringify(reply.response)}`);
        }
        throw new UpstreamError('upstream_rejected', `otp_gen: status ${reply.status}, ${errorText(reply)}`);
      });
    },

    async verify({ msisdn, requestId, otp }) {
      const params = common();
      params.set('msisdn', msisdn);
      params.set('partner', settings.partner);
      if (settings.userId) params.set('userId', settings.userId);
      // Sent empty rather than left out: the docs list it on every verify.
      params.set('request_id', requestId ?? '');
      params.set('otp', otp);
      return call('otp_verify', params, (reply): VerifyAnswer => {
        if (reply.status === '200' && reply.response !== undefined && VERIFIED.has(reply.response)) {
          return { verified: true };
        }
        if (reply.status === '200') {
          throw new UpstreamError('upstream_bad_reply', `otp_verify: status 200 with response ${JSON.stringify(reply.response)}`);
        }
        const reason = errorText(reply);
        if (CREDENTIAL_ERRORS.test(reason)) {
          throw new UpstreamError('upstream_rejected', `otp_verify: status ${reply.status}, ${reason}`);
        }
        return { verified: false, reason };
      });
    },
  };
}
