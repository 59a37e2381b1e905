/**
 * Verify-side state of each session: attempts used, and whether it converted.
 *
 * The interface is small and atomic so that a Redis implementation can give
 * the same guarantees across instances: `begin` is the only way into an
 * upstream verify, and only one caller can hold a session at a time.
 */
export type BeginResult = 'ok' | 'busy' | 'used' | 'locked';

export interface VerifyStore {
  /** Takes the session for one upstream verify. */
  begin(id: string, maxAttempts: number, ttlMs: number): Promise<BeginResult>;
  /** Wrong code: releases the session and counts the attempt. Returns attempts left. */
  fail(id: string, maxAttempts: number, ttlMs: number): Promise<number>;
  /** The upstream could not decide (timeout, outage): releases without counting. */
  release(id: string): Promise<void>;
  /** Verified: the session can never verify again. */
  succeed(id: string, ttlMs: number): Promise<void>;
}

interface Entry {
  attempts: number;
  state: 'idle' | 'busy' | 'used';
  expiresAt: number;
}

export class MemoryVerifyStore implements VerifyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  #lastSweep = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #get(id: string): Entry | undefined {
    const now = this.#now();
    // An occasional sweep keeps memory bounded by live sessions, without a timer to clean up.
    if (now - this.#lastSweep > 60_000) {
      this.#lastSweep = now;
      for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    const entry = this.#entries.get(id);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  async begin(id: string, maxAttempts: number, ttlMs: number): Promise<BeginResult> {
    const entry = this.#get(id) ?? { attempts: 0, state: 'idle', expiresAt: this.#now() + ttlMs };
    if (entry.state === 'used') return 'used';
    if (entry.state === 'busy') return 'busy';
    if (entry.attempts >= maxAttempts) return 'locked';
    entry.state = 'busy';
    this.#entries.set(id, entry);
    return 'ok';
  }

  async fail(id: string, maxAttempts: number): Promise<number> {
    const entry = this.#get(id);
    if (!entry) return maxAttempts;
    entry.attempts += 1;
    entry.state = 'idle';
    return Math.max(0, maxAttempts - entry.attempts);
  }

  async release(id: string): Promise<void> {
    const entry = this.#get(id);
    if (entry && entry.state === 'busy') entry.state = 'idle';
  }

  async succeed(id: string, ttlMs: number): Promise<void> {
    this.#entries.set(id, { attempts: 0, state: 'used', expiresAt: this.#now() + ttlMs });
  }
}
