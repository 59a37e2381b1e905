/**
 * The verify store in Redis: attempts and the one-conversion record shared by
 * every instance. Each operation is one Lua script, so two instances can
 * never both take the same session.
 */
import type { Redis } from 'ioredis';
import { ProxyError } from './errors.js';
import { STORE_RETRY_AFTER } from './limits.js';
import type { BeginResult, VerifyStore } from './store.js';

// KEYS[1] = state hash {attempts, used}, KEYS[2] = lease of the verify in flight.
const BEGIN = `
if redis.call('hget', KEYS[1], 'used') then return 'used' end
local attempts = tonumber(redis.call('hget', KEYS[1], 'attempts') or '0')
if attempts >= tonumber(ARGV[1]) then return 'locked' end
if not redis.call('set', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then return 'busy' end
redis.call('pexpire', KEYS[1], ARGV[2])
return 'ok'`;
const FAIL = `
local attempts = redis.call('hincrby', KEYS[1], 'attempts', 1)
redis.call('pexpire', KEYS[1], ARGV[1])
redis.call('del', KEYS[2])
return attempts`;
const SUCCEED = `
redis.call('hset', KEYS[1], 'used', '1')
redis.call('pexpire', KEYS[1], ARGV[1])
redis.call('del', KEYS[2])
return 1`;

type Scripted = Redis & {
  otpBegin(state: string, lease: string, max: number, ttl: number, leaseMs: number): Promise<string>;
  otpFail(state: string, lease: string, ttl: number): Promise<number>;
  otpSucceed(state: string, lease: string, ttl: number): Promise<number>;
};

export class RedisVerifyStore implements VerifyStore {
  readonly #redis: Scripted;
  /** A crashed instance's lease runs out by itself: longer than any upstream verify can take. */
  readonly #leaseMs: number;

  constructor(redis: Redis, { leaseMs = 60_000 } = {}) {
    redis.defineCommand('otpBegin', { numberOfKeys: 2, lua: BEGIN });
    redis.defineCommand('otpFail', { numberOfKeys: 2, lua: FAIL });
    redis.defineCommand('otpSucceed', { numberOfKeys: 2, lua: SUCCEED });
    this.#redis = redis as Scripted;
    this.#leaseMs = leaseMs;
  }

  async #run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#redis.status !== 'ready') {
      throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `verify store: redis ${this.#redis.status}`);
    }
    try {
      return await operation();
    } catch (error) {
      throw new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `verify store: ${(error as Error).message}`);
    }
  }

  begin(id: string, maxAttempts: number, ttlMs: number): Promise<BeginResult> {
    return this.#run(() => this.#redis.otpBegin(`otp-flow:v:${id}`, `otp-flow:l:${id}`, maxAttempts, ttlMs, this.#leaseMs)) as Promise<BeginResult>;
  }

  async fail(id: string, maxAttempts: number, ttlMs: number): Promise<number> {
    const attempts = await this.#run(() => this.#redis.otpFail(`otp-flow:v:${id}`, `otp-flow:l:${id}`, ttlMs));
    return Math.max(0, maxAttempts - Number(attempts));
  }

  async release(id: string): Promise<void> {
    await this.#run(() => this.#redis.del(`otp-flow:l:${id}`));
  }

  async succeed(id: string, ttlMs: number): Promise<void> {
    await this.#run(() => this.#redis.otpSucceed(`otp-flow:v:${id}`, `otp-flow:l:${id}`, ttlMs));
  }
}
