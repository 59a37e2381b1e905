/**
 * Every error the user can meet, once: the proxy's codes (the contract's
 * `ErrorCode`) and the few only the browser sees, each with the sentence that
 * explains it, the field it is about, and whether the code sent is spent.
 *
 * The table is checked against `ClientErrorCode`: a code added to the
 * contract does not compile until it has its sentence here.
 */
import type { ErrorCode } from '../contract/errors.js';
import type { Challenge } from '../contract/wire.js';
import { clock, count, isolate, relativeWait, type Translation } from './localize.js';

/** What only the browser can tell: no network, no answer in time, a reply that is not our proxy's, a pasted text without a clear code. */
export type ClientOnlyCode = 'offline' | 'timeout' | 'network' | 'bad_reply' | 'paste_unclear';
export type ClientErrorCode = ErrorCode | ClientOnlyCode;

/** The part of the page an error is about. */
export type Field = 'msisdn' | 'country' | 'otp';

export interface ClientError {
  code: ClientErrorCode;
  retryAfter?: number | undefined;
  attemptsLeft?: number | undefined;
  /** The proxy's word for the field at fault, on 400s. */
  field?: string | undefined;
  /** On `challenge_required`: the proof of work to solve before sending again. */
  challenge?: Challenge | undefined;
  /** Why a number is not valid, when the page could tell before sending it. */
  reason?: string | undefined;
}

export interface Context {
  locale: string;
  /** Seconds until a new code may be asked for. */
  wait: number;
}

interface Entry {
  say(t: Translation, error: ClientError, context: Context): string;
  /** The field to mark when the proxy names none. */
  field?: Field;
  /** True when only a new code can help: the session is locked, expired or not ours. */
  spends?(error: ClientError): boolean;
}

const always = () => true;
const generic: Entry = { say: (t) => t.generic };
const unavailable: Entry = { say: (t) => t.unavailable };
const slow: Entry = { say: (t) => t.timeout };
const expired: Entry = { say: (t) => t.expired, spends: always };

const ENTRIES: Readonly<Record<ClientErrorCode, Entry>> = {
  invalid_json: generic,
  invalid_request: {
    say: (t, e) => (e.field === 'msisdn' || e.field === 'country' ? t.invalidNumber : e.field === 'otp' ? t.malformedCode : t.generic),
  },
  msisdn_invalid: { say: (t, e) => (e.reason === 'too_short' ? t.tooShort : e.reason === 'too_long' ? t.tooLong : t.invalidNumber), field: 'msisdn' },
  msisdn_not_mobile: { say: (t) => t.notMobile, field: 'msisdn' },
  country_invalid: { say: (t) => t.invalidNumber, field: 'country' },
  country_not_allowed: { say: (t) => t.countryNotAllowed, field: 'msisdn' },
  otp_malformed: { say: (t) => t.malformedCode, field: 'otp' },
  session_invalid: expired,
  session_expired: expired,
  // The last wrong code locks the session: say so at once rather than "0 tries left".
  otp_invalid: {
    say: (t, e, { locale }) => (e.attemptsLeft === 0 ? t.locked : t.wrongCode(e.attemptsLeft === undefined ? undefined : count(e.attemptsLeft, locale))),
    field: 'otp',
    spends: (e) => e.attemptsLeft === 0,
  },
  session_used: { say: (t) => t.used },
  verify_in_progress: { say: (t) => t.inProgress },
  session_locked: { say: (t) => t.locked, spends: always },
  // A page on an origin, host or path the proxy does not serve: for the user, the service is not there.
  origin_forbidden: unavailable,
  // Only the metrics port asks for credentials; a page never meets it.
  unauthorized: unavailable,
  misdirected_request: unavailable,
  not_found: unavailable,
  method_not_allowed: unavailable,
  payload_too_large: generic,
  unsupported_media_type: generic,
  rate_limited: { say: (t, e, { locale }) => t.tooMany(relativeWait(e.retryAfter ?? 60, locale)) },
  // Paused for the number's range: to the user, a wait like any other.
  prefix_suspended: { say: (t, e, { locale }) => t.tooMany(relativeWait(e.retryAfter ?? 3600, locale)) },
  // Solved by the component itself; seen only when it could not solve one.
  challenge_required: unavailable,
  resend_too_soon: { say: (t, e, { locale, wait }) => t.resendIn(isolate(clock(wait || e.retryAfter || 0, locale))) },
  internal_error: generic,
  upstream_rejected: unavailable,
  upstream_bad_reply: unavailable,
  upstream_unavailable: unavailable,
  service_unavailable: unavailable,
  upstream_timeout: slow,
  timeout: slow,
  // Only the browser knows it is offline; a failed request while online is the service's fault, not the user's.
  offline: { say: (t) => t.offline },
  network: unavailable,
  bad_reply: unavailable,
  paste_unclear: { say: (t) => t.pasteUnclear },
};

/** A code this component knows; anything else from a newer proxy is read as `bad_reply`. */
export function isClientErrorCode(code: unknown): code is ClientErrorCode {
  // Object.hasOwn is missing from Safari before 15.4.
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ENTRIES, code);
}

/** The sentence for an error, in the user's language. Never a raw code. */
export function errorText(t: Translation, error: ClientError, context: Context): string {
  return ENTRIES[error.code].say(t, error, context);
}

/** The field an error is about: the one the proxy named, else the code's own. */
export function errorField(error: ClientError): string | undefined {
  return error.field ?? ENTRIES[error.code].field;
}

/** Whether the code that was sent can no longer be confirmed, so only a new one helps. */
export function spendsSession(error: ClientError): boolean {
  return ENTRIES[error.code].spends?.(error) ?? false;
}
