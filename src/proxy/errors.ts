import { ERRORS, type ErrorCode } from '../contract/errors.js';
import type { ErrorReply } from '../contract/wire.js';
import type { Challenge } from '../contract/wire.js';

export interface ErrorDetails {
  retryAfter?: number;
  attemptsLeft?: number;
  field?: string;
  /** The proof of work to solve, on 428. */
  challenge?: Challenge;
  /** Replaces the default English sentence; never upstream text, never a stack. */
  message?: string;
}

/** An outcome the proxy answers with a stable code; anything else thrown is a 500. */
export class ProxyError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** Operator-facing context for the log line (e.g. the upstream's own error text). */
  readonly logDetail: string | undefined;

  constructor(code: ErrorCode, details: ErrorDetails = {}, logDetail?: string) {
    super(details.message ?? ERRORS[code].message);
    this.name = 'ProxyError';
    this.code = code;
    this.details = details;
    this.logDetail = logDetail;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toReply(): ErrorReply {
    const { message: _omit, ...rest } = this.details;
    return { ok: false, error: this.code, message: this.message, ...rest };
  }
}
