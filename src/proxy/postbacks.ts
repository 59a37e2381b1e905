/**
 * The proxy's side of postbacks (`OTP_POSTBACK_URL`): which events fire one,
 * the outbox entry for a conversion, and where it is recorded and delivered.
 *
 * Where: the queue the proxy is given. An outbox that is claimed from
 * (memory, the default, or Redis) is delivered by this process, on a timer
 * woken as each postback is added; a queue that delivers itself (the Durable
 * Objects of the Cloudflare kit) is only added to.
 *
 * `record` is called once the conversion is certain (Offer18 said yes) and
 * before the proxy's own record of it, so a crash between the two leaves a
 * postback for a conversion that happened, never a conversion without its
 * postback; the txid, derived from the session, makes a second `record` of
 * the same conversion add nothing (see `verify` in proxy.ts).
 */
import type { ProxySettings } from './config.js';
import type { Logger } from './log.js';
import type { Observer } from './observe.js';
import { MemoryPostbackOutbox, type PostbackOutbox, type PostbackQueue, type RetryPolicy } from './outbox.js';
import { createPostbackKeys, parsePostbackTemplate, preparePostback, type Conversion, type PostbackEvent } from './postback.js';
import { createPostbackRunner } from './postback-delivery.js';
import { startPostbackDriver } from './postback-driver.js';

/** Retries stop this long after the conversion, whatever the first wait. */
const GIVE_UP_AFTER_MS = 86_400_000;
/** The longest wait between two attempts. */
const MAX_RETRY_DELAY_MS = 3_600_000;

/** Backoff from `OTP_POSTBACK_RETRY_MS`, doubling up to an hour, for a day. */
export function retryPolicy(settings: ProxySettings['postback']): RetryPolicy {
  return { firstDelayMs: settings.retryMs, maxDelayMs: Math.max(settings.retryMs, MAX_RETRY_DELAY_MS), giveUpAfterMs: GIVE_UP_AFTER_MS };
}

export interface Postbacks {
  fires(event: PostbackEvent): boolean;
  /** The template puts in `{country}`, which a verify then works out from the number. */
  readonly usesCountry: boolean;
  /**
   * Adds the conversion's postback to the outbox, if the template fires for
   * it. Never throws: an outbox that cannot take it is logged at `error`
   * with what the operator needs to send it by hand.
   */
  record(conversion: Conversion): Promise<void>;
  /** Stops this process's delivery (waiting for attempts in flight); what is pending stays in the outbox. */
  close(): Promise<void>;
}

export interface PostbackDeps {
  /** Where postbacks are recorded; an in-memory outbox by default. */
  postbacks?: PostbackQueue | PostbackOutbox | undefined;
  log: Logger;
  observe: Observer;
  now: () => number;
}

const delivers = (queue: PostbackQueue): queue is PostbackOutbox => typeof (queue as Partial<PostbackOutbox>).claim === 'function';

/** Undefined when no postback URL is set. `secret` keys the txids and `{msisdn_hash}`: the session secret. */
export function createPostbacks(settings: ProxySettings, secret: string, { postbacks, log, observe, now }: PostbackDeps): Postbacks | undefined {
  const { url, method, on, payout, timeoutMs, retryMs } = settings.postback;
  if (url === undefined) return undefined;
  // Checked by configure() already, with the variable's name; this cannot fail.
  const parsed = parsePostbackTemplate(url, { clickNames: settings.clickParams, payout });
  if (!parsed.ok) throw new Error(`postback.url ${parsed.message}`);
  const { template } = parsed;
  const keys = createPostbackKeys(secret);
  if (!postbacks) {
    log({
      level: 'warn',
      event: 'config.postbacks_in_memory',
      message: 'Postbacks wait for delivery in this process’s memory: those the tracker has not taken when it stops are lost. Give the proxy an outbox in Redis to keep them.',
    });
  }
  const queue = postbacks ?? new MemoryPostbackOutbox({ now });
  const driver = delivers(queue)
    ? startPostbackDriver(createPostbackRunner({ outbox: queue, log, observe, now, timeoutMs, policy: retryPolicy(settings.postback) }), {
        // A retry due in less than the usual second is not kept waiting for it.
        intervalMs: Math.min(1_000, retryMs),
        log,
      })
    : undefined;

  return {
    fires: (event) => on.includes(event),
    usesCountry: template.uses('country'),
    async record(conversion) {
      let txid: string | undefined;
      try {
        const entry = await preparePostback({ template, keys, method }, conversion, now());
        if (!entry) return;
        txid = entry.txid;
        if (await queue.add(entry)) driver?.wake();
      } catch (error) {
        log({
          level: 'error',
          event: 'postback.not_recorded',
          stage: conversion.event,
          txid,
          click: conversion.click,
          detail: (error as Error)?.message ?? String(error),
          message: 'A postback could not be added to the outbox: the tracker will not learn of this conversion unless it is sent by hand.',
        });
      }
    },
    close: async () => driver?.close(),
  };
}
