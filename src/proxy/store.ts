/**
 * What the proxy remembers between requests, behind two small interfaces so
 * that memory, Redis (`otp-flow/redis`) and Durable Objects give the same
 * guarantees: budgets are charged all or nothing, and a session reaches
 * Offer18 at most once at a time and converts at most once.
 *
 * Keys are keyed digests (HMAC with the session secret), never numbers or
 * addresses in the clear. A store that cannot answer (its backend is down)
 * throws `ProxyError('service_unavailable')`; anything else it throws is
 * answered as a bug (500).
 */

export interface Budget {
  key: string;
  /** Sends allowed per window. */
  limit: number;
  windowMs: number;
}

export type TakeResult = { ok: true } | { ok: false; /** Which budget refused. */ index: number; retryAfterMs: number };

export interface BudgetStore {
  /** Shared between instances (Redis, Durable Objects): then every instance must seal sessions with the same secret. */
  readonly shared?: boolean;
  /**
   * Charges one send to every budget if every one has room; otherwise charges
   * none and names the first that refused. A refused request leaves nothing
   * behind, so refusals cannot grow the store.
   */
  take(budgets: readonly Budget[]): Promise<TakeResult>;
  /** Each key's count in its live window; 0 for a key with none (never charged, or its window is over). */
  read(keys: readonly string[]): Promise<number[]>;
  /**
   * Takes one back from each key's live window, if it has a count above
   * zero; a window that has ended is left alone. What a send borrowed on
   * credit (the fraud shield's allowances) goes back when it converts.
   */
  release(keys: readonly string[]): Promise<void>;
}

export type BeginResult =
  | { state: 'ok'; /** Attempts left once this one is counted. */ attemptsLeft: number }
  | { state: 'busy' | 'used' | 'locked' }
  /** The session was sent under another epoch: this store may no longer hold its record. */
  | { state: 'stale' };

/**
 * How a verify ended:
 * - `verified`: Offer18 said yes; the session never verifies again.
 * - `counted`: a wrong code, or an answer we could not read (timeout, 5xx, HTML):
 *   the guess may have reached Offer18, so it stays counted.
 * - `not_sent`: the request never left (connection refused): the attempt is given back.
 */
export type VerifyOutcome = 'verified' | 'counted' | 'not_sent';

export interface VerifyStore {
  /** Shared between instances (Redis, Durable Objects): then every instance must seal sessions with the same secret. */
  readonly shared?: boolean;
  /**
   * Names the state this store holds: made once, when that state is made,
   * and made anew when it may have been lost (an emptied Redis, another
   * process's memory). Every session carries the epoch it was sent under and
   * `begin` refuses one from another (`stale`), so a store that forgot a
   * session's attempts or its conversion can never verify it again: no
   * second conversion, no fresh set of guesses.
   */
  epoch(): Promise<string>;
  /**
   * Takes the session for one upstream verify and counts the attempt before
   * the guess leaves. The hold lasts until `settle`, or `holdMs` if `settle`
   * never comes (a crash, a store that went away): long enough that the
   * session expires first, so a verify whose outcome was never recorded
   * leaves the session closed, never open.
   */
  begin(id: string, epoch: string, maxAttempts: number, holdMs: number): Promise<BeginResult>;
  settle(id: string, outcome: VerifyOutcome): Promise<void>;
}
