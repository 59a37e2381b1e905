/**
 * The Durable Objects behind the Worker kit's stores: one `OtpBudget` per
 * budget key, one `OtpSession` per sent code.
 *
 * An object handles one event at a time, and every method here reads and
 * writes its storage with the synchronous SQLite-backed API before it first
 * awaits anything, so a check and the write it allows can never be split by
 * another call, whichever isolate or region the calls come from. The only
 * awaits are alarm writes, during which the platform's input gate holds other
 * calls back anyway.
 *
 * Each object sets an alarm for the moment its record stops mattering (a
 * window's end, a session's hold) and deletes all of its storage then, so
 * storage follows live keys instead of every number ever seen. A record found
 * past its end before the alarm has run is treated as gone, as a Redis key
 * past its TTL is.
 */
import { DurableObject } from 'cloudflare:workers';
import type { BeginResult, VerifyOutcome } from '../../proxy/store.js';
import type { Reservation } from './client.js';

interface CounterWindow {
  count: number;
  /** Epoch ms when the window ends; also names it, so a give-back never lands in a later window. */
  resetAt: number;
}

const WINDOW = 'window';

/** One budget: a fixed window that starts at its first send, like the memory and Redis stores'. */
export class OtpBudget extends DurableObject {
  #current(now: number): CounterWindow | undefined {
    const window = this.ctx.storage.kv.get<CounterWindow>(WINDOW);
    return window && window.resetAt > now ? window : undefined;
  }

  async reserve(limit: number, windowMs: number): Promise<Reservation> {
    const now = Date.now();
    const current = this.#current(now);
    if (current && current.count >= limit) return { ok: false, retryAfterMs: current.resetAt - now };
    const next: CounterWindow = current ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: now + windowMs };
    this.ctx.storage.kv.put(WINDOW, next);
    if (!current) await this.ctx.storage.setAlarm(next.resetAt);
    return { ok: true, window: next.resetAt };
  }

  /** Gives back one reservation of `window`; a window already over has nothing left to give back to. */
  async release(window: number): Promise<void> {
    const current = this.#current(Date.now());
    if (!current || current.resetAt !== window) return;
    if (current.count > 1) {
      this.ctx.storage.kv.put(WINDOW, { count: current.count - 1, resetAt: current.resetAt });
      return;
    }
    // Back to nothing: a refused send leaves no storage behind.
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  /** The live window's count: 0 when there is none. */
  count(): number {
    return this.#current(Date.now())?.count ?? 0;
  }

  /** Gives one back to whatever window is live, if any: the key names its window itself (the fraud shield's keys do). */
  async releaseLive(): Promise<void> {
    const current = this.#current(Date.now());
    if (current) await this.release(current.resetAt);
  }

  override async alarm(): Promise<void> {
    const window = this.ctx.storage.kv.get<CounterWindow>(WINDOW);
    if (window && window.resetAt > Date.now()) await this.ctx.storage.setAlarm(window.resetAt);
    else await this.ctx.storage.deleteAll();
  }
}

interface Session {
  attempts: number;
  /** A verify of this session is at Offer18 (or its outcome was never recorded). */
  held: boolean;
  /** Offer18 said yes once: never again. */
  used: boolean;
  /** Epoch ms when the record goes: after the session's token has expired. */
  expiresAt: number;
}

const SESSION = 'session';
const EPOCH = 'epoch';

/** One sent code: its attempts, whether a verify is at Offer18, whether it converted. */
export class OtpSession extends DurableObject {
  #live(now: number): Session | undefined {
    const session = this.ctx.storage.kv.get<Session>(SESSION);
    return session && session.expiresAt > now ? session : undefined;
  }

  /**
   * Counts the attempt and holds the session before the guess leaves. The
   * hold ends with `settle`, or with the record itself after `holdMs`, which
   * the proxy makes outlast the session: a verify whose outcome was never
   * recorded leaves the session closed, never open.
   */
  async begin(maxAttempts: number, holdMs: number): Promise<BeginResult> {
    const now = Date.now();
    const current = this.#live(now);
    if (current?.used) return { state: 'used' };
    if (current?.held) return { state: 'busy' };
    const attempts = current?.attempts ?? 0;
    if (attempts >= maxAttempts) return { state: 'locked' };
    const expiresAt = Math.max(current?.expiresAt ?? 0, now + holdMs);
    this.ctx.storage.kv.put(SESSION, { attempts: attempts + 1, held: true, used: false, expiresAt } satisfies Session);
    if (expiresAt !== current?.expiresAt) await this.ctx.storage.setAlarm(expiresAt);
    return { state: 'ok', attemptsLeft: maxAttempts - attempts - 1 };
  }

  settle(outcome: VerifyOutcome): void {
    const current = this.#live(Date.now());
    if (!current) return;
    this.ctx.storage.kv.put(SESSION, {
      attempts: outcome === 'not_sent' ? Math.max(0, current.attempts - 1) : current.attempts,
      held: false,
      used: current.used || outcome === 'verified',
      expiresAt: current.expiresAt,
    } satisfies Session);
  }

  /**
   * The epoch of every session: asked of the one object named for it, which
   * makes it on first use and keeps it with no alarm, for as long as the
   * namespace's storage lasts.
   */
  epoch(): string {
    let epoch = this.ctx.storage.kv.get<string>(EPOCH);
    if (!epoch) {
      // As the core's randomId: 122 random bits, no dashes, so tokens stay short.
      epoch = crypto.randomUUID().replace(/-/g, '');
      this.ctx.storage.kv.put(EPOCH, epoch);
    }
    return epoch;
  }

  override async alarm(): Promise<void> {
    const session = this.ctx.storage.kv.get<Session>(SESSION);
    if (session && session.expiresAt > Date.now()) await this.ctx.storage.setAlarm(session.expiresAt);
    else await this.ctx.storage.deleteAll();
  }
}
