/**
 * Events `<otp-flow>` fires, one class each, all bubbling and composed so a
 * listener on `document` hears them through the shadow root.
 */
import type { ClientErrorCode } from './error-text.js';
import type { Click } from '../contract/click.js';

export type OtpStep = 'number' | 'sending' | 'code' | 'verifying' | 'done';

const init = { bubbles: true, composed: true } as const;

export interface OtpStepDetail {
  step: OtpStep;
  previous: OtpStep;
}
/** The flow moved to another step. */
export class OtpStepEvent extends CustomEvent<OtpStepDetail> {
  constructor(detail: OtpStepDetail) {
    super('otp-step', { ...init, detail });
  }
}

export interface OtpSentDetail {
  /** E.164 (`+971501234567`): personal data, keep it out of analytics you don't control. */
  msisdn: string;
  country: string | undefined;
  /** Seconds before a new code may be requested. */
  resendAfter: number;
  /** True when the user asked for another code. */
  resend: boolean;
  /** The tracker's click parameters from the page's URL that went with the send (`{clickid: 'abc123'}`); empty without. */
  click: Click;
}
/** A code was sent (the proxy recorded a click upstream). */
export class OtpSentEvent extends CustomEvent<OtpSentDetail> {
  constructor(detail: OtpSentDetail) {
    super('otp-sent', { ...init, detail });
  }
}

export interface OtpVerifiedDetail {
  msisdn: string;
  country: string | undefined;
  /** Where the component will go next, if `success-url` is set (its placeholders filled in). */
  successUrl: string | undefined;
  /** The click parameters the verified code's send carried, for a pixel of the page's own. */
  click: Click;
}
/**
 * The code was right (the proxy recorded a conversion upstream).
 * Cancel it to stay on the page instead of following `success-url`.
 */
export class OtpVerifiedEvent extends CustomEvent<OtpVerifiedDetail> {
  constructor(detail: OtpVerifiedDetail) {
    super('otp-verified', { ...init, cancelable: true, detail });
  }
}

export interface OtpErrorDetail {
  /** The proxy's error code, or `offline`, `timeout`, `network`, `bad_reply` from the browser side. */
  code: ClientErrorCode;
  step: OtpStep;
  /** The sentence shown to the user, in their language. */
  message: string;
  retryAfter?: number | undefined;
  attemptsLeft?: number | undefined;
}
/** Something went wrong; the user has been told in words. */
export class OtpErrorEvent extends CustomEvent<OtpErrorDetail> {
  constructor(detail: OtpErrorDetail) {
    super('otp-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-step': OtpStepEvent;
    'otp-sent': OtpSentEvent;
    'otp-verified': OtpVerifiedEvent;
    'otp-error': OtpErrorEvent;
  }
}
