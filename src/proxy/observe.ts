/**
 * What the proxy reports for metrics: one measurement per send, per verify
 * and per upstream call. Every label is a fixed word or an error code from
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
  | { kind: 'upstream'; endpoint: UpstreamEndpoint; outcome: UpstreamOutcome; seconds: number };

export type Observer = (measurement: Measurement) => void;
