/**
 * The HTTP API between `<otp-flow>` and the proxy, defined once.
 *
 * The proxy parses requests with these schemas and the tests hold every reply
 * the proxy makes to them. The component imports the inferred types and the
 * constants only: zod's runtime would cost it a sixth of its size budget, and
 * the browser has nothing to defend against its own proxy.
 */
import * as z from 'zod/mini';
import { ERROR_CODES } from './errors.js';
import { MSISDN_MAX_CHARS, OTP_FIELD_MAX_CHARS, SESSION_MAX_CHARS } from './limits.js';

export * from './paths.js';
export * from './limits.js';
export * from './timing.js';

const countryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code'));

export const SendRequest = z.strictObject({
  /** What the user typed, in any common spelling: `+971 50 123 4567`, `00971…`, `0501234567`. */
  msisdn: z.string().check(z.minLength(1), z.maxLength(MSISDN_MAX_CHARS)),
  /** The country a national number (one without its dial code) belongs to. */
  country: z.optional(countryCode),
});
export type SendRequest = z.infer<typeof SendRequest>;

export const SendReply = z.object({
  ok: z.literal(true),
  /** Opaque token to send back with the code. */
  session: z.string(),
  /** Seconds before the user may ask for another code. */
  resendAfter: z.number(),
  /** Seconds the session stays valid. */
  expiresIn: z.number(),
  /** The number the code went to, in international format (`+971501234567`). */
  msisdn: z.string(),
});
export type SendReply = z.infer<typeof SendReply>;

export const VerifyRequest = z.strictObject({
  session: z.string().check(z.minLength(1), z.maxLength(SESSION_MAX_CHARS)),
  otp: z.string().check(z.minLength(1), z.maxLength(OTP_FIELD_MAX_CHARS)),
});
export type VerifyRequest = z.infer<typeof VerifyRequest>;

export const VerifyReply = z.object({
  ok: z.literal(true),
  verified: z.literal(true),
});
export type VerifyReply = z.infer<typeof VerifyReply>;

export const ErrorReply = z.object({
  ok: z.literal(false),
  error: z.enum(ERROR_CODES as [string, ...string[]]),
  message: z.string(),
  /** Seconds to wait, on 429 and 503 (mirrors the `Retry-After` header). */
  retryAfter: z.optional(z.number()),
  /** Verify attempts left on this session, after a wrong code. */
  attemptsLeft: z.optional(z.number()),
  /** Which field was at fault, on 400. */
  field: z.optional(z.string()),
});
export type ErrorReply = Omit<z.infer<typeof ErrorReply>, 'error'> & { error: import('./errors.js').ErrorCode };
