/**
 * Sizes both sides of the wire agree on. The component sizes its fields and
 * decides when a code is complete with these; the proxy refuses anything
 * outside them. One place, so a page can never auto-submit a code the proxy
 * will always refuse.
 */

/** Fewest digits in a one-time code. */
export const OTP_MIN_DIGITS = 4;
/** Most digits in a one-time code. */
export const OTP_MAX_DIGITS = 8;
/** Longest `otp` field the proxy reads: the digits plus the spaces and dashes people paste around them. */
export const OTP_FIELD_MAX_CHARS = 32;
/** Longest `msisdn` field: a number in any spelling, with spaces, brackets and a dial code. */
export const MSISDN_MAX_CHARS = 64;
/**
 * Longest `session` field: the largest token the proxy seals (the click
 * parameters at their longest, Offer18's requestId at its longest, the fraud
 * shield's claims) with room to spare, and a verify carrying it stays within
 * `MAX_BODY_BYTES` (a test seals that token).
 */
export const SESSION_MAX_CHARS = 3584;
/** Largest request body the proxy reads, in bytes. */
export const MAX_BODY_BYTES = 4096;
