/**
 * Prometheus metrics for the proxy on Node, from the core's measurements
 * (`observe`), in a registry of their own, served on a port of their own.
 *
 * Every label value comes from a closed list: the contract's error codes and
 * a few fixed words. A measurement carrying anything else is counted under
 * `other`, so no number, code or address can ever become a label, whatever a
 * future core reports.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ERRORS, isErrorCode, type ErrorCode } from '../contract/errors.js';
import type { Logger } from '../proxy/log.js';
import {
  CHALLENGE_OUTCOMES,
  POSTBACK_OUTCOMES,
  POSTBACK_STAGES,
  PREFIX_OUTCOMES,
  UPSTREAM_ENDPOINTS,
  UPSTREAM_OUTCOMES,
  type Measurement,
  type Observer,
} from '../proxy/observe.js';
import { serve, type RunningServer } from './node.js';

/** What became of a send or a verify, coarse enough to sum: the `reason` label says which code. */
const OUTCOMES = ['sent', 'verified', 'wrong_code', 'refused', 'upstream_error', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const UPSTREAM = new Set<string>(UPSTREAM_OUTCOMES);
const CHALLENGES = new Set<string>(CHALLENGE_OUTCOMES);
const PREFIXES = new Set<string>(PREFIX_OUTCOMES);
const ENDPOINTS = new Set<string>(UPSTREAM_ENDPOINTS);
const POSTBACKS = new Set<string>(POSTBACK_OUTCOMES);
const STAGES = new Set<string>(POSTBACK_STAGES);

/**
 * An error code's outcome: Offer18 failing (`upstream_*`), us failing (5xx:
 * a store down, a bug), a wrong code, or a refusal (every other 4xx, from a
 * malformed number to a spent budget).
 */
function outcomeOf(code: ErrorCode): Outcome {
  if (code === 'otp_invalid') return 'wrong_code';
  if (code.startsWith('upstream_')) return 'upstream_error';
  return ERRORS[code].status >= 500 ? 'failed' : 'refused';
}

/** Every label value the proxy's series can carry; a test holds the exposition to it. */
export const LABEL_VALUES: ReadonlySet<string> = new Set([
  ...OUTCOMES,
  'other',
  'memory',
  'redis',
  ...UPSTREAM,
  ...CHALLENGES,
  ...PREFIXES,
  ...ENDPOINTS,
  ...POSTBACKS,
  ...STAGES,
  ...Object.keys(ERRORS),
]);

/**
 * Seconds, from a fast answer on a good day to OFFER18_TIMEOUT_MS's ceiling;
 * 8 s is the default deadline, so timeouts sit in their own bucket.
 */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

export interface OtpMetrics {
  readonly registry: Registry;
  /** Give to `createOtpProxy({ observe })`. */
  readonly observe: Observer;
  /** Reports a store as up or down at every scrape: memory is always up, Redis while connected. */
  watchStore(store: 'memory' | 'redis', up: () => boolean): void;
}

/**
 * The proxy's series in a new registry (never prom-client's global one, which
 * an app embedding the proxy may use for its own), plus Node's process
 * metrics unless `processMetrics: false`.
 */
export function createMetrics({ processMetrics = true, prefix = 'otp_flow_' }: { processMetrics?: boolean; prefix?: string } = {}): OtpMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const counter = (what: 'sends' | 'verifies', help: string) =>
    new Counter({ name: `${prefix}${what}_total`, help, labelNames: ['outcome', 'reason'] as const, registers: [registry] });
  const sends = counter('sends', 'Sends (POST /send) by outcome; reason is the error code, for every outcome but sent.');
  const verifies = counter('verifies', 'Verifies (POST /verify) by outcome; reason is the error code, for every outcome but verified and wrong_code.');
  // Present from the start, so rate() and ratios have a series before the first send.
  sends.inc({ outcome: 'sent' }, 0);
  verifies.inc({ outcome: 'verified' }, 0);
  verifies.inc({ outcome: 'wrong_code' }, 0);

  const upstream = new Histogram({
    name: `${prefix}offer18_request_duration_seconds`,
    help: `Calls to Offer18 (${UPSTREAM_ENDPOINTS.join(', ')}) by how they ended: ${UPSTREAM_OUTCOMES[0]}, or ${UPSTREAM_OUTCOMES.slice(1).join(', ')}.`,
    labelNames: ['endpoint', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const stores = new Map<string, () => boolean>();
  new Gauge({
    name: `${prefix}store_up`,
    help: 'Whether the store budgets and verifies live in can answer (1) or not (0): memory always, Redis while connected.',
    labelNames: ['store'] as const,
    registers: [registry],
    collect() {
      for (const [store, up] of stores) this.set({ store }, up() ? 1 : 0);
    },
  });

  const challenges = new Counter({
    name: `${prefix}challenges_total`,
    help: 'Proof-of-work challenges: issued (a 428), solved (a send carried a valid one), failed (invalid, expired or already used).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const ranges = new Counter({
    name: `${prefix}prefixes_total`,
    help: 'Number ranges (a number but its last 4 digits) the prefix guard paused (suspended) or found served again (released).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  for (const outcome of CHALLENGES) challenges.inc({ outcome }, 0);
  for (const outcome of PREFIXES) ranges.inc({ outcome }, 0);

  const postbacks = new Counter({
    name: `${prefix}postbacks_total`,
    help: 'Attempts to deliver a postback to the tracker, by event (sent, verified) and outcome: delivered (2xx), retried (anything else: tried again later), dropped (given up after 24 h).',
    labelNames: ['event', 'outcome'] as const,
    registers: [registry],
  });
  for (const outcome of POSTBACKS) postbacks.inc({ event: 'verified', outcome }, 0);
  const outbox = new Gauge({
    name: `${prefix}postback_outbox_size`,
    help: 'Postbacks waiting in the outbox (neither delivered nor dropped), as of the last pass over it.',
    registers: [registry],
  });

  const observe: Observer = (measurement: Measurement) => {
    if (measurement.kind === 'postback') {
      const event = STAGES.has(measurement.stage) ? measurement.stage : 'other';
      postbacks.inc({ event, outcome: POSTBACKS.has(measurement.outcome) ? measurement.outcome : 'other' });
      return;
    }
    if (measurement.kind === 'postback_outbox') {
      if (Number.isFinite(measurement.size) && measurement.size >= 0) outbox.set(measurement.size);
      return;
    }
    if (measurement.kind === 'challenge' || measurement.kind === 'prefix') {
      const known = measurement.kind === 'challenge' ? CHALLENGES : PREFIXES;
      (measurement.kind === 'challenge' ? challenges : ranges).inc({ outcome: known.has(measurement.outcome) ? measurement.outcome : 'other' });
      return;
    }
    if (measurement.kind === 'upstream') {
      const endpoint = ENDPOINTS.has(measurement.endpoint) ? measurement.endpoint : 'other';
      const outcome = UPSTREAM.has(measurement.outcome) ? measurement.outcome : 'other';
      if (Number.isFinite(measurement.seconds) && measurement.seconds >= 0) upstream.observe({ endpoint, outcome }, measurement.seconds);
      return;
    }
    const series = measurement.kind === 'send' ? sends : measurement.kind === 'verify' ? verifies : undefined;
    if (!series) return;
    const { outcome } = measurement;
    if (outcome === 'sent' || outcome === 'verified') series.inc({ outcome });
    else if (outcome === 'otp_invalid') series.inc({ outcome: 'wrong_code' });
    else if (isErrorCode(outcome)) series.inc({ outcome: outcomeOf(outcome), reason: outcome });
    else series.inc({ outcome: 'other' });
  };

  return {
    registry,
    observe,
    watchStore(store, up) {
      stores.set(store, up);
    },
  };
}

export interface MetricsServerOptions {
  port?: number;
  /** The address to listen on; loopback by default. */
  host?: string;
  /** When set, every scrape must send `Authorization: Bearer <token>` (Prometheus' `authorization` config). */
  token?: string | undefined;
  log?: Logger;
}

/** An IP literal names a machine, never a page's domain: DNS rebinding needs a name. */
function ipLiteral(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;
}

/** Compares without telling a guesser, by timing, how much of the token was right. */
function sameToken(given: string, token: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Serves `GET /metrics` from `registry` on its own port, loopback unless told
 * otherwise: metrics say how a campaign converts, which is the affiliate's
 * business, and the public port never serves them. Nothing else is there.
 *
 * A page the operator opens could rebind its own domain name to this machine
 * and read the figures from the browser: so only requests naming the
 * metrics host, an IP address or `localhost` are answered (`421`), and with
 * a token, only scrapes that carry it (`401`).
 */
export function serveMetrics(registry: Registry, { port = 0, host = '127.0.0.1', token, log }: MetricsServerOptions = {}): Promise<RunningServer> {
  const json = (status: number, error: ErrorCode, headers: Record<string, string> = {}) =>
    Response.json({ ok: false, error, message: ERRORS[error].message }, { status, headers: { 'cache-control': 'no-store', ...headers } });
  const metricsHost = host.toLowerCase();
  return serve(
    async (request) => {
      const url = new URL(request.url);
      const hostname = url.hostname.toLowerCase();
      if (hostname !== metricsHost && hostname !== 'localhost' && !ipLiteral(hostname)) {
        log?.({ level: 'info', event: 'request.refused', error: 'misdirected_request', host: url.host, port: 'metrics' });
        return json(421, 'misdirected_request');
      }
      if (token !== undefined) {
        const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        if (given === undefined || !sameToken(given, token)) return json(401, 'unauthorized', { 'www-authenticate': 'Bearer realm="otp-flow metrics"' });
      }
      if (url.pathname !== '/metrics') return json(404, 'not_found');
      if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, 'method_not_allowed', { allow: 'GET, HEAD' });
      return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
    },
    // A scraper or two: a small cap leaves the descriptors to the public server.
    { port, host, maxConnections: 32, ...(log ? { log } : {}) },
  );
}
