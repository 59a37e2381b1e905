/**
 * Send budgets: which budgets one send is charged to, and what a refusal
 * says. The counting itself is the `BudgetStore`'s (memory, Redis, Durable
 * Objects), all or nothing across the budgets of one send.
 *
 * A store that cannot answer (Redis down) makes the proxy refuse (503,
 * thrown by the store) rather than guess: a guessed budget could be N times
 * the real one.
 */
import { ProxyError } from './errors.js';
import type { Logger } from './log.js';
import { optionNames, type ProxySettings, type SettingNames } from './config.js';
import type { Budget, BudgetStore } from './store.js';
import type { ClientKeys } from './client.js';

export interface SendLimiter {
  /** Charges one send to every budget, or throws `rate_limited` / `resend_too_soon` / `service_unavailable`. */
  take(msisdn: string, client: ClientKeys): Promise<void>;
}

/**
 * Turns a number or an address into the digest stores are keyed by, so no
 * store (Redis, Durable Objects) ever holds one in the clear.
 */
export type Tag = (value: string) => Promise<string>;

/** Coarse on purpose: exact timings help an attacker pace a pump, and people think in minutes. */
function coarseRetryAfter(ms: number): number {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds <= 60) return Math.ceil(seconds / 10) * 10;
  return Math.ceil(seconds / 60) * 60;
}

export const STORE_RETRY_AFTER = 5;

type BudgetName = 'client' | 'network' | 'number' | 'resend' | 'hourly';

export function createSendLimiter(
  settings: ProxySettings,
  store: BudgetStore,
  tag: Tag,
  log: Logger,
  now: () => number = Date.now,
  names: SettingNames = optionNames,
): SendLimiter {
  let capLoggedUntil = 0;
  const clientWindowMs = settings.clientWindow * 1000;
  const numberWindowMs = settings.numberWindow * 1000;
  const resendMs = settings.resendAfter * 1000;

  function refusal(name: BudgetName, retryAfterMs: number): ProxyError {
    if (name === 'resend') {
      // The component counts this down for the user, so it is exact.
      return new ProxyError('resend_too_soon', { retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) }, 'resend wait not over');
    }
    if (name === 'hourly' && now() > capLoggedUntil) {
      capLoggedUntil = now() + retryAfterMs;
      log({
        level: 'error',
        event: 'limits.hourly_cap_reached',
        message: `HOURLY SEND CAP REACHED: ${settings.hourlyLimit} sends this hour (${names('hourlyLimit')}). Every send is refused until the hour is over.`,
        retryAfter: Math.ceil(retryAfterMs / 1000),
      });
    }
    return new ProxyError('rate_limited', { retryAfter: coarseRetryAfter(retryAfterMs) }, `${name} budget spent`);
  }

  return {
    async take(msisdn, client) {
      const [numberTag, addressTag, networkTag] = await Promise.all([
        tag(`n:${msisdn}`),
        tag(`c:${client.address}`),
        client.network ? tag(`w:${client.network}`) : undefined,
      ]);
      // In this order, so the refusal reported is the one that matters most to who is asking.
      const budgets: Array<Budget & { name: BudgetName }> = [
        { name: 'client', key: `c:${addressTag}`, limit: settings.clientLimit, windowMs: clientWindowMs },
      ];
      if (networkTag) {
        budgets.push({ name: 'network', key: `w:${networkTag}`, limit: settings.networkLimit, windowMs: clientWindowMs });
      }
      budgets.push({ name: 'number', key: `n:${numberTag}`, limit: settings.numberLimit, windowMs: numberWindowMs });
      if (resendMs > 0) {
        budgets.push({ name: 'resend', key: `r:${numberTag}`, limit: 1, windowMs: resendMs });
      }
      budgets.push({ name: 'hourly', key: 'h:all', limit: settings.hourlyLimit, windowMs: 3_600_000 });

      // A store that cannot answer throws `service_unavailable` itself; anything else it throws is a bug (500).
      const result = await store.take(budgets);
      if (!result.ok) throw refusal(budgets[result.index]!.name, result.retryAfterMs);
    },
  };
}
