/**
 * The code field of `<otp-flow>`: typing, pasting a whole SMS, keyboards'
 * code suggestions, autofill and WebOTP all end here, as digits in the field
 * and, once the code is whole, a verify. A paste is read from the clipboard
 * before the field's `maxlength` can cut a long SMS short, and read as a
 * person reads it (`codeInSms`): when no number in it is clearly the code,
 * nothing is filled in and the user is told to type it, since a wrong guess
 * would cost a try.
 *
 * The SMS reader and WebOTP are a chunk of their own (`sms.ts`), fetched as
 * the number is sent: the send's round trip through the proxy to Offer18
 * outlasts the chunk's, and the SMS takes seconds more. A whole SMS pasted
 * before the chunk is here waits for it; a code alone (a "Copy code"
 * button's, autofill's) needs no reader and is taken at once; WebOTP asks
 * the browser as soon as it is here, if the code was sent before.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../contract/limits.js';
import { digitsOf, fitsCode, foldDigits } from '../shared/digits.js';
import type { SmsWords } from '../shared/sms.js';
import type { codeInSms } from './sms.js';
import type { FlowController } from './flow-controller.js';

/** What code entry needs from the element it runs in. */
export interface CodeEntryDelegate {
  /** `otp-length` as the page set it, unchecked. */
  length(): number | undefined;
  /** How SMS name their codes and other numbers, in the languages a pasted SMS may be in. */
  words(): SmsWords[];
  /** A preview is on screen: nothing is sent. */
  previewing(): boolean;
  /** Moves focus to the code field once the next render is on screen. */
  focus(): void;
}

export class CodeEntryController implements ReactiveController {
  /** The digits in the field. */
  value = '';

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #flow: FlowController;
  readonly #delegate: CodeEntryDelegate;
  #reader: Promise<typeof codeInSms> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, flow: FlowController, delegate: CodeEntryDelegate) {
    this.#host = host;
    this.#flow = flow;
    this.#delegate = delegate;
    host.addController(this);
  }

  /** A number is being sent (or the flow is past it): the SMS chunk is fetched. */
  hostUpdated(): void {
    if (this.#flow.step !== 'number') void this.#read().catch(() => undefined);
  }

  /** The SMS reader, with WebOTP started beside it; asked again after a failed fetch. */
  #read(): Promise<typeof codeInSms> {
    return (this.#reader ??= import('./sms.js').then(
      ({ codeInSms, WebOtpController }) => {
        // WebOTP hands over the code as a paste would: whole, so it submits.
        new WebOtpController(this.#host, (code) => this.take(code, true), this.#flow.step === 'code' && !this.#delegate.previewing());
        return codeInSms;
      },
      (error: unknown) => {
        this.#reader = undefined;
        throw error;
      },
    ));
  }

  /** Empties the field. */
  clear(): void {
    this.#set('');
  }

  #set(code: string): void {
    if (code === this.value) return;
    this.value = code;
    this.#host.requestUpdate();
  }

  /** A length the page states, if the proxy can accept it; any other value is ignored rather than auto-submitting codes the proxy refuses. */
  get #knownLength(): number | undefined {
    const n = this.#delegate.length()!;
    return Number.isInteger(n) && n >= OTP_MIN_DIGITS && n <= OTP_MAX_DIGITS ? n : undefined;
  }

  readonly onInput = (event: InputEvent): void => {
    // Autofill and keyboards' code suggestions put the whole code in at once; typing brings one digit at a time.
    const whole = event.inputType === 'insertFromPaste' || event.inputType === 'insertReplacementText' || !event.inputType;
    this.take((event.target as HTMLInputElement).value, whole, event.target as HTMLInputElement);
  };

  /** Ctrl+V, long-press Paste: read the clipboard before the field's maxlength can cut a whole SMS short. */
  readonly onPaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text');
    if (!text) return;
    event.preventDefault();
    this.#paste(event.target as HTMLInputElement, text);
  };

  /** Pastes that skip the paste event (some keyboards' clipboard suggestions) and drops, still ahead of maxlength. */
  readonly onBeforeInput = (event: InputEvent): void => {
    if (event.inputType !== 'insertFromPaste' && event.inputType !== 'insertFromDrop') return;
    const text = event.data ?? event.dataTransfer?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    this.#paste(event.target as HTMLInputElement, text);
  };

  /** "Confirm": a code too short is refused here; a spent code's button asks for a new one instead. */
  readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#delegate.previewing()) return;
    if (this.#flow.spent) return this.#flow.resend();
    if (this.#flow.step !== 'code' || this.#flow.busy) return;
    const code = digitsOf(this.value, this.#knownLength);
    if (code.length < (this.#knownLength ?? OTP_MIN_DIGITS)) {
      this.#flow.fail({ code: 'otp_malformed' });
      this.#delegate.focus();
      return;
    }
    this.#verify(code);
  };

  #paste(input: HTMLInputElement, text: string): void {
    // A whole code (or an SMS holding one) replaces the field; a few digits go where the caret is.
    const digits = digitsOf(text);
    if (digits.length < OTP_MIN_DIGITS) input.setRangeText(digits);
    this.take(digits.length < OTP_MIN_DIGITS ? input.value : text, true, input);
  }

  /**
   * Text for the field: typed (`whole` false), or arriving in one piece (a paste, autofill, WebOTP),
   * which submits the code in it.
   */
  take(text: string, whole: boolean, input?: HTMLInputElement): void {
    const length = this.#knownLength;
    // Arriving whole with a code's worth of digits: read as a person reads an SMS.
    if (!whole || digitsOf(text).length < OTP_MIN_DIGITS) return this.#fill(digitsOf(text, length), false, input);
    const folded = foldDigits(text);
    const alone = folded.trim();
    if (/^\d+$/.test(alone)) return this.#fill(fitsCode(alone, length) ? alone : '', true, input);
    const step = this.#flow.step;
    // A reader that cannot be fetched finds no code: the user is asked to type it.
    void this.#read()
      .then((read) => read(folded, this.#delegate.words(), length), () => '')
      .then((code) => {
        // The paste was for a code field that is still there.
        if (this.#flow.step === step) this.#fill(code, true, input);
      });
  }

  /** Puts the code in the field; one that arrived whole is submitted, and none there says so. */
  #fill(code: string, sms: boolean, input?: HTMLInputElement): void {
    // Nothing in it is clearly the code: the field stays as it was, and the user types the code.
    if (input) input.value = sms && !code ? this.value : code;
    if (sms && !code) return this.#flow.fail({ code: 'paste_unclear' });
    this.#set(code);
    this.#flow.clearError();
    // With a known length, the last digit submits; otherwise only a code that arrives whole does.
    if (sms || code.length === this.#knownLength) this.#verify(code);
  }

  #verify(code: string): void {
    // A refused code is cleared, so the next one is typed into an empty field.
    void this.#flow.verify(code).then((verified) => {
      if (verified === false) this.clear();
    });
  }
}
