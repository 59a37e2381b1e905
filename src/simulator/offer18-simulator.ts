/**
 * A local stand-in for Offer18's `otp_gen` and `otp_verify`.
 *
 * It behaves as the docs describe (POST, parameters in the query string,
 * `status` as a string, credentials checked) and can be told to answer in
 * every documented variant or to misbehave, so the proxy is tested against
 * the same shapes the real service produces. Nothing leaves the machine: the
 * "SMS" lands in `inbox` and in one printed line.
 */
import { z } from 'zod';
import { maskMsisdn } from '../shared/phone.js';

export const SIMULATOR_FAULTS = [
  'none',
  'slow',
  'hang',
  'html_500',
  'json_503',
  'non_json',
  'truncated_json',
  'wrong_shape',
  'unknown_response',
  'ok_with_error',
  'dribble',
  'invalid_credentials',
  'redirect',
  'reset',
] as const;
export type SimulatorFault = (typeof SIMULATOR_FAULTS)[number];

export interface ReplyVariant {
  /** `"200"` as the docs print it, or the number 200. */
  status: 'string' | 'number';
  sent: 'otp_sent' | 'otp_sent_successfully';
  verified: 'otp_verified' | 'otp_verified_successfully';
  /** The requestId as `data: "…"`, as `data: {requestId: "…"}`, or no `data` at all. */
  data: 'string' | 'object' | 'absent';
  /** HTTP status of a `{"status":"400","error":…}` reply. */
  failureHttpStatus: 200 | 400;
}

export interface SimulatorCredentials {
  key: string;
  aid: string;
  mid: string;
}

export interface SimulatedSms {
  to: string;
  code: string;
  requestId: string | undefined;
  sentAt: number;
}

export interface UpstreamCall {
  endpoint: 'otp_gen' | 'otp_verify';
  method: string;
  params: Record<string, string>;
  at: number;
}

export interface SimulatorOptions {
  credentials?: Partial<SimulatorCredentials>;
  codeLength?: number;
  codeTtlMs?: number;
  variant?: Partial<ReplyVariant>;
  /** Where the "SMS sent" lines go; `console.log` by default. */
  print?: (line: string) => void;
  now?: () => number;
}

export interface FaultOptions {
  /** Only this endpoint misbehaves; both by default. */
  endpoint?: 'otp_gen' | 'otp_verify';
  /** For `slow`: how long to wait before answering; for `dribble`: between bytes (400 ms by default). */
  delayMs?: number;
}

export const DEFAULT_VARIANT: ReplyVariant = {
  status: 'string',
  sent: 'otp_sent',
  verified: 'otp_verified',
  data: 'string',
  failureHttpStatus: 200,
};

/**
 * Every reply shape Offer18's documentation shows, each a way a real campaign
 * may answer: the proxy must read them all alike.
 */
export const DOCUMENTED_VARIANTS: ReadonlyArray<Partial<ReplyVariant>> = [
  { status: 'string', sent: 'otp_sent', verified: 'otp_verified', data: 'string' },
  { status: 'number', sent: 'otp_sent', verified: 'otp_verified', data: 'string' },
  { status: 'string', sent: 'otp_sent_successfully', verified: 'otp_verified_successfully', data: 'absent' },
  { status: 'number', sent: 'otp_sent_successfully', verified: 'otp_verified_successfully', data: 'object' },
  { status: 'string', sent: 'otp_sent', verified: 'otp_verified', data: 'object', failureHttpStatus: 400 },
];

export const CONTROL_PREFIX = '/__simulator';

/**
 * Budgets for previews: a marketer tries the same number again and again.
 * Real deployments keep the defaults (3 sends per number per 15 minutes).
 */
export const SIMULATION_LIMITS = { numberLimit: 100, clientLimit: 10_000, resendAfter: 30 };

/**
 * The settings a proxy runs with against a simulator: its throwaway
 * credentials, and preview budgets and a throwaway session secret unless the
 * environment sets them. Nothing real to protect, so no warning for the secret.
 */
export function simulationSettings(env: Readonly<Record<string, string | undefined>>, credentials: SimulatorCredentials, apiBase: string): Record<string, string> {
  return {
    OFFER18_KEY: credentials.key,
    OFFER18_AID: credentials.aid,
    OFFER18_MID: credentials.mid,
    OFFER18_PARTNER: env.OFFER18_PARTNER || 'simulator',
    OFFER18_API_BASE: apiBase,
    OTP_SESSION_SECRET: env.OTP_SESSION_SECRET || crypto.randomUUID() + crypto.randomUUID(),
    OTP_NUMBER_LIMIT: env.OTP_NUMBER_LIMIT || String(SIMULATION_LIMITS.numberLimit),
    OTP_CLIENT_LIMIT: env.OTP_CLIENT_LIMIT || String(SIMULATION_LIMITS.clientLimit),
    OTP_RESEND_AFTER: env.OTP_RESEND_AFTER || String(SIMULATION_LIMITS.resendAfter),
  };
}

const FaultBody = z.strictObject({
  fault: z.enum(SIMULATOR_FAULTS),
  endpoint: z.enum(['otp_gen', 'otp_verify']).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
});
const VariantBody = z.strictObject({
  status: z.enum(['string', 'number']).optional(),
  sent: z.enum(['otp_sent', 'otp_sent_successfully']).optional(),
  verified: z.enum(['otp_verified', 'otp_verified_successfully']).optional(),
  data: z.enum(['string', 'object', 'absent']).optional(),
  failureHttpStatus: z.union([z.literal(200), z.literal(400)]).optional(),
});

interface Pending {
  msisdn: string;
  code: string;
  requestId: string;
  expiresAt: number;
}

function randomDigits(length: number): string {
  const values = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(values, (v) => String(v % 10)).join('');
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export class Offer18Simulator {
  readonly credentials: SimulatorCredentials;
  readonly inbox: SimulatedSms[] = [];
  readonly calls: UpstreamCall[] = [];
  variant: ReplyVariant;
  #fault: { fault: SimulatorFault } & FaultOptions = { fault: 'none' };
  readonly #pending = new Map<string, Pending>();
  readonly #codeLength: number;
  readonly #codeTtlMs: number;
  readonly #print: (line: string) => void;
  readonly #now: () => number;
  readonly #closing = new AbortController();

  constructor(options: SimulatorOptions = {}) {
    this.credentials = {
      key: options.credentials?.key ?? `sim_${randomHex(12)}`,
      aid: options.credentials?.aid ?? '1001',
      mid: options.credentials?.mid ?? '2002',
    };
    this.variant = { ...DEFAULT_VARIANT, ...options.variant };
    this.#codeLength = options.codeLength ?? 6;
    this.#codeTtlMs = options.codeTtlMs ?? 5 * 60_000;
    this.#print = options.print ?? ((line) => console.log(line));
    this.#now = options.now ?? Date.now;
  }

  setFault(fault: SimulatorFault, options: FaultOptions = {}): void {
    this.#fault = { fault, ...options };
  }

  setVariant(variant: Partial<ReplyVariant>): void {
    this.variant = { ...this.variant, ...variant };
  }

  /** Forgets messages, calls, pending codes and faults; keeps the credentials. */
  reset(): void {
    this.inbox.length = 0;
    this.calls.length = 0;
    this.#pending.clear();
    this.#fault = { fault: 'none' };
    this.variant = { ...DEFAULT_VARIANT };
  }

  /** The last code "sent" to a number (international digits), or to anyone. */
  lastCode(msisdn?: string): string | undefined {
    const messages = msisdn ? this.inbox.filter((m) => m.to === msisdn) : this.inbox;
    return messages.at(-1)?.code;
  }

  /** Ends any hanging replies, so a server holding them can close. */
  close(): void {
    this.#closing.abort();
  }

  /** The fault's options (e.g. `delayMs`), for the server that acts out socket-level faults. */
  get faultOptions(): FaultOptions {
    const { fault: _fault, ...options } = this.#fault;
    return options;
  }

  /** A reply the way a well-behaved upstream would give it, for faults that only change how it travels. */
  successBody(endpoint: 'otp_gen' | 'otp_verify'): string {
    return JSON.stringify({ status: this.#status(), response: endpoint === 'otp_gen' ? this.variant.sent : this.variant.verified });
  }

  faultFor(endpoint: string): SimulatorFault {
    const { fault, endpoint: only } = this.#fault;
    return only && only !== endpoint ? 'none' : fault;
  }

  /** The upstream endpoint a path names, if any: `/api/af/otp_gen` → `otp_gen`. */
  static endpointOf(pathname: string): 'otp_gen' | 'otp_verify' | undefined {
    const last = pathname.split('/').at(-1);
    return last === 'otp_gen' || last === 'otp_verify' ? last : undefined;
  }

  record(endpoint: 'otp_gen' | 'otp_verify', request: Request): Record<string, string> {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    this.calls.push({ endpoint, method: request.method, params, at: this.#now() });
    return params;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return this.#control(request, url.pathname.slice(CONTROL_PREFIX.length));
    const endpoint = Offer18Simulator.endpointOf(url.pathname);
    if (!endpoint) return Response.json({ status: '404', error: 'not_found' }, { status: 404 });
    const params = this.record(endpoint, request);
    if (request.method !== 'POST') return Response.json({ status: '405', error: 'method_not_allowed' }, { status: 405 });

    const misbehaviour = await this.#misbehave(endpoint, request.signal);
    if (misbehaviour) return misbehaviour;
    return endpoint === 'otp_gen' ? this.#generate(params) : this.#verify(params);
  };

  #status(): string | number {
    return this.variant.status === 'number' ? 200 : '200';
  }

  #failure(error: string): Response {
    const status = this.variant.status === 'number' ? 400 : '400';
    return Response.json({ status, error }, { status: this.variant.failureHttpStatus });
  }

  #credentialsOk(params: Record<string, string>): boolean {
    const { key, aid, mid } = this.credentials;
    return params.key === key && params.aid === aid && params.mid === mid;
  }

  #generate(params: Record<string, string>): Response {
    if (!this.#credentialsOk(params)) return this.#failure('invalid_user_credentials');
    const msisdn = params.msisdn ?? '';
    if (!/^\d{6,15}$/.test(msisdn)) return this.#failure('invalid_msisdn');
    if (!params.partner) return this.#failure('invalid_partner');

    const requestId = randomHex(14);
    const code = randomDigits(this.#codeLength);
    this.#pending.set(requestId, { msisdn, code, requestId, expiresAt: this.#now() + this.#codeTtlMs });
    const issuesId = this.variant.data !== 'absent';
    this.inbox.push({ to: msisdn, code, requestId: issuesId ? requestId : undefined, sentAt: this.#now() });
    this.#print(`[offer18-simulator] SMS to +${maskMsisdn(msisdn)}: your code is ${code}`);

    const body: Record<string, unknown> = { status: this.#status(), response: this.variant.sent };
    if (this.variant.data === 'string') body.data = requestId;
    if (this.variant.data === 'object') body.data = { requestId };
    return Response.json(body);
  }

  #verify(params: Record<string, string>): Response {
    if (!this.#credentialsOk(params)) return this.#failure('invalid_user_credentials');
    const msisdn = params.msisdn ?? '';
    const otp = params.otp ?? '';
    if (!msisdn || !otp) return this.#failure('missing_parameters');

    const requestId = params.request_id;
    // Without a requestId (the advertiser returned none) the newest code for the number counts.
    const pending = requestId
      ? this.#pending.get(requestId)
      : [...this.#pending.values()].filter((p) => p.msisdn === msisdn).at(-1);
    if (!pending || pending.msisdn !== msisdn) return this.#failure('invalid_otp');
    if (pending.expiresAt <= this.#now()) {
      this.#pending.delete(pending.requestId);
      return this.#failure('otp_expired');
    }
    if (pending.code !== otp) return this.#failure('invalid_otp');
    this.#pending.delete(pending.requestId);
    return Response.json({ status: this.#status(), response: this.variant.verified });
  }

  async #misbehave(endpoint: string, signal: AbortSignal): Promise<Response | undefined> {
    const { delayMs } = this.#fault;
    // Made only when a fault waits: the Worker kit's simulator serves many requests, and workerd forbids
    // one request to touch an I/O object (the closing controller's signal) made by another.
    const stop = () => AbortSignal.any([signal, this.#closing.signal]);
    switch (this.faultFor(endpoint)) {
      case 'none':
      case 'reset': // Handled by the Node server, which owns the socket.
        return undefined;
      case 'slow': {
        const stopped = stop();
        await sleep(delayMs ?? 1_500, stopped);
        // A caller that gave up never reaches the advertiser; the code stays usable.
        return stopped.aborted ? new Response(null, { status: 499 }) : undefined;
      }
      case 'hang':
        await sleep(120_000, stop());
        return new Response(null, { status: 504 });
      case 'html_500':
        return new Response('<!doctype html><title>500</title><h1>Internal Server Error</h1>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        });
      case 'json_503':
        return Response.json({ status: '503', error: 'service_unavailable' }, { status: 503 });
      case 'non_json':
        return new Response('OK otp sent', { headers: { 'content-type': 'text/plain' } });
      case 'truncated_json':
        return new Response('{"status":"200","respon', { headers: { 'content-type': 'application/json' } });
      case 'wrong_shape':
        return Response.json({ ok: true, result: ['otp_sent'] });
      case 'unknown_response':
        return Response.json({ status: this.#status(), response: 'queued' });
      case 'ok_with_error':
        return Response.json({ status: this.#status(), error: 'temporary_failure' });
      case 'dribble':
        // Handled by the Node server, which owns the socket.
        return undefined;
      case 'invalid_credentials':
        return this.#failure('invalid_user_credentials');
      case 'redirect':
        return new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
    }
  }

  async #control(request: Request, path: string): Promise<Response> {
    if (request.method === 'GET' && path === '/inbox') {
      return Response.json({ messages: this.inbox.map(({ to, code, sentAt }) => ({ to: `+${to}`, code, sentAt })) });
    }
    if (request.method !== 'POST') return Response.json({ ok: false, error: 'not_found' }, { status: 404 });
    let body: unknown = {};
    try {
      const text = await request.text();
      body = text ? JSON.parse(text) : {};
    } catch {
      return Response.json({ ok: false, error: 'invalid_json' }, { status: 400 });
    }
    if (path === '/reset') {
      this.reset();
      return Response.json({ ok: true });
    }
    if (path === '/fault') {
      const parsed = FaultBody.safeParse(body);
      if (!parsed.success) return Response.json({ ok: false, error: 'invalid_request' }, { status: 400 });
      const { fault, ...options } = parsed.data;
      this.setFault(fault, options);
      return Response.json({ ok: true });
    }
    if (path === '/variant') {
      const parsed = VariantBody.safeParse(body);
      if (!parsed.success) return Response.json({ ok: false, error: 'invalid_request' }, { status: 400 });
      this.setVariant(parsed.data);
      return Response.json({ ok: true, variant: this.variant });
    }
    return Response.json({ ok: false, error: 'not_found' }, { status: 404 });
  }
}
