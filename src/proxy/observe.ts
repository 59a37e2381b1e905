/**
 * What the proxy reports for metrics: one measurement per send, per verify,
 * per upstream call and per postback attempt. Every label is a fixed word or an error code from
 * the contract: never a number, a code or an address. The Node adapter turns
 * them into Prometheus series; the Worker kit logs them as JSON lines.
 */
import type { ErrorCode } from '../contract/errors.js';

export const UPSTREAM_ENDPOINTS = ['otp_gen', 'otp_verify'] as const;
export type UpstreamEndpoint = (typeof UPSTREAM_ENDPOINTS)[number];

/**
 * How a call to Offer18 ended: `answered`, or the error it failed with, named
 * without its prefix (`upstream_timeout` is `timeout`).
 */
export const UPSTREAM_OUTCOMES = ['answered', 'rejected', 'bad_reply', 'unavailable', 'timeout'] as const;
export type UpstreamOutcome = (typeof UPSTREAM_OUTCOMES)[number];
/** The error codes a failed call ends in, one per outcome but `answered`. */
export type UpstreamErrorCode = `upstream_${Exclude<UpstreamOutcome, 'answered'>}`;

export type Measurement =
  /**
   * A send ends `sent`, a verify `verified`; otherwise the error code it was
   * refused or failed with (`otp_invalid` is a wrong code).
   */
  | { kind: 'send' | 'verify'; outcome: 'sent' | 'verified' | ErrorCode }
  | { kind: 'upstream'; endpoint: UpstreamEndpoint; outcome: UpstreamOutcome; seconds: number }
  /** The fraud shield's proof of work: a challenge handed out, a solution accepted, or one refused (invalid, expired, used). */
  | { kind: 'challenge'; outcome: ChallengeOutcome }
  /** A number range paused by the prefix guard, or found running again. */
  | { kind: 'prefix'; outcome: PrefixOutcome }
  /** One attempt to deliver a postback of a `sent` or `verified` event: taken by the tracker, to be tried again, or given up. */
  | { kind: 'postback'; stage: PostbackStage; outcome: PostbackOutcome }
  /** Postbacks not yet delivered nor dropped, after a pass over the outbox. */
  | { kind: 'postback_outbox'; size: number };

export const CHALLENGE_OUTCOMES = ['issued', 'solved', 'failed'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];
export const PREFIX_OUTCOMES = ['suspended', 'released'] as const;
export type PrefixOutcome = (typeof PREFIX_OUTCOMES)[number];
/** The events a postback reports: a code sent (a lead, with `OTP_POSTBACK_ON=sent,verified`), a code verified (the conversion). */
export const POSTBACK_STAGES = ['sent', 'verified'] as const;
export type PostbackStage = (typeof POSTBACK_STAGES)[number];
export const POSTBACK_OUTCOMES = ['delivered', 'retried', 'dropped'] as const;
export type PostbackOutcome = (typeof POSTBACK_OUTCOMES)[number];

export type Observer = (measurement: Measurement) => void;
