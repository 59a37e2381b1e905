/**
 * `BudgetStore` and `VerifyStore` on Durable Objects: the Worker's half.
 *
 * Every budget key and every session has an object of its own
 * (`idFromName(key)`), and an object runs one call at a time, wherever in
 * the world it is called from. So each key's read-check-write is atomic, the
 * guarantee Redis gives with one Lua script, without one machine holding
 * every key. The objects themselves are in `objects.ts`.
 *
 * The one thing a script across several keys gave Redis for free, "charged to
 * every budget or to none", is kept here: a send reserves in each budget's
 * object in turn, in the order the limiter lists them, and gives back what it
 * took as soon as one refuses. In turn rather than all at once, so a refusal
 * never touches the budgets after it: a client out of budget never reaches a
 * victim number's object, not even for a moment, and the budget reported is
 * exactly the one Redis would report.
 */
import { ProxyError } from '../../proxy/errors.js';
import { STORE_RETRY_AFTER } from '../../proxy/budgets.js';
import type { Logger } from '../../proxy/log.js';
import type { BeginResult, Budget, BudgetStore, TakeResult, VerifyOutcome, VerifyStore } from '../../proxy/store.js';

/** A budget's answer: charged (naming the window, so a give-back finds it), or refused. */
export type Reservation = { ok: true; window: number } | { ok: false; retryAfterMs: number };

/** What the Worker calls on one budget's object (RPC through its stub). */
export interface BudgetObject {
  reserve(limit: number, windowMs: number): Promise<Reservation>;
  release(window: number): Promise<void>;
  count(): Promise<number>;
  releaseLive(): Promise<void>;
}

/** What the Worker calls on one session's object. */
export interface SessionObject {
  /** Asked of the object named `EPOCH_OBJECT` only. */
  epoch(): Promise<string>;
  begin(maxAttempts: number, holdMs: number): Promise<BeginResult>;
  settle(outcome: VerifyOutcome): Promise<void>;
}

/** The two calls of a Durable Object namespace binding that the stores make. */
export interface ObjectNamespace<T> {
  idFromName(name: string): ObjectId;
  get(id: ObjectId): T;
}
interface ObjectId {
  toString(): string;
}

/** The properties the platform puts on a failed call to a Durable Object. */
interface ObjectCallError {
  remote?: boolean;
  retryable?: boolean;
  overloaded?: boolean;
}

/**
 * Whether a failed call means the object could not be reached. The platform's
 * own failures (a lost connection, an object restarting or moving, an
 * overloaded object) come marked `retryable` or `overloaded`, or without
 * `remote`; an exception thrown by the object's own code comes `remote` and
 * unmarked, and that is a bug in it, not an outage.
 */
export function unreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { remote, retryable, overloaded } = error as ObjectCallError;
  return retryable === true || overloaded === true || remote !== true;
}

/** One call to an object: an outage becomes 503 (refuse rather than guess), a bug stays a bug (500). */
async function call<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!unreachable(error)) throw error;
    throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `${what}: ${(error as Error)?.message ?? String(error)}`);
  }
}

export interface ObjectStoreOptions {
  /** Told when a reservation could not be given back. */
  log?: Logger;
}

export class DurableObjectBudgetStore implements BudgetStore {
  /** Every isolate sees the same objects: sessions must be sealed with one secret everywhere. */
  readonly shared = true;
  readonly #objects: ObjectNamespace<BudgetObject>;
  readonly #log: Logger;

  constructor(objects: ObjectNamespace<BudgetObject>, { log = () => {} }: ObjectStoreOptions = {}) {
    this.#objects = objects;
    this.#log = log;
  }

  async take(budgets: readonly Budget[]): Promise<TakeResult> {
    const taken: Array<{ object: BudgetObject; window: number }> = [];
    try {
      for (const [index, budget] of budgets.entries()) {
        const object = this.#objects.get(this.#objects.idFromName(budget.key));
        const reservation = await call('budget store', () => object.reserve(budget.limit, budget.windowMs));
        if (!reservation.ok) {
          await this.#giveBack(taken);
          return { ok: false, index, retryAfterMs: Math.max(0, reservation.retryAfterMs) };
        }
        taken.push({ object, window: reservation.window });
      }
      return { ok: true };
    } catch (error) {
      // The send will not go out: nothing it reserved may stay charged.
      await this.#giveBack(taken);
      throw error;
    }
  }

  read(keys: readonly string[]): Promise<number[]> {
    return call('budget store', () => Promise.all(keys.map((key) => this.#object(key).count())));
  }

  async release(keys: readonly string[]): Promise<void> {
    await call('budget store', () => Promise.all(keys.map((key) => this.#object(key).releaseLive())));
  }

  #object(key: string): BudgetObject {
    return this.#objects.get(this.#objects.idFromName(key));
  }

  async #giveBack(taken: ReadonlyArray<{ object: BudgetObject; window: number }>): Promise<void> {
    const results = await Promise.allSettled(taken.map(({ object, window }) => object.release(window)));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) {
      // Fails closed: the budget stays charged for one send it did not make, until its window ends.
      this.#log({
        level: 'warn',
        event: 'store.release_failed',
        budgets: failed.length,
        detail: String((failed[0] as PromiseRejectedResult).reason?.message ?? (failed[0] as PromiseRejectedResult).reason),
        message: 'A refused send could not be given back to a budget it had reserved; that budget stays charged until its window ends.',
      });
    }
  }
}

/** The session object that keeps the epoch: no session id looks like it. */
export const EPOCH_OBJECT = 'otp-flow:epoch';

export class DurableObjectVerifyStore implements VerifyStore {
  readonly shared = true;
  readonly #objects: ObjectNamespace<SessionObject>;
  /**
   * Asked once per isolate: Durable Object storage is not lost under a
   * running Worker (a namespace is deleted only by a deployment, which
   * starts new isolates), so the answer holds for the isolate's life.
   */
  #epoch: Promise<string> | undefined;

  constructor(objects: ObjectNamespace<SessionObject>) {
    this.#objects = objects;
  }

  #object(id: string): SessionObject {
    return this.#objects.get(this.#objects.idFromName(id));
  }

  epoch(): Promise<string> {
    this.#epoch ??= call('verify store', () => this.#object(EPOCH_OBJECT).epoch()).catch((error: unknown) => {
      this.#epoch = undefined;
      throw error;
    });
    return this.#epoch;
  }

  async begin(id: string, epoch: string, maxAttempts: number, holdMs: number): Promise<BeginResult> {
    if (epoch !== (await this.epoch())) return { state: 'stale' };
    return call('verify store', () => this.#object(id).begin(maxAttempts, Math.ceil(holdMs)));
  }

  settle(id: string, outcome: VerifyOutcome): Promise<void> {
    return call('verify store', () => this.#object(id).settle(outcome));
  }
}
