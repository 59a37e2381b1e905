/**
 * A local stand-in for Offer18's `otp_gen` and `otp_verify`.
 *
 * It behaves as the docs describe (POST, parameters in the query string,
 * `status` as a string, credentials checked) and can be told to answer in
 * every documented variant (`offer18-replies.ts`) or to misbehave
 * (`faults.ts`), so the proxy is tested against the same shapes the real
 * service produces. Nothing leaves the machine: the "SMS" lands in `inbox`
 * and in one printed line.
 */
import { maskMsisdn } from '../shared/phone.js';
import { CONTROL_PREFIX, controlReply, type SimulatorControls } from './control.js';
import { misbehave, type FaultOptions, type SimulatorFault } from './faults.js';
import {
  DEFAULT_VARIANT,
  failureReply,
  sentReply,
  successBody,
  verifiedReply,
  type Offer18Endpoint,
  type ReplyVariant,
} from './offer18-replies.js';

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
  endpoint: Offer18Endpoint;
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

export class Offer18Simulator implements SimulatorControls {
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
  successBody(endpoint: Offer18Endpoint): string {
    return successBody(this.variant, endpoint);
  }

  faultFor(endpoint: string): SimulatorFault {
    const { fault, endpoint: only } = this.#fault;
    return only && only !== endpoint ? 'none' : fault;
  }

  /** The upstream endpoint a path names, if any: `/api/af/otp_gen` → `otp_gen`. */
  static endpointOf(pathname: string): Offer18Endpoint | undefined {
    const last = pathname.split('/').at(-1);
    return last === 'otp_gen' || last === 'otp_verify' ? last : undefined;
  }

  record(endpoint: Offer18Endpoint, request: Request): Record<string, string> {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    this.calls.push({ endpoint, method: request.method, params, at: this.#now() });
    return params;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return controlReply(this, request, url.pathname.slice(CONTROL_PREFIX.length));
    const endpoint = Offer18Simulator.endpointOf(url.pathname);
    if (!endpoint) return Response.json({ status: '404', error: 'not_found' }, { status: 404 });
    const params = this.record(endpoint, request);
    if (request.method !== 'POST') return Response.json({ status: '405', error: 'method_not_allowed' }, { status: 405 });

    // Made only when a fault waits: the Worker kit's simulator serves many requests, and workerd forbids
    // one request to touch an I/O object (the closing controller's signal) made by another.
    const stop = () => AbortSignal.any([request.signal, this.#closing.signal]);
    const misbehaviour = await misbehave(this.faultFor(endpoint), this.#fault, this.variant, stop);
    if (misbehaviour) return misbehaviour;
    return endpoint === 'otp_gen' ? this.#generate(params) : this.#verify(params);
  };

  #credentialsOk(params: Record<string, string>): boolean {
    const { key, aid, mid } = this.credentials;
    return params.key === key && params.aid === aid && params.mid === mid;
  }

  #generate(params: Record<string, string>): Response {
    if (!this.#credentialsOk(params)) return failureReply(this.variant, 'invalid_user_credentials');
    const msisdn = params.msisdn ?? '';
    if (!/^\d{6,15}$/.test(msisdn)) return failureReply(this.variant, 'invalid_msisdn');
    if (!params.partner) return failureReply(this.variant, 'invalid_partner');

    const requestId = randomHex(14);
    const code = randomDigits(this.#codeLength);
    this.#pending.set(requestId, { msisdn, code, requestId, expiresAt: this.#now() + this.#codeTtlMs });
    const issuesId = this.variant.data !== 'absent';
    this.inbox.push({ to: msisdn, code, requestId: issuesId ? requestId : undefined, sentAt: this.#now() });
    this.#print(`[offer18-simulator] SMS to +${maskMsisdn(msisdn)}: your code is ${code}`);
    return sentReply(this.variant, requestId);
  }

  #verify(params: Record<string, string>): Response {
    if (!this.#credentialsOk(params)) return failureReply(this.variant, 'invalid_user_credentials');
    const msisdn = params.msisdn ?? '';
    const otp = params.otp ?? '';
    if (!msisdn || !otp) return failureReply(this.variant, 'missing_parameters');

    const requestId = params.request_id;
    // Without a requestId (the advertiser returned none) the newest code for the number counts.
    const pending = requestId
      ? this.#pending.get(requestId)
      : [...this.#pending.values()].filter((p) => p.msisdn === msisdn).at(-1);
    if (!pending || pending.msisdn !== msisdn) return failureReply(this.variant, 'invalid_otp');
    if (pending.expiresAt <= this.#now()) {
      this.#pending.delete(pending.requestId);
      return failureReply(this.variant, 'otp_expired');
    }
    if (pending.code !== otp) return failureReply(this.variant, 'invalid_otp');
    this.#pending.delete(pending.requestId);
    return verifiedReply(this.variant);
  }
}
