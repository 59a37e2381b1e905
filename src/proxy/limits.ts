/**
 * Send budgets: per number, per client address, and per hour for the whole
 * proxy. rate-limiter-flexible keeps them in memory, or in Redis so several
 * instances share one budget.
 *
 * Redis unreachable means the proxy cannot know what other instances spent,
 * so it refuses (503) rather than guess; ioredis reconnects by itself and
 * the budgets apply again as soon as it does.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { ProxyError } from './errors.js';
import type { Logger } from './log.js';
import type { ProxySettings } from './config.js';

export interface SendLimiter {
  /** Takes one send from every budget, or throws `rate_limited` / `service_unavailable`. */
  take(numberKey: string, clientKey: string): Promise<void>;
}

/** Coarse on purpose: exact timings help an attacker pace a pump, and people think in minutes. */
export function coarseRetryAfter(ms: number): number {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds <= 60) return Math.ceil(seconds / 10) * 10;
  return Math.ceil(seconds / 60) * 60;
}

export const STORE_RETRY_AFTER = 5;

export function createSendLimiter(settings: ProxySettings, log: Logger, redis?: Redis): SendLimiter {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `otp-flow:${name}`, points, duration, rejectIfRedisNotReady: true })
      : new RateLimiterMemory({ keyPrefix: name, points, duration });
  const perClient = make('client', settings.clientLimit, settings.clientWindow);
  const perNumber = make('number', settings.numberLimit, settings.numberWindow);
  const hourly = make('hourly', settings.hourlyLimit, 3600);
  let capLoggedUntil = 0;

  function refusal(outcome: unknown, budget: string): ProxyError {
    if (!(outcome instanceof RateLimiterRes)) {
      return new ProxyError('service_unavailable', { retryAfter: STORE_RETRY_AFTER }, `limit store: ${(outcome as Error)?.message ?? outcome}`);
    }
    if (budget === 'hourly' && Date.now() > capLoggedUntil) {
      capLoggedUntil = Date.now() + outcome.msBeforeNext;
      log({
        level: 'error',
        event: 'limits.hourly_cap_reached',
        message: `HOURLY SEND CAP REACHED: ${settings.hourlyLimit} sends this hour (OTP_HOURLY_LIMIT). Every send is refused until the hour is over.`,
        retryAfter: Math.ceil(outcome.msBeforeNext / 1000),
      });
    }
    return new ProxyError('rate_limited', { retryAfter: coarseRetryAfter(outcome.msBeforeNext) }, `${budget} budget spent`);
  }

  const budgets = [
    { name: 'client', limiter: perClient },
    { name: 'number', limiter: perNumber },
    { name: 'hourly', limiter: hourly },
  ] as const;

  return {
    async take(numberKey, clientKey) {
      const keys = [clientKey, numberKey, 'all'];
      // All three at once: one Redis round trip of latency instead of three.
      const outcomes = await Promise.allSettled(budgets.map((b, i) => b.limiter.consume(keys[i]!)));
      const first = outcomes.findIndex((o) => o.status === 'rejected');
      if (first === -1) return;
      // As if taken in order client → number → hourly: what comes after the first refusal is given back,
      // so a client out of budget never spends a victim number's budget.
      await Promise.allSettled(
        outcomes.map((o, i) => (i > first && o.status === 'fulfilled' ? budgets[i]!.limiter.reward(keys[i]!) : undefined)),
      );
      throw refusal((outcomes[first] as PromiseRejectedResult).reason, budgets[first]!.name);
    },
  };
}
