/**
 * `otp-flow/redis`: budgets and verify records in Redis, so every instance
 * enforces one budget and a session converts once, however many instances
 * serve it. Every operation is one Lua script: atomic, one round trip.
 *
 * Kept out of `otp-flow/proxy` so the core stays free of Node-only imports.
 */
import { Redis } from 'ioredis';
import { ProxyError } from '../proxy/errors.js';
import { STORE_RETRY_AFTER } from '../proxy/budgets.js';
import type { Logger } from '../proxy/log.js';
import type { BeginResult, Budget, BudgetStore, TakeResult, VerifyOutcome, VerifyStore } from '../proxy/store.js';

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

// KEYS[1]: the session's hash {attempts, held, used}. ARGV: max attempts, hold (ms).
// The attempt is counted as the session is taken, before the guess leaves.
const BEGIN = `
if redis.call('hget', KEYS[1], 'used') then return -1 end
if redis.call('hget', KEYS[1], 'held') then return -2 end
local attempts = tonumber(redis.call('hget', KEYS[1], 'attempts') or '0')
if attempts >= tonumber(ARGV[1]) then return -3 end
redis.call('hset', KEYS[1], 'attempts', attempts + 1, 'held', '1')
if redis.call('pttl', KEYS[1]) < tonumber(ARGV[2]) then redis.call('pexpire', KEYS[1], ARGV[2]) end
return tonumber(ARGV[1]) - attempts - 1`;

// ARGV[1]: verified | counted | not_sent.
const SETTLE = `
if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('hdel', KEYS[1], 'held')
if ARGV[1] == 'verified' then redis.call('hset', KEYS[1], 'used', '1') end
if ARGV[1] == 'not_sent' then redis.call('hincrby', KEYS[1], 'attempts', -1) end
return 1`;

type Scripted = Redis & {
  otpTake(...args: Array<string | number>): Promise<[number, number]>;
  otpBegin(key: string, max: number, holdMs: number): Promise<number>;
  otpSettle(key: string, outcome: VerifyOutcome): Promise<number>;
};

function scripted(redis: Redis): Scripted {
  if (!('otpTake' in redis)) {
    redis.defineCommand('otpTake', { lua: TAKE });
    redis.defineCommand('otpBegin', { numberOfKeys: 1, lua: BEGIN });
    redis.defineCommand('otpSettle', { numberOfKeys: 1, lua: SETTLE });
  }
  return redis as Scripted;
}

/** Redis unreachable: refuse (503) rather than guess what other instances spent. */
async function guarded<T>(redis: Redis, what: string, operation: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') {
    throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `${what}: redis ${redis.status}`);
  }
  try {
    return await operation();
  } catch (error) {
    throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `${what}: ${(error as Error).message}`);
  }
}

export class RedisBudgetStore implements BudgetStore {
  readonly shared = true;
  readonly #redis: Scripted;

  constructor(redis: Redis) {
    this.#redis = scripted(redis);
  }

  async take(budgets: readonly Budget[]): Promise<TakeResult> {
    const keys = budgets.map((b) => `otp-flow:b:${b.key}`);
    const args = budgets.flatMap((b) => [b.limit, b.windowMs]);
    const [index, ttl] = await guarded(this.#redis, 'budget store', () => this.#redis.otpTake(keys.length, ...keys, ...args));
    return index === 0 ? { ok: true } : { ok: false, index: index - 1, retryAfterMs: Math.max(0, ttl) };
  }
}

export class RedisVerifyStore implements VerifyStore {
  readonly shared = true;
  readonly #redis: Scripted;

  constructor(redis: Redis) {
    this.#redis = scripted(redis);
  }

  async begin(id: string, maxAttempts: number, holdMs: number): Promise<BeginResult> {
    const left = await guarded(this.#redis, 'verify store', () => this.#redis.otpBegin(`otp-flow:v:${id}`, maxAttempts, Math.ceil(holdMs)));
    if (left === -1) return { state: 'used' };
    if (left === -2) return { state: 'busy' };
    if (left === -3) return { state: 'locked' };
    return { state: 'ok', attemptsLeft: left };
  }

  async settle(id: string, outcome: VerifyOutcome): Promise<void> {
    await guarded(this.#redis, 'verify store', () => this.#redis.otpSettle(`otp-flow:v:${id}`, outcome));
  }
}

/** Both stores on one client. */
export function redisStores(redis: Redis): { budgets: RedisBudgetStore; verifies: RedisVerifyStore } {
  return { budgets: new RedisBudgetStore(redis), verifies: new RedisVerifyStore(redis) };
}

/**
 * An ioredis client that fails fast: with the offline queue off, a command
 * while disconnected errors at once (and the proxy answers 503) instead of
 * waiting; reconnection goes on in the background. Logs `redis.unavailable`
 * once per outage and `redis.ready` when it is back.
 */
export function connectRedis(url: string, log: Logger, { name = 'otp-flow' }: { name?: string } = {}): Redis {
  const redis = new Redis(url, {
    // Shows in CLIENT LIST, so an operator can tell the proxy's connections apart.
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let up: boolean | undefined;
  redis.on('ready', () => {
    if (up !== true) log({ level: 'info', event: 'redis.ready', host: new URL(url).host });
    up = true;
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
