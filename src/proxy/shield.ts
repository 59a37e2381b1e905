/**
 * The fraud shield: what a send must show or is refused, beyond its rate
 * budgets, so that bots and SMS pumping cost the attacker, not the affiliate,
 * and never shut the campaign for real visitors.
 *
 * Everything here is budgets in the shared store (memory, Redis, Durable
 * Objects), charged in the same all-or-nothing take as the rate budgets, so
 * the limits hold exactly under any concurrency and across instances:
 *
 * - **Credit for unchallenged sends** (`OTP_CHALLENGE=adaptive`). Every
 *   send counts against its client, its network (/24 or /48) and the
 *   campaign (10-minute windows) until its code is verified; a send without
 *   a solved challenge is allowed only while its client has none out (1),
 *   its network fewer than 5 and the campaign fewer than
 *   `OTP_SHIELD_UNVERIFIED`. Honest visitors verify, so the counts stay low
 *   and nobody is challenged; a flood that never verifies fills them, after
 *   which every send must carry a solved proof of work until codes are
 *   verified or the window ends. A client or network that sends without
 *   verifying is asked first; the whole campaign only when the signs are
 *   everywhere.
 * - **The spending cap degrades.** Past half of `OTP_HOURLY_LIMIT`, every
 *   send must be solved; past 80 %, suspects (a client with a code it never
 *   verified, a range converting badly) are refused, keeping what is left
 *   for everyone else.
 * - **The prefix guard** (Twilio's Fraud Guard idea, with our own counters).
 *   A range is the number without its last four digits: 10,000 consecutive
 *   numbers, the block operators allocate and pumping schemes rent. Each
 *   range may hold `OTP_PREFIX_MIN_SENDS` unverified codes an hour, more as
 *   it converts (so a busy range of real subscribers is never paused while
 *   at least `OTP_PREFIX_MAX_CONVERSION` % verify); past that it is paused
 *   for `OTP_PREFIX_SUSPEND` seconds with `429 prefix_suspended`, and the
 *   rest of the campaign goes on.
 *
 * A send the shield let through carries in its session what it borrowed, so
 * the verify that converts it gives it back.
 */
import type { ChallengeAnswer } from '../contract/wire.js';
import type { ProxySettings } from './config.js';
import { ProxyError } from './errors.js';
import type { Logger } from './log.js';
import type { Observer } from './observe.js';
import type { BudgetStore } from './store.js';
import type { ClientKeys } from './client.js';
import type { Challenger } from './challenge.js';
import { coarseRetryAfter, HOUR_MS, sendList, type NamedBudget, type SendBudgets, type Tag } from './budgets.js';

/** The window of the unchallenged allowances. */
export const CREDIT_WINDOW_MS = 10 * 60_000;
/** Unverified unchallenged sends one client (IPv4 address, IPv6 /64) may have out at once. */
export const CLIENT_CREDIT = 1;
/** The same for its network (IPv4 /24, IPv6 /48). */
export const NETWORK_CREDIT = 5;
/** Past these shares of the hourly cap: every send must be solved; then suspects are refused. */
export const CHALLENGE_ALL_SHARE = 0.5;
export const SUSPECTS_REFUSED_SHARE = 0.8;
/** Digits left off a number to name its range: 10,000 consecutive numbers. */
export const RANGE_DIGITS = 4;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Where a send was counted, sealed in its session for the verify that gives
 * it back: short, since it rides in every token.
 */
export interface ShieldClaims {
  /** The range's digest. */
  r: string;
  /** The hour the send counts in, for the range's counters. */
  h: number;
  /** The client's digest, and its network's when it has one: the keys of their unverified counts. */
  c?: string;
  n?: string;
  /** The 10-minute window those counts (and the campaign's) are in. */
  w?: number;
}

const clientKey = (tag: string, window: number) => `fc:${tag}:${window}`;
const networkKey = (tag: string, window: number) => `fn:${tag}:${window}`;
const campaignKey = (window: number) => `fg:${window}`;

export interface Admission {
  /** Every budget of the send, rate budgets included, in order. */
  budgets: NamedBudget[];
  /** What to seal in the session, for the verify that gives it back; none when the shield is off. */
  claims: ShieldClaims | undefined;
  /** Called once the send went through the budgets (before Offer18). */
  admitted(): void;
}

export interface SendContext {
  /** International digits. */
  msisdn: string;
  client: ClientKeys;
  std: SendBudgets;
  answer: ChallengeAnswer | undefined;
}

export interface Shield {
  /** The budgets a send is charged to, or a refusal: 428 with a challenge, 429 for a paused range. */
  admit(send: SendContext): Promise<Admission>;
  /** A verify that converted gives back what its send borrowed and counts for its range. */
  converted(claims: ShieldClaims): Promise<void>;
}

/** The range as shown in a log line: its digits, the rest masked. */
const shownRange = (range: string) => `${range}${'·'.repeat(RANGE_DIGITS)}`;

/** An IPv4 client's /24 (IPv6 clients come with their /48 already). */
function ipv4Network(client: ClientKeys): string | undefined {
  const dot = client.address.lastIndexOf('.');
  return dot > 0 && !client.address.includes(':') ? `${client.address.slice(0, dot)}.0/24` : undefined;
}

export function createShield(
  settings: ProxySettings,
  store: BudgetStore,
  tag: Tag,
  challenger: Challenger,
  log: Logger,
  observe: Observer,
  now: () => number,
): Shield {
  const suspendMs = settings.prefixSuspend * 1000;
  const share = settings.prefixMaxConversion / 100;
  /** Ranges this instance paused and has not yet seen running again, for the log lines. */
  const paused = new Map<string, string>();
  let friction: 'normal' | 'challenge_all' | 'suspects_refused' = 'normal';

  function raise(to: typeof friction, why: string): void {
    if (friction === to) return;
    friction = to;
    log({ level: 'warn', event: 'shield.friction_raised', friction: to, message: why });
  }
  function lower(): void {
    if (friction === 'normal') return;
    friction = 'normal';
    log({ level: 'info', event: 'shield.friction_lowered', message: 'Codes are sent without a challenge again: the signs of abuse have passed.' });
  }

  async function challenge(why: string, fresh = false): Promise<ProxyError> {
    const issued = await challenger.issue({ fresh });
    observe({ kind: 'challenge', outcome: 'issued' });
    return new ProxyError('challenge_required', { challenge: issued }, why);
  }

  /** The range paused: the flag other sends read, the log line, the metric. */
  async function pause(rangeTag: string, range: string): Promise<ProxyError> {
    await store.take([{ key: `s:${rangeTag}`, limit: MAX, windowMs: suspendMs }]);
    if (!paused.has(rangeTag)) {
      paused.set(rangeTag, range);
      log({
        level: 'warn',
        event: 'shield.prefix_suspended',
        prefix: shownRange(range),
        message: `Number range ${shownRange(range)} took ${settings.prefixMinSends} or more codes this hour and converts below ${settings.prefixMaxConversion} %: paused for ${settings.prefixSuspend} s.`,
      });
      observe({ kind: 'prefix', outcome: 'suspended' });
    }
    return new ProxyError('prefix_suspended', { retryAfter: coarseRetryAfter(suspendMs) }, `range ${shownRange(range)} paused`);
  }

  return {
    async admit({ msisdn, client, std, answer }) {
      // Read each time: the simulator lets a marketer switch it while the demo runs.
      const mode = settings.challenge;
      // Off, prefix guard included: nothing read, nothing counted, the send costs what it did before the shield.
      if (mode === 'off' && settings.prefixMinSends === 0) return { budgets: sendList(std), claims: undefined, admitted: () => {} };
      const range = msisdn.slice(0, -RANGE_DIGITS);
      const hour = Math.floor(now() / HOUR_MS);
      const credit = Math.floor(now() / CREDIT_WINDOW_MS);
      // The client's digests are the budgets' own; only an IPv4 client's /24 needs one more.
      const v4network = std.tags.network ? undefined : ipv4Network(client);
      const [rangeTag, networkTag] = await Promise.all([tag(`p:${range}`), v4network ? tag(`w:${v4network}`) : std.tags.network]);
      const clientTag = std.tags.address;
      const unverified = `pu:${rangeTag}:${hour}`;
      const clientCredit = clientKey(clientTag, credit);
      const [suspended = 0, verified = 0, outstanding = 0, clientOut = 0] = await store.read([`s:${rangeTag}`, `pv:${rangeTag}:${hour}`, unverified, clientCredit]);

      if (suspended > 0) throw await pause(rangeTag, range);
      if (paused.has(rangeTag)) {
        paused.delete(rangeTag);
        log({ level: 'info', event: 'shield.prefix_released', prefix: shownRange(range), message: `Number range ${shownRange(range)} is served again.` });
        observe({ kind: 'prefix', outcome: 'released' });
      }

      let solved = false;
      const afterClient: NamedBudget[] = [];
      if (mode !== 'off' && answer) {
        const checked = await challenger.check(answer);
        if (!checked.ok) {
          observe({ kind: 'challenge', outcome: 'failed' });
          throw await challenge(`challenge solution ${checked.reason}`);
        }
        solved = true;
        // Single use, across instances: the store remembers it until it could no longer be used anyway.
        afterClient.push({
          key: `x:${checked.id}`,
          limit: 1,
          windowMs: Math.max(1_000, checked.expiresAt - now()),
          refuse: async () => {
            observe({ kind: 'challenge', outcome: 'failed' });
            // A valid solution that lost the race for a challenge handed out twice: a new one of its own.
            return challenge('challenge already used', true);
          },
        });
      }
      if (mode === 'always' && !solved) throw await challenge('every send is challenged (challenge: always)');

      // Every send is counted against its client, network and the campaign until it is verified; only one
      // without a solved challenge is held to the allowances (adaptive), the others just count, so a client
      // that solves but never verifies is still known as a suspect.
      const free = mode === 'adaptive' && !solved;
      const lend = (key: string, limit: number, why: string, onRefuse?: () => void): NamedBudget => {
        return {
          key,
          limit: free ? limit : MAX,
          windowMs: CREDIT_WINDOW_MS,
          refuse: () => {
            onRefuse?.();
            return challenge(why);
          },
        };
      };
      afterClient.push(lend(clientCredit, CLIENT_CREDIT, 'this client has a code it never verified'));
      if (networkTag) afterClient.push(lend(networkKey(networkTag, credit), NETWORK_CREDIT, 'this network has codes it never verified'));
      afterClient.push(
        lend(campaignKey(credit), settings.shieldUnverified, 'too many codes sent without a challenge are not verified', () =>
          raise('challenge_all', 'Codes sent without a challenge are not being verified: every visitor is asked for a proof of work until they are.'),
        ),
      );

      const beforeNumber: NamedBudget[] = [];
      // A range converting below the share, with a few codes out already.
      const suspectRange = outstanding >= Math.max(3, settings.prefixMinSends / 4) && outstanding * share > verified * (1 - share);
      if (settings.prefixMinSends > 0) {
        // More unverified codes as the range converts: a busy range of real subscribers is never paused.
        const limit = Math.max(settings.prefixMinSends, Math.floor((verified * (1 - share)) / share));
        beforeNumber.push({ key: unverified, limit, windowMs: HOUR_MS, refuse: () => pause(rangeTag, range) });
      }

      let hourly = std.hourly;
      if (free) {
        // Past half the cap nobody sends for free: a flood that does not solve cannot reach the cap at all.
        hourly = {
          ...std.hourly,
          limit: Math.floor(settings.hourlyLimit * CHALLENGE_ALL_SHARE),
          refuse: () => {
            raise('challenge_all', 'Half of this hour’s sends are spent: every visitor is asked for a proof of work until the hour is over.');
            return challenge('half of the hourly cap is spent');
          },
        };
      } else if (mode !== 'off' && (suspectRange || clientOut > 0)) {
        // Past 80 %, what is left goes to visitors with nothing against them.
        hourly = {
          ...std.hourly,
          limit: Math.floor(settings.hourlyLimit * SUSPECTS_REFUSED_SHARE),
          refuse: (ms) => {
            raise('suspects_refused', 'Most of this hour’s sends are spent: codes to suspect ranges and clients are refused until the hour is over.');
            return new ProxyError('rate_limited', { retryAfter: coarseRetryAfter(ms) }, 'a suspect past 80 % of the hourly cap');
          },
        };
      }

      return {
        budgets: sendList(std, { afterClient, beforeNumber, hourly }),
        claims: networkTag ? { r: rangeTag, h: hour, c: clientTag, n: networkTag, w: credit } : { r: rangeTag, h: hour, c: clientTag, w: credit },
        admitted: () => {
          if (solved) observe({ kind: 'challenge', outcome: 'solved' });
          else if (free && friction === 'challenge_all') lower();
        },
      };
    },

    async converted(claims) {
      await Promise.all([
        store.take([{ key: `pv:${claims.r}:${claims.h}`, limit: MAX, windowMs: HOUR_MS }]),
        store.release([
          `pu:${claims.r}:${claims.h}`,
          ...(claims.w === undefined ? [] : [campaignKey(claims.w)]),
          ...(claims.c && claims.w !== undefined ? [clientKey(claims.c, claims.w)] : []),
          ...(claims.n && claims.w !== undefined ? [networkKey(claims.n, claims.w)] : []),
        ]),
      ]);
    },
  };
}
