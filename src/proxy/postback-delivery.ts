/**
 * Sending postbacks: one attempt (`attemptPostback`), and one pass over an
 * outbox's due entries (`createPostbackRunner`), which a driver repeats on a
 * timer (`postback-driver.ts`). Runtime-neutral: global `fetch`, timers, Web
 * Crypto; the Durable Object outbox makes its attempts with the same function.
 *
 * An attempt is a GET (or POST) of the rendered URL with a deadline of its
 * own. Redirects are not followed: a tracker that answers 3xx has not taken
 * the postback, and following it would send the click id wherever the
 * redirect points. 2xx is delivered; anything else, or no answer in time, is
 * tried again with backoff until `giveUpAfterMs`, then dropped with an
 * `error` line.
 *
 * Log lines name the tracker's host only: the query holds the click values
 * and the path can hold the tracker's own token (Keitaro's postback key).
 */
import type { Logger } from './log.js';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type ClaimedPostback, type PostbackOutbox, type RetryPolicy } from './outbox.js';
import type { Measurement } from './observe.js';
import type { PostbackEntry } from './postback.js';

/** What postbacks report for metrics (declared with the proxy's other measurements): each attempt's outcome, and the outbox's size after each pass. */
export type PostbackMeasurement = Extract<Measurement, { kind: 'postback' | 'postback_outbox' }>;
export type PostbackObserver = (measurement: PostbackMeasurement) => void;

/** Deadline for one attempt, connection to last header. */
export const DEFAULT_POSTBACK_TIMEOUT_MS = 10_000;

const USER_AGENT = 'otp-flow-postback/1';

export type DeliveryResult = { ok: true; status: number; ms: number } | { ok: false; status?: number; error?: 'timeout' | 'unreachable'; detail?: string; ms: number };

export interface DeliveryOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

/** One request to the tracker. Never throws. */
export async function deliverPostback(entry: Pick<PostbackEntry, 'url' | 'method'>, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { fetch: send = globalThis.fetch, timeoutMs = DEFAULT_POSTBACK_TIMEOUT_MS, now = Date.now } = options;
  const started = now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    const response = await send(entry.url, {
      method: entry.method,
      redirect: 'manual',
      signal: deadline.signal,
      headers: { 'user-agent': USER_AGENT },
      ...(entry.method === 'POST' ? { body: '' } : {}),
    });
    // The answer's body says nothing we act on; cancelling it frees the connection.
    await response.body?.cancel().catch(() => {});
    const ms = now() - started;
    return response.status >= 200 && response.status < 300 ? { ok: true, status: response.status, ms } : { ok: false, status: response.status, ms };
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
    return {
      ok: false,
      error: deadline.signal.aborted ? 'timeout' : 'unreachable',
      ...(typeof cause === 'string' ? { detail: cause } : {}),
      ms: now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

export interface AttemptOptions extends DeliveryOptions {
  log?: Logger;
  observe?: PostbackObserver;
  policy?: RetryPolicy;
  /** In [0, 1), for the spread of retry times. */
  random?: () => number;
}

export type AttemptOutcome = { outcome: 'delivered' } | { outcome: 'retried'; nextAt: number } | { outcome: 'dropped' };

const span = (ms: number) => (ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 1000)} s`);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** One attempt, judged, logged and measured; storing the outcome is the caller's. */
export async function attemptPostback(entry: PostbackEntry, attempt: number, options: AttemptOptions = {}): Promise<AttemptOutcome> {
  const { log = () => {}, observe = () => {}, policy = DEFAULT_RETRY_POLICY, random = Math.random, now = Date.now } = options;
  const result = await deliverPostback(entry, options);
  const about = { txid: entry.txid, stage: entry.event, attempt, host: hostOf(entry.url), ms: result.ms };
  if (result.ok) {
    log({ level: 'info', event: 'postback.delivered', ...about, status: result.status });
    observe({ kind: 'postback', stage: entry.event, outcome: 'delivered' });
    return { outcome: 'delivered' };
  }
  const why = result.status !== undefined ? { status: result.status } : { error: result.error, ...(result.detail ? { detail: result.detail } : {}) };
  const nextAt = nextAttemptAt(policy, { attempt, createdAt: entry.createdAt }, now(), random);
  if (nextAt === undefined) {
    log({
      level: 'error',
      event: 'postback.dropped',
      ...about,
      ...why,
      message: `A postback was not delivered within ${span(policy.giveUpAfterMs)} and is dropped: the tracker will not learn of this conversion.`,
    });
    observe({ kind: 'postback', stage: entry.event, outcome: 'dropped' });
    return { outcome: 'dropped' };
  }
  log({ level: 'warn', event: 'postback.retry', ...about, ...why, retryIn: Math.ceil((nextAt - now()) / 1000) });
  observe({ kind: 'postback', stage: entry.event, outcome: 'retried' });
  return { outcome: 'retried', nextAt };
}

export interface PostbackRunnerOptions extends AttemptOptions {
  outbox: PostbackOutbox;
  /** Attempts in flight at once: the entries one pass claims. */
  concurrency?: number;
}

export interface PostbackRunner {
  /** Claims what is due, attempts it all, records the outcomes; resolves with how many were claimed. */
  runDue(): Promise<number>;
}

export function createPostbackRunner(options: PostbackRunnerOptions): PostbackRunner {
  const { outbox, concurrency = 4, timeoutMs = DEFAULT_POSTBACK_TIMEOUT_MS, log = () => {}, observe = () => {}, now = Date.now } = options;
  // Outlasts the attempt's deadline with room to record it, so a live instance never loses a lease it is using.
  const leaseMs = 2 * timeoutMs + 5_000;

  async function settle(claimed: ClaimedPostback): Promise<void> {
    const done = await attemptPostback(claimed, claimed.attempt, { ...options, timeoutMs });
    try {
      const kept =
        done.outcome === 'delivered' ? await outbox.delivered(claimed) : done.outcome === 'dropped' ? await outbox.drop(claimed) : await outbox.retry(claimed, done.nextAt);
      if (!kept) {
        log({ level: 'warn', event: 'postback.lease_lost', txid: claimed.txid, outcome: done.outcome, message: 'Another instance took this postback over before its outcome was recorded.' });
      }
    } catch (error) {
      log({
        level: 'error',
        event: 'postback.record_failed',
        txid: claimed.txid,
        outcome: done.outcome,
        detail: (error as Error)?.message ?? String(error),
        message: 'Could not record a postback’s outcome; it will be attempted again when its lease runs out.',
      });
    }
  }

  return {
    async runDue() {
      const claimed = await outbox.claim(now(), concurrency, leaseMs);
      await Promise.all(claimed.map(settle));
      observe({ kind: 'postback_outbox', size: await outbox.size() });
      return claimed.length;
    },
  };
}
