/**
 * The postback outbox: every postback is written down before it is sent and
 * crossed out only once the tracker has said 2xx, so none is lost to a
 * tracker that is down, a timeout or a restart, and none is sent twice at
 * once.
 *
 * - `add` is idempotent by txid: a conversion added ten times, at once or
 *   days apart (within `retentionMs`), is one entry.
 * - `claim` leases due entries to one caller for `leaseMs`. With several
 *   instances on one store only the lease holder delivers; if it crashes, its
 *   lease runs out and another instance takes the entry over.
 * - `delivered`, `retry` and `drop` settle a claim, and only while its lease
 *   is still the entry's: an instance that lost its lease changes nothing.
 *
 * Exactly once to the tracker, with one exception no outbox can remove: an
 * instance that dies after the tracker answered and before `delivered` was
 * recorded leaves the entry to be sent again when its lease runs out. The
 * txid is the same on that attempt, which is what trackers deduplicate on.
 *
 * Implementations: `MemoryPostbackOutbox` below (one process; lost on
 * restart), `RedisPostbackOutbox` (`src/stores/redis-outbox.ts`: shared, kept
 * across restarts), and on Cloudflare one Durable Object per postback that
 * delivers itself from its alarm (`src/stores/durable-objects/postback.ts`).
 */
import type { PostbackEntry } from './postback.js';

/** An entry leased to one caller for one attempt. */
export interface ClaimedPostback extends PostbackEntry {
  /** This attempt's number, from 1 (an attempt cut short by a crash counts too). */
  attempt: number;
  /** The claim's token: settling with a lease that is no longer the entry's does nothing. */
  lease: string;
}

/** What the proxy needs to record a conversion's postback. */
export interface PostbackQueue {
  /** Shared between instances: one delivers each postback. */
  readonly shared: boolean;
  /** Kept across restarts. */
  readonly durable: boolean;
  /** Adds the entry unless its txid was added before (still pending, delivered or dropped); true when added. */
  add(entry: PostbackEntry): Promise<boolean>;
}

/** What a delivery driver needs besides. */
export interface PostbackOutbox extends PostbackQueue {
  /** Up to `limit` entries due at `now` (new, retry time reached, or a lease run out), leased until `now + leaseMs`. */
  claim(now: number, limit: number, leaseMs: number): Promise<ClaimedPostback[]>;
  /** The tracker took it: done for good. False when the lease had been lost. */
  delivered(claimed: ClaimedPostback): Promise<boolean>;
  /** Not taken: due again at `dueAt`. */
  retry(claimed: ClaimedPostback, dueAt: number): Promise<boolean>;
  /** Given up: done for good, undelivered. */
  drop(claimed: ClaimedPostback): Promise<boolean>;
  /** Entries not yet delivered or dropped. */
  size(): Promise<number>;
}

export interface RetryPolicy {
  /** Wait after the first failed attempt; each further one doubles it. */
  firstDelayMs: number;
  /** Longest wait between two attempts. */
  maxDelayMs: number;
  /** No attempt is made later than this after the conversion: the entry is dropped instead. */
  giveUpAfterMs: number;
}

/** 5 s, 10 s, 20 s … then hourly, for a day: about 25 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 3_600_000, giveUpAfterMs: 86_400_000 };

/** How long a done entry's txid is remembered, so the same conversion is not added again. */
export const DEFAULT_RETENTION_MS = 2 * 86_400_000;

/**
 * When to try again after `attempt` failed, or undefined to give up. The wait
 * is spread ±20 % (`random` in [0, 1)), so the postbacks a tracker's outage
 * piled up do not all arrive in the same second when it comes back.
 */
export function nextAttemptAt(policy: RetryPolicy, claimed: Pick<ClaimedPostback, 'attempt' | 'createdAt'>, now: number, random: () => number = Math.random): number | undefined {
  const exponent = Math.min(Math.max(claimed.attempt - 1, 0), 40);
  const delay = Math.min(policy.firstDelayMs * 2 ** exponent, policy.maxDelayMs) * (0.8 + 0.4 * random());
  const at = now + Math.round(delay);
  return at > claimed.createdAt + policy.giveUpAfterMs ? undefined : at;
}

/** A claim's token; one per `claim` call is enough to tell callers apart. */
export function leaseToken(): string {
  return crypto.randomUUID();
}

interface MemoryEntry {
  entry: PostbackEntry;
  /** When it may be claimed: due time, or the end of the current lease. */
  dueAt: number;
  attempt: number;
  lease: string | undefined;
}

export interface MemoryOutboxOptions {
  /** Most entries pending at once; an `add` past it throws. */
  maxPending?: number;
  /** Most done txids remembered; past it the oldest are forgotten early. */
  maxDone?: number;
  retentionMs?: number;
  now?: () => number;
}

/**
 * One process's outbox. Lost on restart: postbacks pending when the process
 * stops are never sent. Use Redis (`REDIS_URL`) where that matters.
 */
export class MemoryPostbackOutbox implements PostbackOutbox {
  readonly shared = false;
  readonly durable = false;
  readonly #pending = new Map<string, MemoryEntry>();
  /** Done txids and when they are forgotten, oldest first. */
  readonly #done = new Map<string, number>();
  readonly #maxPending: number;
  readonly #maxDone: number;
  readonly #retentionMs: number;
  readonly #now: () => number;

  constructor({ maxPending = 10_000, maxDone = 100_000, retentionMs = DEFAULT_RETENTION_MS, now = Date.now }: MemoryOutboxOptions = {}) {
    this.#maxPending = maxPending;
    this.#maxDone = maxDone;
    this.#retentionMs = retentionMs;
    this.#now = now;
  }

  async add(entry: PostbackEntry): Promise<boolean> {
    this.#forget();
    if (this.#pending.has(entry.txid) || this.#done.has(entry.txid)) return false;
    if (this.#pending.size >= this.#maxPending) throw new Error(`the in-memory postback outbox holds ${this.#maxPending} undelivered postbacks`);
    this.#pending.set(entry.txid, { entry: { ...entry }, dueAt: entry.createdAt, attempt: 0, lease: undefined });
    return true;
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<ClaimedPostback[]> {
    const due = [...this.#pending.values()].filter((e) => e.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
    const lease = leaseToken();
    return due.map((e) => {
      e.attempt += 1;
      e.lease = lease;
      e.dueAt = now + leaseMs;
      return { ...e.entry, attempt: e.attempt, lease };
    });
  }

  async delivered(claimed: ClaimedPostback): Promise<boolean> {
    return this.#finish(claimed);
  }

  async drop(claimed: ClaimedPostback): Promise<boolean> {
    return this.#finish(claimed);
  }

  async retry(claimed: ClaimedPostback, dueAt: number): Promise<boolean> {
    const e = this.#held(claimed);
    if (!e) return false;
    e.lease = undefined;
    e.dueAt = dueAt;
    return true;
  }

  async size(): Promise<number> {
    return this.#pending.size;
  }

  #held(claimed: ClaimedPostback): MemoryEntry | undefined {
    const e = this.#pending.get(claimed.txid);
    return e && e.lease === claimed.lease ? e : undefined;
  }

  #finish(claimed: ClaimedPostback): boolean {
    if (!this.#held(claimed)) return false;
    this.#pending.delete(claimed.txid);
    this.#done.set(claimed.txid, this.#now() + this.#retentionMs);
    if (this.#done.size > this.#maxDone) this.#done.delete(this.#done.keys().next().value!);
    return true;
  }

  /** Done txids leave in the order they came, once their time is up. */
  #forget(): void {
    const now = this.#now();
    for (const [txid, until] of this.#done) {
      if (until > now) break;
      this.#done.delete(txid);
    }
  }
}
