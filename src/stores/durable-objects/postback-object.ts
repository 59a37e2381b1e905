/**
 * One postback as a Durable Object: it keeps the postback and delivers it
 * from its own alarm, retrying with the outbox's backoff until the tracker
 * answers 2xx or the retries run out (24 h), then keeps only the fact that
 * it is done for `retentionMs`, and deletes itself.
 *
 * Why an alarm: an alarm is stored with the object and runs even when no
 * request ever comes again, survives restarts and deployments, and runs at
 * least once. Cloudflare retries an alarm whose handler throws (from 2 s,
 * doubling, up to 6 times: https://developers.cloudflare.com/durable-objects/api/alarms/),
 * which covers minutes, not a day; so the handler never throws for a failed
 * delivery: it sets the next alarm itself, at the time `nextAttemptAt`
 * gives, and the platform's retries are left for the object's own crashes.
 *
 * At least once, as the platform runs alarms: an object that stops after the
 * tracker answered and before the answer is stored delivers again, with the
 * same txid. The attempt is counted before the request leaves, and the
 * object's calls never interleave with a storage write, so an `enqueue`
 * during a delivery sees the postback and adds nothing.
 */
import { DurableObject } from 'cloudflare:workers';
import { jsonLogger, redacting, type Logger } from '../../proxy/log.js';
import { DEFAULT_RETENTION_MS, DEFAULT_RETRY_POLICY } from '../../proxy/outbox.js';
import { attemptPostback } from '../../proxy/postback-delivery.js';
import type { PostbackEntry } from '../../proxy/postback.js';
import type { PostbackDelivery } from './postback-queue.js';

interface Stored {
  entry: PostbackEntry;
  delivery: PostbackDelivery;
  /** Attempts made so far. */
  attempt: number;
  state: 'pending' | 'delivered' | 'dropped';
  /** Epoch ms when a done postback's record goes. */
  forgetAt?: number;
}

const POSTBACK = 'postback';

export class OtpPostback extends DurableObject<Record<string, unknown>> {
  #log: Logger | undefined;

  /** Secrets removed as everywhere else in the Worker; the postback's own lines never hold them anyway. */
  #logger(): Logger {
    const secret = (name: string) => (typeof this.env[name] === 'string' ? (this.env[name] as string) : undefined);
    this.#log ??= redacting(jsonLogger(), [secret('OFFER18_KEY'), secret('OTP_SESSION_SECRET')]);
    return this.#log;
  }

  /** Stores the postback and wakes at once to deliver it; false if this txid was here already. */
  async enqueue(entry: PostbackEntry, delivery: PostbackDelivery): Promise<boolean> {
    if (this.ctx.storage.kv.get<Stored>(POSTBACK)) return false;
    this.ctx.storage.kv.put(POSTBACK, { entry, delivery, attempt: 0, state: 'pending' } satisfies Stored);
    await this.ctx.storage.setAlarm(Date.now());
    return true;
  }

  /** Where this postback stands, for an operator or a test: undefined once forgotten. */
  inspect(): { state: Stored['state']; attempt: number } | undefined {
    const stored = this.ctx.storage.kv.get<Stored>(POSTBACK);
    return stored && { state: stored.state, attempt: stored.attempt };
  }

  override async alarm(): Promise<void> {
    const stored = this.ctx.storage.kv.get<Stored>(POSTBACK);
    if (!stored) return;
    if (stored.state !== 'pending') {
      if ((stored.forgetAt ?? 0) <= Date.now()) await this.ctx.storage.deleteAll();
      else await this.ctx.storage.setAlarm(stored.forgetAt!);
      return;
    }
    const attempt = stored.attempt + 1;
    this.ctx.storage.kv.put(POSTBACK, { ...stored, attempt } satisfies Stored);
    const log = this.#logger();
    const { policy = DEFAULT_RETRY_POLICY, timeoutMs, retentionMs = DEFAULT_RETENTION_MS } = stored.delivery;
    const done = await attemptPostback(stored.entry, attempt, {
      log,
      // `wrangler tail` and Workers Logs are the Worker's metrics pipeline, as for its other measurements.
      observe: (measurement) => log({ level: 'info', event: 'metric', ...measurement }),
      policy,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (done.outcome === 'retried') {
      await this.ctx.storage.setAlarm(done.nextAt);
      return;
    }
    const forgetAt = Date.now() + retentionMs;
    this.ctx.storage.kv.put(POSTBACK, { ...stored, attempt, state: done.outcome, forgetAt } satisfies Stored);
    await this.ctx.storage.setAlarm(forgetAt);
  }
}
