/**
 * The in-memory stores: the proxy's default, one process's budgets and
 * verify records, bounded so a flood of keys cannot exhaust memory.
 * `otp-flow/redis` and the Cloudflare kit's Durable Objects share state
 * between instances instead; all three pass the same conformance suite.
 */
import type { BeginResult, Budget, BudgetStore, TakeResult, VerifyOutcome, VerifyStore } from './store.js';
import { randomId } from './session.js';

/**
 * Insertion-ordered map with a cap: when full, expired keys go first, then
 * the least recently written; the owner is told each time a live key goes.
 */
class BoundedMap<V> {
  readonly #entries = new Map<string, { value: V; at: number }>();
  readonly #maxKeys: number;
  readonly #onEvictLive: () => void;
  #lastSweep = 0;
  /** Keys appended so far; `at` is a key's number when it was last appended. */
  #appended = 0;
  /**
   * Eviction walks from the oldest key with one long-lived iterator: each
   * eviction leaves a hole at the front of V8's table until the table is
   * rebuilt, and a fresh iterator would walk every hole again. Everything
   * before it has been evicted; a key appended again comes after it.
   */
  #oldest: Iterator<[string, { value: V; at: number }]> | undefined;

  constructor(maxKeys: number, onEvictLive: () => void) {
    this.#maxKeys = maxKeys;
    this.#onEvictLive = onEvictLive;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  /**
   * Writes, moving the key to the young end once it is in the older half.
   * Moving a key is a delete and an append, and V8 keeps each deleted copy in
   * the key's hash bucket until the table is rebuilt: moving the keys every
   * send writes (the hourly cap, a busy client) on every write made each
   * lookup of them walk thousands of copies. A key written at least every
   * `maxKeys / 2` appends still never reaches the old end.
   */
  set(key: string, value: V, now: number, expired: (value: V) => boolean): void {
    const entry = this.#entries.get(key);
    if (entry && this.#appended - entry.at < this.#maxKeys / 2) {
      entry.value = value;
      return;
    }
    if (entry) this.#entries.delete(key);
    this.#entries.set(key, { value, at: ++this.#appended });
    if (this.#entries.size <= this.#maxKeys) return;
    // At most one full pass a second: a flood of live keys must not make every write walk the map.
    this.sweep(now, 1_000, expired);
    while (this.#entries.size > this.#maxKeys) {
      let next = this.#oldest?.next();
      if (!next || next.done) {
        this.#oldest = this.#entries.entries();
        next = this.#oldest.next();
      }
      const [oldestKey, oldest] = next.value as [string, { value: V }];
      this.#entries.delete(oldestKey);
      if (!expired(oldest.value)) this.#onEvictLive();
    }
  }

  /** Drops expired entries, at most every `everyMs`, so memory follows live keys without a timer. */
  sweep(now: number, everyMs: number, expired: (value: V) => boolean): void {
    if (now - this.#lastSweep < everyMs) return;
    this.#lastSweep = now;
    for (const [k, entry] of this.#entries) if (expired(entry.value)) this.#entries.delete(k);
  }
}

export interface MemoryStoreOptions {
  /** Most keys kept; past it the oldest are evicted. */
  maxKeys?: number;
  /** Told once, the first time the cap makes a live key go. */
  onFull?: (store: string, maxKeys: number) => void;
  now?: () => number;
}

/** Enough for tens of thousands of live sends; a few MB at most. */
export const DEFAULT_MAX_KEYS = 100_000;

/** Calls `f` the first time only. */
function once(f: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
  };
}

interface CounterWindow {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters in one process. A window starts at its key's first
 * send and ends `windowMs` later.
 */
export class MemoryBudgetStore implements BudgetStore {
  readonly #now: () => number;
  readonly #windows: BoundedMap<CounterWindow>;

  constructor({ maxKeys = DEFAULT_MAX_KEYS, onFull = () => {}, now = Date.now }: MemoryStoreOptions = {}) {
    this.#now = now;
    this.#windows = new BoundedMap(maxKeys, once(() => onFull('budgets', maxKeys)));
  }

  get size(): number {
    return this.#windows.size;
  }

  async take(budgets: readonly Budget[]): Promise<TakeResult> {
    const now = this.#now();
    const expired = (w: CounterWindow) => w.resetAt <= now;
    this.#windows.sweep(now, 60_000, expired);
    const current = budgets.map((b) => {
      const w = this.#windows.get(b.key);
      return w && !expired(w) ? w : undefined;
    });
    for (let i = 0; i < budgets.length; i++) {
      const w = current[i];
      if (w && w.count >= budgets[i]!.limit) return { ok: false, index: i, retryAfterMs: w.resetAt - now };
    }
    budgets.forEach((b, i) => {
      const w = current[i];
      this.#windows.set(b.key, w ? { count: w.count + 1, resetAt: w.resetAt } : { count: 1, resetAt: now + b.windowMs }, now, expired);
    });
    return { ok: true };
  }

  #live(key: string, now: number): CounterWindow | undefined {
    const w = this.#windows.get(key);
    return w && w.resetAt > now ? w : undefined;
  }

  async read(keys: readonly string[]): Promise<number[]> {
    const now = this.#now();
    return keys.map((key) => this.#live(key, now)?.count ?? 0);
  }

  async release(keys: readonly string[]): Promise<void> {
    const now = this.#now();
    for (const key of keys) {
      const w = this.#live(key, now);
      // In place: a give-back is no write that should move the key to the young end.
      if (w && w.count > 0) w.count -= 1;
    }
  }
}

interface Session {
  attempts: number;
  held: boolean;
  used: boolean;
  expiresAt: number;
}

/**
 * Attempts and one-conversion records in one process. Its epoch is made on
 * first use, so another process (a restart, a second instance without Redis)
 * has another one and never verifies this one's sessions. A live record
 * pushed out by the cap starts a new epoch too: a session whose record is
 * gone could otherwise be guessed at afresh, or converted twice.
 */
export class MemoryVerifyStore implements VerifyStore {
  readonly #now: () => number;
  readonly #sessions: BoundedMap<Session>;
  /** Made lazily: a Worker may make random values only while it serves a request. */
  #epoch: string | undefined;

  constructor({ maxKeys = DEFAULT_MAX_KEYS, onFull = () => {}, now = Date.now }: MemoryStoreOptions = {}) {
    this.#now = now;
    const warn = once(() => onFull('sessions', maxKeys));
    this.#sessions = new BoundedMap(maxKeys, () => {
      warn();
      this.#epoch = undefined;
    });
  }

  async epoch(): Promise<string> {
    this.#epoch ??= randomId();
    return this.#epoch;
  }

  get size(): number {
    return this.#sessions.size;
  }

  #live(id: string): Session | undefined {
    const now = this.#now();
    this.#sessions.sweep(now, 60_000, (s) => s.expiresAt <= now);
    const session = this.#sessions.get(id);
    return session && session.expiresAt > now ? session : undefined;
  }

  async begin(id: string, epoch: string, maxAttempts: number, holdMs: number): Promise<BeginResult> {
    if (epoch !== this.#epoch) return { state: 'stale' };
    const now = this.#now();
    const session = this.#live(id) ?? { attempts: 0, held: false, used: false, expiresAt: now + holdMs };
    if (session.used) return { state: 'used' };
    if (session.held) return { state: 'busy' };
    if (session.attempts >= maxAttempts) return { state: 'locked' };
    session.attempts += 1;
    session.held = true;
    session.expiresAt = Math.max(session.expiresAt, now + holdMs);
    this.#sessions.set(id, session, now, (s) => s.expiresAt <= now);
    return { state: 'ok', attemptsLeft: maxAttempts - session.attempts };
  }

  async settle(id: string, outcome: VerifyOutcome): Promise<void> {
    const session = this.#live(id);
    if (!session) return;
    session.held = false;
    if (outcome === 'verified') session.used = true;
    if (outcome === 'not_sent') session.attempts = Math.max(0, session.attempts - 1);
  }
}
