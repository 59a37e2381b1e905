/**
 * The flow behind `<otp-flow>`: send a code, verify it, ask for another, and
 * count down until that is allowed. It owns the requests (one at a time, each
 * with its own AbortSignal, so a reply that arrives after the user moved on is
 * dropped) and the countdown's timer, which lives only while the element is in
 * the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RESEND_AFTER_DEFAULT } from '../contract/timing.js';
import type { OtpApi } from './api.js';
import type { Click } from '../contract/click.js';
import { sendProving } from './challenge.js';
import { spendsSession, type ClientError } from './error-text.js';
import { OtpErrorEvent, OtpSentEvent, OtpStepEvent, OtpVerifiedEvent, type OtpStep } from './events.js';

/** What the status line says besides where the code went. */
export type Notice = 'resending' | 'resent';

/** What the flow needs from the element it runs in. */
export interface FlowDelegate {
  /** The proxy's API at the element's `endpoint`. */
  api(): OtpApi;
  /** The sentence an error shows, for `otp-error`. */
  describe(error: ClientError): string;
  /** Where to go after success, if anywhere (already checked to be http or https). */
  successUrl(): string | undefined;
  /** The click parameters to send with a code. */
  click(): Click;
  /** Moves focus once the next render is on screen. */
  focus(target: 'phone' | 'code' | 'submit' | 'result'): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class FlowController implements ReactiveController {
  step: OtpStep = 'number';
  error: ClientError | undefined;
  notice: Notice | undefined;
  /** E.164 of the number the code went to. */
  msisdn = '';
  country: string | undefined;
  /** The click parameters the code went with. */
  click: Click = {};
  /** The code sent can no longer be confirmed (locked, expired): only a new one helps. */
  spent = false;
  /** A send is solving the proof of work the proxy asked for ("Checking…"). */
  checking = false;
  /** When a new code may be asked for (ms since the epoch), and the clock the countdown last read. */
  resendAt = 0;
  now = Date.now();

  readonly #host: Host;
  readonly #delegate: FlowDelegate;
  #session = '';
  #request: AbortController | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(host: Host, delegate: FlowDelegate) {
    this.#host = host;
    this.#delegate = delegate;
    host.addController(this);
  }

  /** Whole seconds until a new code may be asked for. */
  get wait(): number {
    return Math.max(0, Math.ceil((this.resendAt - this.now) / 1000));
  }

  get busy(): boolean {
    return this.step === 'sending' || this.step === 'verifying' || this.notice === 'resending';
  }

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    this.cancel();
    this.#stopTicker();
  }

  /** Drops the request in flight; its reply, whenever it comes, is ignored. */
  cancel(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.checking = false;
    if (this.notice === 'resending') this.notice = undefined;
  }

  /** Back to an empty number step. */
  reset(): void {
    this.cancel();
    this.error = undefined;
    this.notice = undefined;
    this.spent = false;
    this.#session = '';
    this.#go('number');
  }

  /** Shows an error found before any request (a number that cannot be right). */
  fail(error: ClientError): void {
    this.error = error;
    // Rendered before listeners hear of it: what they read on screen is already the sentence.
    this.#host.requestUpdate();
    this.#host.dispatchEvent(
      new OtpErrorEvent({
        code: error.code,
        step: this.step,
        message: this.#delegate.describe(error),
        retryAfter: error.retryAfter,
        attemptsLeft: error.attemptsLeft,
      }),
    );
  }

  clearError(): void {
    if (!this.error) return;
    this.error = undefined;
    this.#host.requestUpdate();
  }

  changeNumber(): void {
    this.cancel();
    this.error = undefined;
    this.notice = undefined;
    this.#go('number');
    this.#delegate.focus('phone');
  }

  async send(msisdn: string, country: string | undefined, resend: boolean): Promise<void> {
    // The number whose code may still be on its way, again: back to that code rather than a second SMS (the
    // proxy would refuse one until the wait is over anyway).
    if (!resend && msisdn === this.msisdn && this.#session && this.wait > 0) {
      this.error = undefined;
      this.#go('code');
      return this.#delegate.focus('code');
    }
    const signal = this.#begin();
    this.error = undefined;
    if (resend) {
      this.notice = 'resending';
      this.#host.requestUpdate();
    } else {
      this.#go('sending');
    }

    const click = this.#delegate.click();
    const reply = await sendProving(this.#delegate.api(), { msisdn, ...(country ? { country } : {}), ...(Object.keys(click).length ? { click } : {}) }, signal, (on) => {
      if (signal.aborted) return;
      this.checking = on;
      this.#host.requestUpdate();
    });
    if (signal.aborted) return;
    this.#request = undefined;
    if (!reply.ok) {
      if (reply.error.code === 'resend_too_soon' && reply.error.retryAfter !== undefined) this.#countDown(reply.error.retryAfter);
      this.fail(reply.error);
      if (resend) this.notice = undefined;
      else this.#go('number');
      this.#delegate.focus(resend ? (this.spent ? 'submit' : 'code') : 'phone');
      return;
    }
    const { session, msisdn: e164, resendAfter } = reply.value;
    this.#session = session;
    this.msisdn = e164;
    this.country = country;
    this.click = click;
    this.spent = false;
    this.notice = resend ? 'resent' : undefined;
    this.#countDown(resendAfter);
    this.#go('code');
    this.#host.dispatchEvent(new OtpSentEvent({ msisdn: e164, country, resendAfter, resend, click }));
    this.#delegate.focus('code');
  }

  /** Asks for another code to the same number, once the countdown allows it. */
  resend(): void {
    if (this.step !== 'code' || this.busy || this.wait > 0) return;
    void this.send(this.msisdn, this.country, true);
  }

  /** Resolves true once confirmed, false when refused, undefined when dropped or not tried. */
  async verify(otp: string): Promise<boolean | undefined> {
    if (this.step !== 'code' || this.spent) return undefined;
    const signal = this.#begin();
    this.error = undefined;
    this.#go('verifying');
    const reply = await this.#delegate.api().verify({ session: this.#session, otp }, signal);
    if (signal.aborted) return undefined;
    this.#request = undefined;
    if (!reply.ok) {
      this.spent = spendsSession(reply.error);
      this.fail(reply.error);
      this.#go('code');
      this.#delegate.focus(this.spent ? 'submit' : 'code');
      return false;
    }
    this.#go('done');
    const successUrl = this.#delegate.successUrl();
    const verified = new OtpVerifiedEvent({ msisdn: this.msisdn, country: this.country, successUrl, click: this.click });
    this.#host.dispatchEvent(verified);
    this.#delegate.focus('result');
    if (successUrl && !verified.defaultPrevented) window.location.assign(successUrl);
    return true;
  }

  /** Puts the flow in a state for a preview, with sample data and no requests. */
  show(step: OtpStep, sample: { msisdn: string; country: string | undefined; error?: ClientError; checking?: boolean }): void {
    this.cancel();
    this.checking = !!sample.checking;
    this.msisdn = sample.msisdn;
    this.country = sample.country;
    this.error = sample.error;
    this.notice = undefined;
    this.spent = false;
    // What a proxy left at its defaults would count down from.
    this.#countDown(RESEND_AFTER_DEFAULT);
    this.#go(step);
  }

  #begin(): AbortSignal {
    this.cancel();
    this.#request = new AbortController();
    return this.#request.signal;
  }

  #go(step: OtpStep): void {
    const previous = this.step;
    this.#host.requestUpdate();
    if (previous === step) return;
    this.step = step;
    this.#host.dispatchEvent(new OtpStepEvent({ step, previous }));
  }

  #countDown(seconds: number): void {
    this.resendAt = Date.now() + seconds * 1000;
    this.#tick();
  }

  /** Reads the clock, and keeps a one-second timer only while there is a countdown to show. */
  #tick = (): void => {
    this.now = Date.now();
    if (this.wait > 0) {
      this.#ticker ??= setInterval(this.#tick, 1000);
    } else {
      this.#stopTicker();
      // "You can ask for a new code in 0:00" has nothing left to say.
      if (this.error?.code === 'resend_too_soon') this.error = undefined;
    }
    this.#host.requestUpdate();
  };

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
