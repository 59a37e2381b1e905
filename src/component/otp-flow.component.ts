import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { AsYouType, type CountryCode } from 'libphonenumber-js/core';
import { DEFAULT_BASE_PATH } from '../contract/paths.js';
import { createApi, type OtpApi } from './api.js';
import { clickNames, pageClick, withClick } from './click.js';
import { CodeEntryController } from './code-entry-controller.js';
import { errorField, errorText, type ClientError } from './error-text.js';
import type { OtpStep } from './events.js';
import { FlowController } from './flow-controller.js';
import { LanguageController } from './language-controller.js';
import type { Catalog } from './languages.js';
import { clock, isolate, type Messages } from './localize.js';
import { PhoneEntryController, problemError } from './phone-entry-controller.js';
import type { PhonePlans } from './phone-plans.js';
import type { OtpPreview } from './preview-controller.js';
import { codeStep, doneStep, fixedPrefix, numberStep } from './templates.js';
import type { CountryPicker } from './country-picker.js';
import styles from './otp-flow.styles.js';

export type { OtpStep, OtpPreview };

/** What a registered tag knows: its countries' numbering plans (with their example numbers), its languages. */
export interface ElementSetup {
  plans: PhonePlans;
  catalog: Catalog;
  /** The country picker, in bundles that can serve more than one country. */
  picker?: typeof CountryPicker | undefined;
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
 * @csspart country-button - The country picker's button (flag and dial code), shown when `countries` lists more than one, or none.
 * @csspart country-picker - The picker's searchable list of countries, under the field (the whole screen on narrow phones).
 * @csspart prefix - The dial code shown before the number when there is one country.
 * @csspart input - Both inputs.
 * @csspart phone-input - The phone number input.
 * @csspart code-input - The one-time code input.
 * @csspart button - Every button.
 * @csspart submit-button - "Send code", "Confirm", and "Send a new code" once a code can no longer work.
 * @csspart link - "Change number" and "Send a new code".
 * @csspart message - Every line of text the component writes.
 * @csspart error - The error message of the current step.
 * @csspart status - Progress and confirmation lines ("We sent a code to…").
 * @csspart success - The success message.
 *
 * @cssproperty --otp-flow-font-family - Font of the whole component. Default: inherited.
 * @cssproperty --otp-flow-font-size - Base font size. Inputs never go below 16px.
 * @cssproperty --otp-flow-color-text - Text colour; the muted, error, success and link colours are mixed from it. Default: `#1b1f24`.
 * @cssproperty --otp-flow-color-background - Background of the component and, unless set apart, of the fields. Default: transparent (the page shows through).
 * @cssproperty --otp-flow-color-primary - Button background; links and focus rings follow it. Default: `#0b5cd5`.
 * @cssproperty --otp-flow-color-on-primary - Button text: it must read on the primary colour. Default: `#ffffff`.
 * @cssproperty --otp-flow-color-muted - Secondary text and the dial code. Default: the text colour at 72 %.
 * @cssproperty --otp-flow-color-field - Background of inputs. Default: the background colour.
 * @cssproperty --otp-flow-color-border - Border of inputs. Default: the text colour at 55 %.
 * @cssproperty --otp-flow-color-error - Error text and invalid borders. Default: red mixed with the text colour.
 * @cssproperty --otp-flow-color-success - Success message. Default: green mixed with the text colour.
 * @cssproperty --otp-flow-color-link - "Change number" and "Send a new code". Default: the primary colour mixed with the text colour.
 * @cssproperty --otp-flow-color-focus - Focus rings. Default: the primary colour.
 * @cssproperty --otp-flow-radius - Corner radius of inputs and buttons.
 * @cssproperty --otp-flow-gap - Space between rows.
 * @cssproperty --otp-flow-control-height - Height of inputs and buttons (keep at least 44px).
 *
 * @event {OtpStepEvent} otp-step - The flow moved to another step. `detail: {step, previous}`.
 * @event {OtpSentEvent} otp-sent - A code was sent. `detail: {msisdn, country, resendAfter, resend, click}`.
 * @event {OtpVerifiedEvent} otp-verified - The code was confirmed. Cancelable: cancel to stay instead of following `success-url`. `detail: {msisdn, country, successUrl, click}`.
 * @event {OtpErrorEvent} otp-error - Something failed and the user was told. `detail: {code, step, message, retryAfter?, attemptsLeft?}`.
 */
export class OtpFlowElement extends LitElement {
  static override styles: CSSResultGroup = styles;

  /** Set by `defineOtpFlow` on the subclass it registers for a tag. */
  protected static readonly setup: ElementSetup | undefined;

  static override properties = {
    endpoint: { type: String },
    country: { type: String },
    countries: { type: String },
    visitorCountry: { type: String, attribute: 'visitor-country' },
    otpLength: { type: Number, attribute: 'otp-length' },
    successUrl: { type: String, attribute: 'success-url' },
    clickParams: { type: String, attribute: 'click-params' },
    messages: { attribute: 'messages', converter: jsonConverter },
    preview: { type: String },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Base URL of the proxy's API: `{endpoint}/send` and `{endpoint}/verify`. */
  declare endpoint: string;
  /** ISO code of the country a number without dial code belongs to, e.g. `AE`: the default when the visitor's is not allowed or not known. */
  declare country: string | undefined;
  /** Comma list of the countries numbers may come from, e.g. `AE,SA,KW`; more than one shows the country picker. */
  declare countries: string | undefined;
  /**
   * The visitor's likely country, from the edge (`CF-IPCountry`, a CDN's header): chosen first when allowed.
   * Set by a kit's and `otp-flow serve`'s server in the page they serve, or by the page's own.
   */
  declare visitorCountry: string | undefined;
  /** Digits in the code, when the campaign knows (4 to 8); typing the last one submits. */
  declare otpLength: number | undefined;
  /** Where to go once the number is confirmed (http or https only); `{clickid}` and the other click parameters' names are replaced by their values. */
  declare successUrl: string | undefined;
  /** The tracker's parameters read from the page's URL and sent with the code, comma separated; `clickid,sub1,sub2,sub3,sub4,sub5` by default (the proxy's `OTP_CLICK_PARAMS` must match). */
  declare clickParams: string | undefined;
  /** Texts that replace the built-in ones for the language shown (property, or JSON in the attribute). */
  declare messages: Messages | undefined;
  /** Shows a step with sample data and makes no requests: for previews and design reviews. */
  declare preview: OtpPreview | undefined;

  readonly #flow = new FlowController(this, {
    api: () => this.#api,
    describe: (error) => this.#describe(error),
    successUrl: () => this.#safeSuccessUrl(),
    click: () => pageClick(clickNames(this.clickParams)),
    focus: (target) => void this.#focusAfterUpdate(target),
  });
  readonly #code = new CodeEntryController(this, this.#flow, {
    length: () => this.otpLength,
    // An SMS may be in the page's language or in English.
    words: () => [this.#setup.catalog.fallback.$sms, this.#language.t.$sms],
    previewing: () => !!this.preview,
    focus: () => void this.#focusAfterUpdate('code'),
  });
  readonly #language = new LanguageController(this, {
    catalog: () => this.#setup.catalog,
    messages: () => this.messages,
  });
  readonly #phone = new PhoneEntryController(this, this.#flow, {
    plans: () => this.#setup.plans,
    country: () => this.country,
    countries: () => this.countries,
    visitorCountry: () => this.visitorCountry,
    previewing: () => !!this.preview,
    focus: () => void this.#focusAfterUpdate('phone'),
    input: () => this.renderRoot?.querySelector<HTMLInputElement>('#phone'),
  });
  readonly #picker: CountryPicker | undefined;
  /** Made from `endpoint` before the first update. */
  #api!: OtpApi;
  /** The preview's chunk, fetched when `preview` is first set: on its way, or here (or not to be had). */
  #previews: 'loading' | 'loaded' | undefined;

  constructor() {
    super();
    this.endpoint = DEFAULT_BASE_PATH;
    const Picker = this.#setup.picker;
    this.#picker =
      Picker &&
      new Picker(this, {
        countries: () => this.#phone.countries,
        every: () => this.#setup.plans.countries.filter((c) => this.#setup.plans.serves(c)),
        selected: () => this.#phone.selected,
        callingCode: (c) => this.#setup.plans.callingCode(c) ?? '',
        choose: (c) => {
          this.#phone.select(c as CountryCode);
          this.#flow.clearError();
        },
        t: () => this.#language.t,
        locale: () => this.#language.locale,
      });
  }

  /** The step the flow is at. */
  get step(): OtpStep {
    return this.#flow.step;
  }

  /** Back to an empty number step, cancelling anything in flight. */
  reset(): void {
    this.#phone.clear();
    this.#code.clear();
    this.#flow.reset();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  get #setup(): ElementSetup {
    const setup = (this.constructor as typeof OtpFlowElement).setup;
    if (!setup) throw new Error('<otp-flow> was registered without phone metadata and languages: register it with defineOtpFlow().');
    return setup;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.#api = createApi(this.endpoint);
    if (this.preview && !this.#previews) this.#loadPreviews();
  }

  #loadPreviews(): void {
    this.#previews = 'loading';
    void import('./preview-controller.js')
      .then(({ PreviewController }) => {
        // Kept by the element as its controllers, run after the language's and the number's.
        new PreviewController(this, this.#flow, {
          plans: () => this.#setup.plans,
          preview: () => this.preview,
          country: () => this.#phone.selected,
          example: (country) => this.#phone.example(country),
          fill: (phone) => {
            this.#phone.fill(phone);
            this.#code.clear();
          },
          reset: () => this.reset(),
        });
      })
      // Without it the form shows as it is, with nothing sent.
      .catch(() => undefined)
      .finally(() => {
        this.#previews = 'loaded';
        this.requestUpdate();
      });
  }

  #describe(error: ClientError): string {
    return errorText(this.#language.t, error, { locale: this.#language.locale, wait: this.#flow.wait });
  }

  /** `+971 50 123 4567` as people read their own number, in one piece that never wraps. */
  #display(e164: string): string {
    // The number was checked with its plan, which is here: AsYouType writes it as the international format does.
    const international = new AsYouType(undefined, this.#setup.plans.metadata).input(e164);
    return international.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
  }

  #safeSuccessUrl(): string | undefined {
    if (!this.successUrl) return undefined;
    try {
      const url = new URL(withClick(this.successUrl, clickNames(this.clickParams), this.#flow.click), document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  async #focusAfterUpdate(target: 'phone' | 'code' | 'submit' | 'result'): Promise<void> {
    await this.updateComplete;
    const selector = { phone: '#phone', code: '#code', submit: 'button[type=submit]', result: '.success' }[target];
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ----- the number step -----

  #renderNumber() {
    const { t } = this.#language;
    const { plans } = this.#setup;
    const { error, step } = this.#flow;
    const phone = this.#phone;
    const field = error && errorField(error);
    const countries = phone.countries;
    const problem = phone.problem;
    const selected = phone.selected;
    // A list to choose from (or every country, when any is allowed), else the one country's dial code.
    const picker = countries.length !== 1 ? this.#picker : undefined;
    const busy = step === 'sending';
    return numberStep({
      t,
      phone: phone.value,
      placeholder: phone.placeholder,
      busy,
      checking: this.#flow.checking,
      // A country error with no selector on screen is about the number typed.
      invalid: field === 'country' && picker ? 'country' : field === 'msisdn' || field === 'country' || problem ? 'msisdn' : undefined,
      error: error ? this.#describe(error) : problem ? this.#describe(problemError(problem)) : '',
      country: picker
        ? picker.render({ invalid: field === 'country', disabled: busy })
        : selected && !phone.international
          ? fixedPrefix(selected, plans.callingCode(selected) ?? '')
          : nothing,
      countryList: picker?.renderList() ?? nothing,
      onInput: phone.onInput,
      onBeforeInput: phone.onBeforeInput,
      onCompositionEnd: phone.onCompositionEnd,
      onSubmit: (e) => void phone.onSubmit(e),
    });
  }

  // ----- the code step and the whole -----

  #changeNumber(): void {
    this.#code.clear();
    this.#flow.changeNumber();
  }

  #renderCode() {
    const { t, locale } = this.#language;
    const flow = this.#flow;
    const code = this.#code;
    const notice = flow.notice === 'resending' ? (flow.checking ? t.verifying : t.sending) : flow.notice === 'resent' ? t.resent : '';
    const wait = flow.wait;
    return codeStep({
      t,
      status: flow.msisdn ? [t.codeSent(isolate(this.#display(flow.msisdn))), notice].filter(Boolean).join(' ') : notice,
      code: code.value,
      busy: flow.busy,
      spent: flow.spent,
      resending: flow.notice === 'resending',
      invalid: !!flow.error && errorField(flow.error) === 'otp',
      error: flow.error ? this.#describe(flow.error) : '',
      countdown: wait > 0 ? t.resendIn(isolate(clock(wait, locale))) : '',
      onInput: code.onInput,
      onPaste: code.onPaste,
      onBeforeInput: code.onBeforeInput,
      onSubmit: code.onSubmit,
      onChangeNumber: () => this.#changeNumber(),
      onResend: () => {
        if (!this.preview) flow.resend();
      },
    });
  }

  protected override render() {
    const { t } = this.#language;
    const step = this.#flow.step;
    // Until its language (and a preview's example number) arrives, the form is laid out (its box kept) but
    // not painted: no flash of English.
    const waiting =
      this.#language.waiting ||
      (!!this.preview && (this.#previews !== 'loaded' || !this.#setup.plans.ready(this.#setup.plans.callingCode(this.#phone.selected ?? this.#setup.plans.countries[0]))));
    return html`<div class="root" dir=${t.$dir} lang=${t.$code} ?data-waiting=${waiting}>
      <slot name="header"></slot>
      ${step === 'number' || step === 'sending' ? this.#renderNumber() : step === 'code' || step === 'verifying' ? this.#renderCode() : doneStep(t)}
    </div>`;
  }
}
