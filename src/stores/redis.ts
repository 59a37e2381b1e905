/**
 * `otp-flow/redis`: budgets and verify records in Redis, so every instance
 * enforces one budget and a session converts once, however many instances
 * serve it. Every operation is one Lua script: atomic, one round trip.
 *
 * Every call has a deadline. A Redis that stops answering without closing
 * its connection (a stopped process, a full disk, a network that drops
 * packets) would otherwise hold each request until its client had long gone,
 * then let it go on to Offer18. Past the deadline the request is refused
 * (503), the store counts as down until a probe gets an answer, and whatever
 * the late command would have started is undone or left closed: a budget
 * stays charged for a send that never went, a guess that never left is given
 * back.
 *
 * Kept out of `otp-flow/proxy` so the core stays free of Node-only imports.
 */
import { Redis, ReplyError } from 'ioredis';
import { ProxyError } from '../proxy/errors.js';
import { STORE_RETRY_AFTER } from '../proxy/budgets.js';
import { randomId } from '../proxy/session.js';
import type { Logger } from '../proxy/log.js';
import type { BeginResult, Budget, BudgetStore, TakeResult, VerifyOutcome, VerifyStore } from '../proxy/store.js';
import { RedisPostbackOutbox, type RedisOutboxOptions } from './redis-outbox.js';

export { RedisPostbackOutbox, type RedisOutboxOptions };

/** Long enough for a healthy Redis under load by a wide margin, short enough that a person is still waiting. */
export const DEFAULT_DEADLINE_MS = 1_000;
/** How often a store that missed a deadline asks Redis whether it answers again. */
const PROBE_EVERY_MS = 500;

const EPOCH_KEY = 'otp-flow:epoch';

// KEYS: one counter per budget. ARGV: limit and window (ms) of each, in order.
// Nothing is charged unless every budget has room: refusals leave no keys behind.
const TAKE = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('get', key) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then return {i, redis.call('pttl', key)} end
end
for i, key in ipairs(KEYS) do
  if redis.call('incr', key) == 1 then redis.call('pexpire', key, ARGV[2 * i]) end
end
return {0, 0}`;

// KEYS: counters to give one back to, each only while its window lives and its count is above zero.
const RELEASE = `
for _, key in ipairs(KEYS) do
  local count = tonumber(redis.call('get', key) or '0')
  if count > 0 then redis.call('decr', key) end
end
return 0`;

// KEYS[1]: the epoch. ARGV[1]: a fresh one, kept only if Redis has none (a new or emptied Redis).
// No expiry: it must last as long as the data it names.
const EPOCH = `
local epoch = redis.call('get', KEYS[1])
if epoch then return epoch end
redis.call('set', KEYS[1], ARGV[1])
return ARGV[1]`;

// KEYS[1]: the session's hash {attempts, held, used}; KEYS[2]: the epoch.
// ARGV: the session's epoch, max attempts, hold (ms), and a nonce naming this hold.
// A session from another epoch is refused before anything is read: Redis may have lost its record.
// The attempt is counted as the session is taken, before the guess leaves.
const BEGIN = `
if redis.call('get', KEYS[2]) ~= ARGV[1] then return -4 end
if redis.call('hget', KEYS[1], 'used') then return -1 end
if redis.call('hget', KEYS[1], 'held') then return -2 end
local attempts = tonumber(redis.call('hget', KEYS[1], 'attempts') or '0')
if attempts >= tonumber(ARGV[2]) then return -3 end
redis.call('hset', KEYS[1], 'attempts', attempts + 1, 'held', ARGV[4])
if redis.call('pttl', KEYS[1]) < tonumber(ARGV[3]) then redis.call('pexpire', KEYS[1], ARGV[3]) end
return tonumber(ARGV[2]) - attempts - 1`;

// Undoes one BEGIN whose answer came too late: sent on the same connection right after it, so
// Redis runs it after that BEGIN, whenever that is. Only that hold (its nonce) is undone.
const UNBEGIN = `
if redis.call('hget', KEYS[1], 'held') ~= ARGV[1] then return 0 end
redis.call('hdel', KEYS[1], 'held')
redis.call('hincrby', KEYS[1], 'attempts', -1)
return 1`;

// ARGV[1]: verified | counted | not_sent.
const SETTLE = `
if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('hdel', KEYS[1], 'held')
if ARGV[1] == 'verified' then redis.call('hset', KEYS[1], 'used', '1') end
if ARGV[1] == 'not_sent' then redis.call('hincrby', KEYS[1], 'attempts', -1) end
return 1`;

type Scripted = Redis & {
  otpTake(...args: Array<string | number>): Promise<[number, number]>;
  otpRelease(...args: Array<string | number>): Promise<number>;
  otpEpoch(key: string, candidate: string): Promise<string>;
  otpBegin(key: string, epochKey: string, epoch: string, max: number, holdMs: number, nonce: string): Promise<number>;
  otpUnbegin(key: string, nonce: string): Promise<number>;
  otpSettle(key: string, outcome: VerifyOutcome): Promise<number>;
};

function scripted(redis: Redis): Scripted {
  if (!('otpTake' in redis)) {
    redis.defineCommand('otpTake', { lua: TAKE });
    redis.defineCommand('otpRelease', { lua: RELEASE });
    redis.defineCommand('otpEpoch', { numberOfKeys: 1, lua: EPOCH });
    redis.defineCommand('otpBegin', { numberOfKeys: 2, lua: BEGIN });
    redis.defineCommand('otpUnbegin', { numberOfKeys: 1, lua: UNBEGIN });
    redis.defineCommand('otpSettle', { numberOfKeys: 1, lua: SETTLE });
  }
  return redis as Scripted;
}

/** Replies that mean Redis cannot serve right now (loading, a read-only replica, out of memory, …), not that our script is wrong. */
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|NOAUTH|WRONGPASS|MISCONF|OOM|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;

class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * Whether a Redis client answers, as far as this module can tell: ioredis
 * knows when the connection is gone; a connection that stays open while
 * Redis answers nothing is known only by a missed deadline.
 */
interface Health {
  /** A call missed its deadline and no probe has been answered since. */
  stalled: boolean;
  probe: ReturnType<typeof setTimeout> | undefined;
  log: Logger;
}

const health = new WeakMap<Redis, Health>();

function healthOf(redis: Redis): Health {
  let h = health.get(redis);
  if (!h) {
    h = { stalled: false, probe: undefined, log: () => {} };
    health.set(redis, h);
  }
  return h;
}

/**
 * Whether the stores on this client can answer: connected, and not stalled.
 * What `otp_flow_store_up{store="redis"}` reports.
 */
export function redisUp(redis: Redis): boolean {
  return redis.status === 'ready' && !healthOf(redis).stalled;
}

function withDeadline<T>(operation: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
  });
  return Promise.race([operation, late]).finally(() => clearTimeout(timer));
}

/** Asks Redis until it answers again, then lets calls through. */
function stall(redis: Redis, deadlineMs: number): void {
  const h = healthOf(redis);
  if (h.stalled) return;
  h.stalled = true;
  h.log({
    level: 'error',
    event: 'redis.unresponsive',
    message: `Redis did not answer within ${deadlineMs} ms: sends and verifies are refused (503) until it answers again.`,
  });
  const probe = () => {
    if (redis.status === 'end') {
      h.probe = undefined;
      return;
    }
    withDeadline(redis.ping(), deadlineMs).then(
      () => {
        h.stalled = false;
        h.probe = undefined;
        h.log({ level: 'info', event: 'redis.responsive', message: 'Redis answers again.' });
      },
      () => {
        h.probe = setTimeout(probe, PROBE_EVERY_MS);
        h.probe.unref?.();
      },
    );
  };
  h.probe = setTimeout(probe, PROBE_EVERY_MS);
  h.probe.unref?.();
}

export interface RedisStoreOptions {
  /** The longest a call may take before the request is refused with 503. */
  deadlineMs?: number;
}

/**
 * One call, bounded: Redis unreachable, stalled or past the deadline is a
 * 503 (refuse rather than guess what other instances spent); a reply that
 * says our script is wrong stays a bug (500), as in the other stores.
 */
async function guarded<T>(redis: Redis, what: string, deadlineMs: number, operation: () => Promise<T>, onLate?: () => void): Promise<T> {
  const unavailable = (detail: string) => new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `${what}: ${detail}`);
  if (redis.status !== 'ready') throw unavailable(`redis ${redis.status}`);
  if (healthOf(redis).stalled) throw unavailable('redis is not answering');
  try {
    return await withDeadline(operation(), deadlineMs);
  } catch (error) {
    if (error instanceof DeadlineExceeded) {
      stall(redis, deadlineMs);
      onLate?.();
      throw unavailable(error.message);
    }
    if (error instanceof ReplyError && !UNAVAILABLE_REPLY.test((error as Error).message)) throw error;
    throw unavailable((error as Error).message);
  }
}

export class RedisBudgetStore implements BudgetStore {
  readonly shared = true;
  readonly #redis: Scripted;
  readonly #deadlineMs: number;

  constructor(redis: Redis, { deadlineMs = DEFAULT_DEADLINE_MS }: RedisStoreOptions = {}) {
    this.#redis = scripted(redis);
    this.#deadlineMs = deadlineMs;
  }

  async take(budgets: readonly Budget[]): Promise<TakeResult> {
    const keys = budgets.map((b) => `otp-flow:b:${b.key}`);
    const args = budgets.flatMap((b) => [b.limit, b.windowMs]);
    // A late TAKE still charges when Redis wakes up: a budget charged for a send that never went, closed rather than open.
    const [index, ttl] = await guarded(this.#redis, 'budget store', this.#deadlineMs, () => this.#redis.otpTake(keys.length, ...keys, ...args));
    return index === 0 ? { ok: true } : { ok: false, index: index - 1, retryAfterMs: Math.max(0, ttl) };
  }

  async read(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const values = await guarded(this.#redis, 'budget store', this.#deadlineMs, () => this.#redis.mget(...keys.map((k) => `otp-flow:b:${k}`)));
    return values.map((v) => Number(v ?? 0) || 0);
  }

  async release(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await guarded(this.#redis, 'budget store', this.#deadlineMs, () => this.#redis.otpRelease(keys.length, ...keys.map((k) => `otp-flow:b:${k}`)));
  }
}

export class RedisVerifyStore implements VerifyStore {
  readonly shared = true;
  readonly #redis: Scripted;
  readonly #deadlineMs: number;

  constructor(redis: Redis, { deadlineMs = DEFAULT_DEADLINE_MS }: RedisStoreOptions = {}) {
    this.#redis = scripted(redis);
    this.#deadlineMs = deadlineMs;
  }

  epoch(): Promise<string> {
    return guarded(this.#redis, 'verify store', this.#deadlineMs, () => this.#redis.otpEpoch(EPOCH_KEY, randomId()));
  }

  async begin(id: string, epoch: string, maxAttempts: number, holdMs: number): Promise<BeginResult> {
    const key = `otp-flow:v:${id}`;
    const nonce = crypto.randomUUID();
    const left = await guarded(
      this.#redis,
      'verify store',
      this.#deadlineMs,
      () => this.#redis.otpBegin(key, EPOCH_KEY, epoch, maxAttempts, Math.ceil(holdMs), nonce),
      // The guess will not leave: give the attempt back once Redis runs the late BEGIN.
      () => void this.#redis.otpUnbegin(key, nonce).catch(() => {}),
    );
    if (left === -1) return { state: 'used' };
    if (left === -2) return { state: 'busy' };
    if (left === -3) return { state: 'locked' };
    if (left === -4) return { state: 'stale' };
    return { state: 'ok', attemptsLeft: left };
  }

  async settle(id: string, outcome: VerifyOutcome): Promise<void> {
    await guarded(this.#redis, 'verify store', this.#deadlineMs, () => this.#redis.otpSettle(`otp-flow:v:${id}`, outcome));
  }
}

/**
 * The postback outbox on this client, every call bounded by the stores'
 * deadline: a stalled Redis holds neither a verify nor the delivery timer.
 */
export function redisPostbackOutbox(redis: Redis, { deadlineMs = DEFAULT_DEADLINE_MS, ...options }: RedisStoreOptions & RedisOutboxOptions = {}): RedisPostbackOutbox {
  return new RedisPostbackOutbox(redis, { ...options, call: (operation) => guarded(redis, 'postback outbox', deadlineMs, operation) });
}

/** Both stores on one client. */
export function redisStores(redis: Redis, options: RedisStoreOptions = {}): { budgets: RedisBudgetStore; verifies: RedisVerifyStore } {
  return { budgets: new RedisBudgetStore(redis, options), verifies: new RedisVerifyStore(redis, options) };
}

/**
 * Whether Redis keeps every write across a restart. Without the append-only
 * file (Debian's default is periodic snapshots), a restart loses the writes
 * since the last snapshot: the epoch keeps a Redis restarted empty from
 * verifying a session twice, but one restored from an older snapshot holds
 * the epoch without the newest one-conversion records.
 */
async function appendOnly(redis: Redis): Promise<boolean | undefined> {
  try {
    const info = await redis.info('persistence');
    const match = /^aof_enabled:(\d)/m.exec(info);
    return match ? match[1] === '1' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An ioredis client that fails fast: with the offline queue off, a command
 * while disconnected errors at once (and the proxy answers 503) instead of
 * waiting; reconnection goes on in the background. Logs `redis.unavailable`
 * once per outage and `redis.ready` when it is back, and says at start when
 * Redis runs without the append-only file.
 */
export function connectRedis(url: string, log: Logger, { name = 'otp-flow' }: { name?: string } = {}): Redis {
  const redis = new Redis(url, {
    // Shows in CLIENT LIST, so an operator can tell the proxy's connections apart.
    connectionName: name,
    enableOfflineQueue: false,
    // A send is a read and a take, a verify a begin and a settle: under load, the commands of every request
    // in one tick go out in one write instead of a write (a system call) each.
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  healthOf(redis).log = log;
  let up: boolean | undefined;
  let persistenceChecked = false;
  redis.on('ready', () => {
    if (up !== true) log({ level: 'info', event: 'redis.ready', host: new URL(url).host });
    up = true;
    if (persistenceChecked) return;
    persistenceChecked = true;
    void appendOnly(redis).then((aof) => {
      if (aof !== false) return;
      log({
        level: 'warn',
        event: 'redis.no_append_only',
        message:
          'Redis runs without the append-only file (appendonly no): a restart loses the writes since its last snapshot, the one-conversion records among them. Set `appendonly yes` in redis.conf.',
      });
    });
  });
  redis.on('error', (error: Error) => {
    if (up !== false) {
      log({
        level: 'error',
        event: 'redis.unavailable',
        message: 'Redis is unreachable: sends and verifies are refused (503) until it is back.',
        detail: error.message,
      });
    }
    up = false;
  });
  return redis;
}
