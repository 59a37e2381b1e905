/**
 * The postback outbox in Redis: kept across restarts and shared, so with N
 * instances each postback is delivered by one of them. Every operation is
 * one Lua script, atomic: two instances claiming at the same moment get
 * different entries, and ten adds of one txid make one entry.
 *
 * Layout: one hash per postback (`otp-flow:pb:e:<txid>`) and one sorted set
 * (`otp-flow:pb:due`) of pending txids scored by when each may next be
 * claimed: its due time, or while it is leased, the lease's end. A done
 * entry keeps its hash, without the URL, for `retentionMs`, so the same txid
 * is never added again. The scripts build entry keys from the txid, so the
 * keys are not all declared: a single Redis (or primary with replicas), not
 * Redis Cluster, like the other stores.
 *
 * Times are the callers' clocks (epoch ms): instances should agree within a
 * few seconds, which NTP gives, as a lease outlasts an attempt by more than
 * that.
 */
import type { Redis } from 'ioredis';
import { DEFAULT_RETENTION_MS, DEFAULT_RETRY_POLICY, leaseToken, type ClaimedPostback, type PostbackOutbox, type RetryPolicy } from '../proxy/outbox.js';
import type { PostbackEntry, PostbackEvent, PostbackMethod } from '../proxy/postback.js';

const PREFIX = 'otp-flow:pb:e:';
const DUE = 'otp-flow:pb:due';

// KEYS: entry, due set. ARGV: txid, event, method, url, createdAt, ttl (ms).
// The TTL is a backstop for an outbox no instance drives any more; a driven one settles entries long before.
const ADD = `
if redis.call('exists', KEYS[1]) == 1 then return 0 end
redis.call('hset', KEYS[1], 'event', ARGV[2], 'method', ARGV[3], 'url', ARGV[4], 'createdAt', ARGV[5], 'attempt', 0)
redis.call('pexpire', KEYS[1], ARGV[6])
redis.call('zadd', KEYS[2], ARGV[5], ARGV[1])
return 1`;

// KEYS: due set. ARGV: now, limit, lease (ms), lease token, entry key prefix.
// A due txid whose hash is gone (its backstop TTL ran out) is removed, not returned.
const CLAIM = `
local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local key = ARGV[5] .. id
  local e = redis.call('hmget', key, 'event', 'method', 'url', 'createdAt', 'attempt')
  if not e[3] then
    redis.call('zrem', KEYS[1], id)
  else
    local attempt = tonumber(e[5]) + 1
    redis.call('hset', key, 'attempt', attempt, 'lease', ARGV[4])
    redis.call('zadd', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), id)
    table.insert(out, {id, e[1], e[2], e[3], e[4], tostring(attempt)})
  end
end
return out`;

// KEYS: entry, due set. ARGV: txid, lease token, retention (ms), state (delivered | dropped).
const FINISH = `
if redis.call('hget', KEYS[1], 'lease') ~= ARGV[2] then return 0 end
redis.call('zrem', KEYS[2], ARGV[1])
redis.call('hdel', KEYS[1], 'url', 'lease')
redis.call('hset', KEYS[1], 'state', ARGV[4])
redis.call('pexpire', KEYS[1], ARGV[3])
return 1`;

// KEYS: entry, due set. ARGV: txid, lease token, due (ms).
const RETRY = `
if redis.call('hget', KEYS[1], 'lease') ~= ARGV[2] then return 0 end
redis.call('hdel', KEYS[1], 'lease')
redis.call('zadd', KEYS[2], ARGV[3], ARGV[1])
return 1`;

type Scripted = Redis & {
  otpPostbackAdd(entry: string, due: string, ...args: Array<string | number>): Promise<number>;
  otpPostbackClaim(due: string, now: number, limit: number, leaseMs: number, lease: string, prefix: string): Promise<string[][]>;
  otpPostbackFinish(entry: string, due: string, txid: string, lease: string, retentionMs: number, state: string): Promise<number>;
  otpPostbackRetry(entry: string, due: string, txid: string, lease: string, dueAt: number): Promise<number>;
};

function scripted(redis: Redis): Scripted {
  if (!('otpPostbackAdd' in redis)) {
    redis.defineCommand('otpPostbackAdd', { numberOfKeys: 2, lua: ADD });
    redis.defineCommand('otpPostbackClaim', { numberOfKeys: 1, lua: CLAIM });
    redis.defineCommand('otpPostbackFinish', { numberOfKeys: 2, lua: FINISH });
    redis.defineCommand('otpPostbackRetry', { numberOfKeys: 2, lua: RETRY });
  }
  return redis as Scripted;
}

export interface RedisOutboxOptions {
  /** How long a done txid is remembered, and a pending entry kept past its last retry if no instance settles it. */
  retentionMs?: number;
  /** The runners' retry policy: its `giveUpAfterMs` is how long entries are pending at most. */
  policy?: RetryPolicy;
  /** Runs each call to Redis: `redisPostbackOutbox` (`otp-flow/redis`) bounds it with the stores' deadline. */
  call?: <T>(operation: () => Promise<T>) => Promise<T>;
}

/**
 * Errors are Redis's own (ioredis fails at once while disconnected, with the
 * client `connectRedis` makes), or the deadline's with `redisPostbackOutbox`:
 * the driver logs them once per outage and tries again, and an `add` that
 * fails is the caller's to report.
 */
export class RedisPostbackOutbox implements PostbackOutbox {
  readonly shared = true;
  readonly durable = true;
  readonly #redis: Scripted;
  readonly #retentionMs: number;
  readonly #ttlMs: number;
  readonly #call: <T>(operation: () => Promise<T>) => Promise<T>;

  constructor(redis: Redis, { retentionMs = DEFAULT_RETENTION_MS, policy = DEFAULT_RETRY_POLICY, call = (operation) => operation() }: RedisOutboxOptions = {}) {
    this.#redis = scripted(redis);
    this.#retentionMs = retentionMs;
    this.#ttlMs = policy.giveUpAfterMs + retentionMs;
    this.#call = call;
  }

  async add(entry: PostbackEntry): Promise<boolean> {
    const added = await this.#call(() =>
      this.#redis.otpPostbackAdd(PREFIX + entry.txid, DUE, entry.txid, entry.event, entry.method, entry.url, entry.createdAt, this.#ttlMs),
    );
    return added === 1;
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<ClaimedPostback[]> {
    const lease = leaseToken();
    const rows = await this.#call(() => this.#redis.otpPostbackClaim(DUE, now, limit, Math.ceil(leaseMs), lease, PREFIX));
    return rows.map(([txid, event, method, url, createdAt, attempt]) => ({
      txid: txid!,
      event: event as PostbackEvent,
      method: method as PostbackMethod,
      url: url!,
      createdAt: Number(createdAt),
      attempt: Number(attempt),
      lease,
    }));
  }

  delivered(claimed: ClaimedPostback): Promise<boolean> {
    return this.#finish(claimed, 'delivered');
  }

  drop(claimed: ClaimedPostback): Promise<boolean> {
    return this.#finish(claimed, 'dropped');
  }

  async retry(claimed: ClaimedPostback, dueAt: number): Promise<boolean> {
    return (await this.#call(() => this.#redis.otpPostbackRetry(PREFIX + claimed.txid, DUE, claimed.txid, claimed.lease, dueAt))) === 1;
  }

  size(): Promise<number> {
    return this.#call(() => this.#redis.zcard(DUE));
  }

  async #finish(claimed: ClaimedPostback, state: 'delivered' | 'dropped'): Promise<boolean> {
    return (await this.#call(() => this.#redis.otpPostbackFinish(PREFIX + claimed.txid, DUE, claimed.txid, claimed.lease, this.#retentionMs, state))) === 1;
  }
}
