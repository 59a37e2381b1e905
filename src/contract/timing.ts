/**
 * Times both sides of the wire agree on. The proxy's configuration is bounded
 * and defaulted by these; the component waits by them, so a page never gives
 * up on an answer the proxy is still allowed to give.
 */

/** The longest `OFFER18_TIMEOUT_MS` may be: the proxy answers 504 by then, whatever Offer18 does. */
export const UPSTREAM_TIMEOUT_MAX_MS = 120_000;
/** Seconds before the same number may be sent another code, unless `OTP_RESEND_AFTER` says otherwise. */
export const RESEND_AFTER_DEFAULT = 30;
