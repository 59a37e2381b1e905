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

/** A budget with the answer its refusal gets. */
export interface NamedBudget extends Budget {
  refuse(retryAfterMs: number): ProxyError | Promise<ProxyError>;
}

/** The rate budgets every send is charged to. */
export interface SendBudgets {
  client: NamedBudget;
  /** IPv6 only: the /48 around the client. */
  network: NamedBudget | undefined;
  number: NamedBudget;
  /** The resend wait, unless it is 0. */
  resend: NamedBudget | undefined;
  hourly: NamedBudget;
  /** The digests the keys were made from, for whoever keys more on the same client (the shield). */
  tags: { address: string; network: string | undefined };
}

export interface SendLimiter {
  /** The budgets of one send, keyed on digests of its number and client. */
  budgets(msisdn: string, client: ClientKeys): Promise<SendBudgets>;
  /**
   * Charges one send to every budget of `list`, in its order, or to none and
   * throws the error of the first that refused (`rate_limited`,
   * `resend_too_soon`, or whatever the budget says); a store that cannot
   * answer throws `service_unavailable` itself.
   */
  take(list: readonly NamedBudget[]): Promise<void>;
}

/**
 * Turns a number or an address into the digest stores are keyed by, so no
 * store (Redis, Durable Objects) ever holds one in the clear.
 */
export type Tag = (value: string) => Promise<string>;

/** Coarse on purpose: exact timings help an attacker pace a pump, and people think in minutes. */
export function coarseRetryAfter(ms: number): number {
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
  const named = (name: BudgetName, budget: Budget): NamedBudget => ({ ...budget, refuse: (ms) => refusal(name, ms) });

  return {
    async budgets(msisdn, client) {
      const [numberTag, addressTag, networkTag] = await Promise.all([
        tag(`n:${msisdn}`),
        tag(`c:${client.address}`),
        client.network ? tag(`w:${client.network}`) : undefined,
      ]);
      return {
        client: named('client', { key: `c:${addressTag}`, limit: settings.clientLimit, windowMs: clientWindowMs }),
        network: networkTag ? named('network', { key: `w:${networkTag}`, limit: settings.networkLimit, windowMs: clientWindowMs }) : undefined,
        number: named('number', { key: `n:${numberTag}`, limit: settings.numberLimit, windowMs: numberWindowMs }),
        resend: resendMs > 0 ? named('resend', { key: `r:${numberTag}`, limit: 1, windowMs: resendMs }) : undefined,
        hourly: named('hourly', { key: HOURLY_KEY, limit: settings.hourlyLimit, windowMs: HOUR_MS }),
        tags: { address: addressTag, network: networkTag },
      };
    },

    async take(list) {
      const result = await store.take(list);
      if (!result.ok) throw await list[result.index]!.refuse(result.retryAfterMs);
    },
  };
}

/** The whole proxy's hourly count: the spending cap's budget. */
export const HOURLY_KEY = 'h:all';
export const HOUR_MS = 3_600_000;

/** The standard budgets in the order a refusal matters most to who is asking, with `extra` where the shield puts them. */
export function sendList(std: SendBudgets, extra: { afterClient?: NamedBudget[]; beforeNumber?: NamedBudget[]; hourly?: NamedBudget } = {}): NamedBudget[] {
  return [
    std.client,
    ...(std.network ? [std.network] : []),
    ...(extra.afterClient ?? []),
    ...(extra.beforeNumber ?? []),
    std.number,
    ...(std.resend ? [std.resend] : []),
    extra.hourly ?? std.hourly,
  ];
}
