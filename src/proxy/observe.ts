/**
 * What the proxy reports for metrics: one measurement per send, per verify
 * and per upstream call. Every label is a fixed word or an error code from
 * the contract: never a number, a code or an address. The Node adapter turns
 * them into Prometheus series; the Worker kit logs them as JSON lines.
 */
import type { ErrorCode } from '../contract/errors.js';

export type UpstreamOutcome = 'answered' | 'rejected' | 'bad_reply' | 'unavailable' | 'timeout';

export type Measurement =
  /**
   * A send ends `sent`, a verify `verified`; otherwise the error code it was
   * refused or failed with (`otp_invalid` is a wrong code).
   */
  | { kind: 'send' | 'verify'; outcome: 'sent' | 'verified' | ErrorCode }
  | { kind: 'upstream'; endpoint: 'otp_gen' | 'otp_verify'; outcome: UpstreamOutcome; seconds: number }
  /** The fraud shield's proof of work: a challenge handed out, a solution accepted, or one refused (invalid, expired, used). */
  | { kind: 'challenge'; outcome: ChallengeOutcome }
  /** A number range paused by the prefix guard, or found running again. */
  | { kind: 'prefix'; outcome: 'suspended' | 'released' };

export type ChallengeOutcome = 'issued' | 'solved' | 'failed';

export type Observer = (measurement: Measurement) => void;
