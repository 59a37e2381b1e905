import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import { canonicalMobile } from '../shared/phone.js';
import { extractCode, foldDigits } from '../shared/digits.js';
import { createApi, type ClientError, type OtpApi } from './api.js';
import { OtpErrorEvent, OtpSentEvent, OtpStepEvent, OtpVerifiedEvent, type OtpStep } from './events.js';
import { clock, errorMessage, isolate, pickTranslation, resolveLang, type Messages, type Translation } from './localize.js';
import styles from './otp-flow.styles.js';

export type { OtpStep };
export type OtpPreview = 'number' | 'sending' | 'code' | 'verifying' | 'error' | 'done';

const DEFAULT_RESEND_AFTER = 30;
const PREVIEW_NUMBER = '+971501234567';

function flag(country: string): string {
  return String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** The `messages` attribute is JSON; a typo in it must not break the page. */
const jsonConverter = {
  fromAttribute(value: string | null): unknown {
    if (!value) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  },
};

// One observer for all instances: pages switch language by changing <html lang>.
const instances = new Set<OtpFlow>();
let pageObserver: MutationObserver | undefined;

/**
 * @summary Asks for a mobile number, sends an OTP through the otp-flow proxy, and confirms the code.
 *
 * @slot header - Above the form: a title or the offer's name.
 * @slot disclosure - Next to the button: the price and terms these campaigns must show.
 * @slot success - Replaces the built-in success message.
 *
 * @csspart form - Each step's `<form>`.
 * @csspart label - Field labels.
 * @csspart field - The box around an input (and the country selector or dial code).
 * @csspart country-select - The country `<select>`, shown when `countries` lists more than one.
 * @csspart prefix - The dial code shown before the number when there is one country.
 * @csspart input - Both inputs.
 * @csspart phone-input - The phone number input.
 * @csspart code-input - The one-time code input.
 * @csspart button - Every button.
 * @csspart submit-button - "Send code" and "Confirm".
 * @csspart link - "Change number" and "Send a new code".
 * @csspart message - Every line of text the component writes.
 * @csspart error - The error message of the current step.
 * @csspart status - Progress and confirmation lines ("We sent a code to…").
 * @csspart success - The success message.
 *
 * @cssproperty --otp-flow-font-family - Font of the whole component. Default: inherited.
 * @cssproperty --otp-flow-font-size - Base font size. Inputs never go below 16px.
 * @cssproperty --otp-flow-color-text - Text colour.
 * @cssproperty --otp-flow-color-muted - Secondary text and the dial code.
 * @cssproperty --otp-flow-color-background - Background of the component.
 * @cssproperty --otp-flow-color-field - Background of inputs.
 * @cssproperty --otp-flow-color-border - Border of inputs.
 * @cssproperty --otp-flow-color-primary - Button background and links.
 * @cssproperty --otp-flow-color-on-primary - Button text.
 * @cssproperty --otp-flow-color-error - Error text and invalid borders.
 * @cssproperty --otp-flow-color-success - Success message.
 * @cssproperty --otp-flow-color-focus - Focus rings.
 * @cssproperty --otp-flow-radius - Corner radius of inputs and buttons.
 * @cssproperty --otp-flow-gap - Space between rows.
 * @cssproperty --otp-flow-control-height - Height of inputs and buttons (keep at least 44px).
 *
 * @event {OtpStepEvent} otp-step - The flow moved to another step. `detail: {step, previous}`.
 * @event {OtpSentEvent} otp-sent - A code was sent. `detail: {msisdn, country, resendAfter, resend}`.
 * @event {OtpVerifiedEvent} otp-verified - The code was confirmed. Cancelable: cancel to stay instead of following `success-url`. `detail: {msisdn, country, successUrl}`.
 * @event {OtpErrorEvent} otp-error - Something failed and the user was told. `detail: {code, step, message, retryAfter?, attemptsLeft?}`.
 */
export class OtpFlow extends LitElement {
  static override styles = styles;

  /** libphonenumber-js metadata the element parses with; set by `defineOtpFlow`. */
  static metadata: MetadataJson;
  /** Languages the element speaks; set by `defineOtpFlow`. */
  static translations: Readonly<Record<string, Translation>> = {};

  static override properties = {
    endpoint: { type: String },
    country: { type: String },
    countries: { type: String },
    otpLength: { type: Number, attribute: 'otp-length' },
    successUrl: { type: String, attribute: 'success-url' },
    messages: { attribute: 'messages', converter: jsonConverter },
    preview: { type: String },
    _step: { state: true },
    _error: { state: true },
    _status: { state: true },
    _phone: { state: true },
    _selected: { state: true },
    _code: { state: true },
    _msisdn: { state: true },
    _resendAt: { state: true },
    _now: { state: true },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Base URL of the proxy's API: `{endpoint}/send` and `{endpoint}/verify`. */
  declare endpoint: string;
  /** ISO code of the country a number without dial code belongs to, e.g. `AE`. */
  declare country: string | undefined;
  /** Comma list of the countries numbers may come from, e.g. `AE,SA,KW`; more than one shows a selector. */
  declare countries: string | undefined;
  /** Digits in the code, when the campaign knows; 4 to 8 are accepted otherwise. */
  declare otpLength: number | undefined;
  /** Where to go once the number is confirmed (http or https only). */
  declare successUrl: string | undefined;
  /** Texts that replace the built-in ones for the language shown (property, or JSON in the attribute). */
  declare messages: Messages | undefined;
  /** Shows a step with sample data and makes no requests: for previews and design reviews. */
  declare preview: OtpPreview | undefined;

  declare private _step: OtpStep;
  declare private _error: ClientError | undefined;
  declare private _status: string;
  declare private _phone: string;
  declare private _selected: CountryCode | undefined;
  declare private _code: string;
  declare private _msisdn: string;
  declare private _resendAt: number;
  declare private _now: number;

  #api: OtpApi | undefined;
  #session = '';
  /** Bumped by every request and every step change, so late replies know they are stale. */
  #generation = 0;
  #inflight: AbortController | undefined;
  #webOtp: AbortController | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.endpoint = '/otp';
    this._step = 'number';
    this._status = '';
    this._phone = '';
    this._code = '';
    this._msisdn = '';
    this._resendAt = 0;
    this._now = Date.now();
  }

  /** The step the flow is at. */
  get step(): OtpStep {
    return this._step;
  }

  /** Back to an empty number step, cancelling anything in flight. */
  reset(): void {
    this.#cancel();
    this._phone = '';
    this._code = '';
    this._error = undefined;
    this._status = '';
    this.#session = '';
    this.#go('number');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    instances.add(this);
    pageObserver ??= new MutationObserver(() => instances.forEach((el) => el.requestUpdate()));
    if (instances.size === 1) pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
    instances.delete(this);
    if (instances.size === 0) pageObserver?.disconnect();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  get #metadata(): MetadataJson {
    return (this.constructor as typeof OtpFlow).metadata;
  }

  /** Allowed countries, in the order given, that the loaded metadata knows. */
  get #countryList(): CountryCode[] {
    const list = (this.countries ?? '')
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter((c): c is CountryCode => isSupportedCountry(c as CountryCode, this.#metadata));
    const own = this.country?.toUpperCase() as CountryCode | undefined;
    if (list.length === 0 && own && isSupportedCountry(own, this.#metadata)) return [own];
    return list;
  }

  get #lang(): string {
    return resolveLang(this);
  }

  get #t(): Translation {
    const base = pickTranslation(this.#lang, (this.constructor as typeof OtpFlow).translations);
    return this.messages && typeof this.messages === 'object' ? { ...base, ...this.messages } : base;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || !this.#api) this.#api = createApi(this.endpoint);
    const list = this.#countryList;
    if (changed.has('country') || changed.has('countries') || (this._selected && !list.includes(this._selected))) {
      const own = this.country?.toUpperCase() as CountryCode | undefined;
      this._selected = own && list.includes(own) ? own : list[0];
    }
    if (changed.has('preview')) this.#applyPreview();
    // The countdown reads the clock on every render that can change it, not only on ticks.
    if (changed.has('_step' as keyof OtpFlow) || changed.has('_resendAt' as keyof OtpFlow)) this._now = Date.now();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_step' as keyof OtpFlow) || changed.has('_resendAt' as keyof OtpFlow)) this.#syncTicker();
  }

  #applyPreview(): void {
    this.#cancel();
    const preview = this.preview;
    if (!preview) return this.reset();
    this._error = undefined;
    this._status = '';
    this._msisdn = PREVIEW_NUMBER;
    this._phone = this._selected ? new AsYouType(this._selected, this.#metadata).input('0501234567') : PREVIEW_NUMBER;
    this._resendAt = Date.now() + DEFAULT_RESEND_AFTER * 1000;
    this._code = '';
    if (preview === 'error') {
      this._step = 'number';
      this._error = { code: 'upstream_unavailable' };
    } else {
      this._step = preview;
      if (preview === 'code') this._status = this.#t.codeSent(isolate(this.#display(PREVIEW_NUMBER)));
    }
  }

  /** `+971 50 123 4567`: how people read their own number. */
  #display(e164: string): string {
    return parsePhoneNumberFromString(e164, this.#metadata)?.formatInternational() ?? e164;
  }

  #go(step: OtpStep): void {
    const previous = this._step;
    if (previous === step) return;
    this._step = step;
    if (step !== 'code') this.#webOtp?.abort();
    this.dispatchEvent(new OtpStepEvent({ step, previous }));
  }

  #cancel(): void {
    this.#generation++;
    this.#inflight?.abort();
    this.#webOtp?.abort();
  }

  #fail(error: ClientError): void {
    this._error = error;
    this._status = '';
    this.dispatchEvent(
      new OtpErrorEvent({
        code: error.code,
        step: this._step,
        message: errorMessage(this.#t, error, this.#lang),
        retryAfter: error.retryAfter,
        attemptsLeft: error.attemptsLeft,
      }),
    );
  }

  #syncTicker(): void {
    const counting = this._step === 'code' && this._resendAt > Date.now();
    if (counting && !this.#ticker) {
      this.#ticker = setInterval(() => {
        this._now = Date.now();
        if (this._now >= this._resendAt) this.#syncTicker();
      }, 1000);
    } else if (!counting && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = undefined;
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ----- number step -----

  #onCountry(event: Event): void {
    this._selected = (event.target as HTMLSelectElement).value as CountryCode;
    this._error = undefined;
  }

  #onPhoneInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const raw = foldDigits(input.value);
    const formatter = new AsYouType(this._selected, this.#metadata);
    const formatted = formatter.input(raw);
    // A pasted number with another allowed country's dial code moves the selector there.
    const detected = formatter.getCountry();
    if (detected && detected !== this._selected && this.#countryList.includes(detected)) this._selected = detected;
    // Reformat only while typing at the end: rewriting the middle of the text would throw the caret around.
    const atEnd = input.selectionStart === input.value.length;
    const deleting = event.inputType?.startsWith('delete');
    if (atEnd && !deleting && formatted) input.value = formatted;
    else if (raw !== input.value) input.value = raw;
    this._phone = input.value;
    if (this._error) this._error = undefined;
  }

  #submitNumber(event: Event): void {
    event.preventDefault();
    if (this.preview || this._step !== 'number') return;
    const result = canonicalMobile(this._phone, { country: this._selected, allowed: this.#countryList }, this.#metadata);
    if (!result.ok) {
      this.#fail({ code: result.error });
      void this.#focus('#phone');
      return;
    }
    void this.#send(result.e164, false);
  }

  async #send(msisdn: string, resend: boolean): Promise<void> {
    this.#cancel();
    const generation = this.#generation;
    const controller = (this.#inflight = new AbortController());
    this._error = undefined;
    this._status = resend ? this.#t.sending : '';
    if (!resend) this.#go('sending');

    const reply = await this.#api!.send({ msisdn, ...(this._selected ? { country: this._selected } : {}) }, controller.signal);
    if (generation !== this.#generation) return;
    if (!reply.ok) {
      this.#fail(reply.error);
      if (!resend) this.#go('number');
      void this.#focus(resend ? '#code' : '#phone');
      return;
    }
    const { session, msisdn: e164, resendAfter } = reply.value;
    this.#session = session;
    this._msisdn = e164;
    this._code = '';
    this._resendAt = Date.now() + (Number.isFinite(resendAfter) ? resendAfter : DEFAULT_RESEND_AFTER) * 1000;
    this._status = resend ? this.#t.resent : this.#t.codeSent(isolate(this.#display(e164)));
    this.#go('code');
    this.dispatchEvent(new OtpSentEvent({ msisdn: e164, country: this._selected, resendAfter, resend }));
    this.#listenForSms();
    await this.#focus('#code');
  }

  // ----- code step -----

  get #codeLength(): { min: number; max: number } {
    const n = this.otpLength;
    return n && n >= 3 && n <= 10 ? { min: n, max: n } : { min: 4, max: 8 };
  }

  #onCodeInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const { min, max } = this.#codeLength;
    const code = extractCode(input.value, max);
    const arrivedWhole = event.inputType === 'insertFromPaste' || event.inputType === 'insertReplacementText' || !event.inputType;
    input.value = code;
    this._code = code;
    if (this._error) this._error = undefined;
    // With a known length, the last digit submits; otherwise only a code that arrives whole (paste, autofill) does.
    const complete = this.otpLength ? code.length === max : arrivedWhole && code.length >= min;
    if (complete) this.#submitCode();
  }

  #listenForSms(): void {
    this.#webOtp?.abort();
    if (!('OTPCredential' in window) || !navigator.credentials?.get) return;
    const controller = (this.#webOtp = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as { code?: string } | null)?.code;
        if (controller.signal.aborted || this._step !== 'code' || !code) return;
        this._code = extractCode(code, this.#codeLength.max);
        this.#submitCode();
      })
      .catch(() => {
        // Aborted, unsupported or dismissed: typing the code still works.
      });
  }

  #submitCode(event?: Event): void {
    event?.preventDefault();
    if (this.preview || this._step !== 'code') return;
    const code = extractCode(this._code, this.#codeLength.max);
    if (code.length < this.#codeLength.min) {
      this.#fail({ code: 'otp_malformed' });
      void this.#focus('#code');
      return;
    }
    void this.#verify(code);
  }

  async #verify(otp: string): Promise<void> {
    this.#cancel();
    const generation = this.#generation;
    const controller = (this.#inflight = new AbortController());
    this._error = undefined;
    this._status = '';
    this.#go('verifying');
    const reply = await this.#api!.verify({ session: this.#session, otp }, controller.signal);
    if (generation !== this.#generation) return;
    if (!reply.ok) {
      this.#fail(reply.error);
      this.#go('code');
      this._code = '';
      // A dead session can only be fixed by a new code, so the wait is over.
      if (['session_locked', 'session_expired', 'session_invalid'].includes(reply.error.code)) this._resendAt = 0;
      await this.#focus('#code');
      return;
    }
    this.#go('done');
    const successUrl = this.#safeSuccessUrl();
    const verified = new OtpVerifiedEvent({ msisdn: this._msisdn, country: this._selected, successUrl });
    this.dispatchEvent(verified);
    await this.#focus('.success');
    if (successUrl && !verified.defaultPrevented) window.location.assign(successUrl);
  }

  #safeSuccessUrl(): string | undefined {
    if (!this.successUrl) return undefined;
    try {
      const url = new URL(this.successUrl, document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  #changeNumber(): void {
    this.#cancel();
    this._error = undefined;
    this._status = '';
    this._code = '';
    this.#go('number');
    void this.#focus('#phone');
  }

  #resend(): void {
    if (this.preview || this._step !== 'code' || this._resendAt > Date.now()) return;
    void this.#send(this._msisdn, true);
  }

  // ----- rendering -----

  #renderError(id: string) {
    const message = this._error ? errorMessage(this.#t, this._error, this.#lang) : '';
    return html`<p id=${id} class="error" part="message error" role="alert">${message}</p>`;
  }

  /** Stays focusable while busy (aria-disabled, not disabled); the step check stops a second submit. */
  #renderSubmit(busy: boolean, label: string, busyLabel: string) {
    return html`<button class="submit" part="button submit-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${busyLabel}` : label}
    </button>`;
  }

  #renderCountry(t: Translation) {
    const list = this.#countryList;
    if (list.length > 1) {
      const names = new Intl.DisplayNames([this.#lang, 'en'], { type: 'region' });
      return html`<select
        part="country-select"
        aria-label=${t.countryLabel}
        .value=${this._selected ?? ''}
        ?disabled=${this._step !== 'number'}
        @change=${this.#onCountry}
      >
        ${list.map(
          (c) =>
            html`<option value=${c} title=${names.of(c) ?? c} ?selected=${c === this._selected}>
              ${flag(c)} +${getCountryCallingCode(c, this.#metadata)}
            </option>`,
        )}
      </select>`;
    }
    if (this._selected && !/^\s*(\+|00)/.test(this._phone)) {
      return html`<span class="prefix" part="prefix" dir="ltr" aria-hidden="true"
        >${flag(this._selected)} +${getCountryCallingCode(this._selected, this.#metadata)}</span
      >`;
    }
    return nothing;
  }

  #renderNumber(t: Translation) {
    const busy = this._step === 'sending';
    const invalid = !!this._error && ['msisdn_invalid', 'msisdn_not_mobile', 'country_not_allowed', 'country_invalid'].includes(this._error.code);
    return html`<form part="form" class="number" novalidate @submit=${this.#submitNumber} aria-busy=${busy}>
      <label part="label" for="phone">${t.phoneLabel}</label>
      <div class="field" part="field" dir="ltr" ?data-invalid=${invalid}>
        ${this.#renderCountry(t)}
        <input
          id="phone"
          part="input phone-input"
          type="tel"
          name="tel"
          autocomplete="tel"
          inputmode="tel"
          dir="ltr"
          enterkeyhint="send"
          maxlength="32"
          .value=${this._phone}
          ?readonly=${busy}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="phone-error"
          @input=${this.#onPhoneInput}
        />
      </div>
      ${this.#renderError('phone-error')}
      <slot name="disclosure"></slot>
      ${this.#renderSubmit(busy, t.send, t.sending)}
    </form>`;
  }

  #renderCode(t: Translation) {
    const busy = this._step === 'verifying';
    const wait = Math.ceil((this._resendAt - this._now) / 1000);
    const { max } = this.#codeLength;
    return html`<form part="form" class="code" novalidate @submit=${this.#submitCode} aria-busy=${busy}>
      <div class="row">
        <p id="code-status" class="status" part="message status" role="status">${this._status}</p>
        <button class="link" part="button link" type="button" @click=${this.#changeNumber}>${t.changeNumber}</button>
      </div>
      <label part="label" for="code">${t.codeLabel}</label>
      <div class="field" part="field" dir="ltr" ?data-invalid=${!!this._error}>
        <input
          id="code"
          part="input code-input"
          type="text"
          name="otp"
          autocomplete="one-time-code"
          inputmode="numeric"
          dir="ltr"
          enterkeyhint="done"
          maxlength=${max + 8}
          .value=${this._code}
          ?readonly=${busy}
          aria-invalid=${this._error ? 'true' : 'false'}
          aria-describedby="code-status code-error"
          @input=${this.#onCodeInput}
        />
      </div>
      ${this.#renderError('code-error')}
      <slot name="disclosure"></slot>
      ${this.#renderSubmit(busy, t.verify, t.verifying)}
      ${wait > 0
        ? html`<p class="muted" part="message">${t.resendIn(isolate(clock(wait)))}</p>`
        : html`<button class="link" part="button link" type="button" @click=${this.#resend}>${t.resend}</button>`}
    </form>`;
  }

  #renderDone(t: Translation) {
    return html`<div class="success" part="message success" role="status" tabindex="-1">
      <slot name="success">
        <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        <p>${t.success}</p>
      </slot>
    </div>`;
  }

  protected override render() {
    const t = this.#t;
    const step = this._step;
    return html`<div class="root" dir=${t.$dir} lang=${t.$code}>
      <slot name="header"></slot>
      ${step === 'number' || step === 'sending'
        ? this.#renderNumber(t)
        : step === 'code' || step === 'verifying'
          ? this.#renderCode(t)
          : this.#renderDone(t)}
    </div>`;
  }
}
