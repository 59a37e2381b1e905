/**
 * The proxy's error codes: the stable, machine-readable half of every error reply.
 *
 * Codes are part of the wire contract. The component translates them into the
 * user's language, so a code is never renamed, only added. The HTTP status and
 * the English sentence the proxy sends alongside live here too, so the README
 * table, the proxy and the component cannot drift apart.
 */
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from './limits.js';

export const ERRORS = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_request: { status: 400, message: 'The request is missing a field or has one of the wrong type.' },
  msisdn_invalid: { status: 400, message: 'That is not a valid phone number.' },
  msisdn_not_mobile: { status: 400, message: 'That number is not a mobile number.' },
  country_invalid: { status: 400, message: 'That country code is not known.' },
  country_not_allowed: { status: 400, message: 'Numbers from that country are not accepted here.' },
  otp_malformed: { status: 400, message: `The code must be ${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS} digits.` },
  session_invalid: { status: 400, message: 'The session is not valid. Ask for a new code.' },
  session_expired: { status: 410, message: 'The code has expired. Ask for a new code.' },
  otp_invalid: { status: 422, message: 'That code is not correct.' },
  session_used: { status: 409, message: 'This code has already been used.' },
  verify_in_progress: { status: 409, message: 'This code is already being checked.' },
  session_locked: { status: 429, message: 'Too many wrong codes. Ask for a new code.' },
  unauthorized: { status: 401, message: 'This needs credentials that were not given.' },
  origin_forbidden: { status: 403, message: 'Requests from this origin are not allowed.' },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'The request body must be application/json.' },
  rate_limited: { status: 429, message: 'Too many requests. Try again later.' },
  resend_too_soon: { status: 429, message: 'A code was just sent to this number. Wait before asking for another.' },
  prefix_suspended: { status: 429, message: 'Codes to numbers like this one are paused for a while. Try again later.' },
  challenge_required: { status: 428, message: 'Solve the attached challenge, then send the same request again with its solution.' },
  misdirected_request: { status: 421, message: 'This server does not answer for that host name.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  upstream_rejected: { status: 502, message: 'The OTP service refused the request.' },
  upstream_bad_reply: { status: 502, message: 'The OTP service answered with something we could not read.' },
  upstream_unavailable: { status: 502, message: 'The OTP service could not be reached.' },
  service_unavailable: { status: 503, message: 'The service is temporarily unavailable. Try again shortly.' },
  upstream_timeout: { status: 504, message: 'The OTP service did not answer in time.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
