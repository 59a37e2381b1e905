/**
 * Number entry: the countries offered and the one chosen, the number as it is
 * typed (formatted as it goes, libphonenumber's `AsYouType`, with the caret
 * kept where the user is typing), what is already known to be wrong with it,
 * and its check before it is sent.
 *
 * A country's plan may still be on its way (see `PhonePlans`): the field is
 * usable at once, digits are kept as typed, and the formatting, the example
 * and the checks follow as soon as the plan is here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AsYouType, Metadata, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';
import { foldDigits } from '../shared/digits.js';
import { judgeMobile, readings } from '../shared/phone.js';
import type { ClientError } from './error-text.js';
import type { FlowController } from './flow-controller.js';
import type { PhonePlans } from './phone-plans.js';

/** What is wrong with the number, known before it is sent. */
export type NumberProblem = 'too_short' | 'too_long' | 'country_not_allowed' | 'msisdn_invalid' | 'msisdn_not_mobile';

/** The error a problem is told as: the proxy's code for it, with the page's finer reason. */
export function problemError(problem: NumberProblem): ClientError {
  return problem === 'too_short' || problem === 'too_long' ? { code: 'msisdn_invalid', reason: problem } : { code: problem };
}

/** What number entry needs from the element it runs in. */
export interface PhoneEntryDelegate {
  plans(): PhonePlans;
  /** The `country`, `countries` and `visitor-country` attributes, unchecked. */
  country(): string | undefined;
  countries(): string | undefined;
  visitorCountry(): string | undefined;
  previewing(): boolean;
  focus(): void;
  /** The number field, when it is on screen. */
  input(): HTMLInputElement | null | undefined;
}

/** Typed with its dial code (`+971`, `00971`): shown back the same way. */
const INTERNATIONAL = /^\s*(\+|00)/;
/** What a phone number may hold as typed: digits of any script, `+`, spaces and the punctuation people put between groups. */
const NOT_IN_A_NUMBER = /[^\p{Nd}+\s().\-/]/gu;
/** The characters that count: where the caret is, is said in these. */
const SIGNIFICANT = /[\d+]/;

/** The region a language tag names (`ar-SA` → `SA`), if it names one. */
function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).region;
  } catch {
    return undefined;
  }
}

interface Numbering {
  selectNumberingPlan(countryOrCallingCode: string): void;
  type(type: 'MOBILE'): { possibleLengths(): number[] | undefined } | undefined;
  possibleLengths(): number[] | undefined;
}

const significant = (text: string) => [...foldDigits(text)].filter((c) => SIGNIFICANT.test(c)).length;

/** The offset in `text` just after its `n`th significant character (0: before the first). */
function offsetAfter(text: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) if (SIGNIFICANT.test(text[i]!) && ++seen === n) return i + 1;
  return text.length;
}

export class PhoneEntryController implements ReactiveController {
  /** The field's text. */
  value = '';
  /** Allowed countries, in the order given, that the table knows; empty: any. */
  countries: CountryCode[] = [];
  selected: CountryCode | undefined;
  /** What is already known to be wrong, shown until the number changes. */
  problem: NumberProblem | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #flow: FlowController;
  readonly #delegate: PhoneEntryDelegate;
  /** The attributes the countries were last chosen from. */
  #chosenFrom: string | undefined;
  #placeholder: [country: string | undefined, text: string] | undefined;
  /** The country whose placeholder is being formatted. */
  #formatting: string | undefined;

  constructor(host: ReactiveControllerHost, flow: FlowController, delegate: PhoneEntryDelegate) {
    this.#host = host;
    this.#flow = flow;
    this.#delegate = delegate;
    host.addController(this);
  }

  /** Before each render: the countries follow the attributes; the chosen country's plan is fetched. */
  hostUpdate(): void {
    const from = `${this.#delegate.country()}|${this.#delegate.countries()}|${this.#delegate.visitorCountry()}`;
    if (from !== this.#chosenFrom) {
      this.#chosenFrom = from;
      this.#choose();
    }
  }

  #choose(): void {
    const plans = this.#delegate.plans();
    const known = (c: string | undefined) => (c && plans.serves(c.trim().toUpperCase()) ? (c.trim().toUpperCase() as CountryCode) : undefined);
    const own = known(this.#delegate.country());
    const list = [...new Set((this.#delegate.countries() ?? '').split(',').map(known).filter((c): c is CountryCode => !!c))];
    this.countries = list.length === 0 && own ? [own] : list;
    const allowed = (c: CountryCode | undefined) => !!c && (this.countries.length === 0 || this.countries.includes(c));
    // The visitor's likely country, among those allowed: the edge's word for it (a kit's server, the page's
    // CDN), else the regions of the browser's languages, else the page's own default. Nothing is asked of
    // the network: the field is usable at once.
    const likely = [this.#delegate.visitorCountry(), ...navigator.languages.map(regionOf), this.#delegate.country()].map(known).find(allowed);
    this.select(likely ?? this.countries[0]);
  }

  /** Chooses a country (the selector, a recognised dial code), fetching its plan. */
  select(country: CountryCode | undefined): void {
    if (country === this.selected && this.#delegate.plans().ready(this.#code(country))) return;
    this.selected = country;
    this.#afterPlan(this.#code(country));
    this.#host.requestUpdate();
  }

  #code(country: string | undefined): string | undefined {
    return this.#delegate.plans().callingCode(country);
  }

  /** Once a calling code's plan is here, the number is formatted and judged again. */
  #afterPlan(code: string | undefined): void {
    const plans = this.#delegate.plans();
    if (plans.ready(code)) return;
    void plans.load(code).then(() => {
      // The user may be typing: the caret stays after the same digit.
      const input = this.#delegate.input();
      if (input) this.#typed(input, false);
      else this.value = this.#format(this.value).text;
      this.#host.requestUpdate();
    });
  }

  /**
   * The example mobile number of the chosen country, as it would be typed: the field's placeholder.
   * Formatted once per country, in a task of its own after the render that asks: the form paints first.
   */
  get placeholder(): string {
    const plans = this.#delegate.plans();
    const country = this.selected;
    if (this.#placeholder && this.#placeholder[0] === country) return this.#placeholder[1];
    if (plans.ready(this.#code(country)) && this.#formatting !== country) {
      this.#formatting = country;
      setTimeout(() => {
        if (this.selected !== country) return;
        this.#placeholder = [country, this.example(country)?.formatNational() ?? plans.example(country) ?? ''];
        this.#host.requestUpdate();
      });
    }
    return '';
  }

  /** A country's example mobile number, once its plan is here. */
  example(country: CountryCode | undefined): PhoneNumber | undefined {
    const plans = this.#delegate.plans();
    const example = plans.example(country);
    if (!example) return undefined;
    const formatter = new AsYouType(country, plans.metadata);
    formatter.input(example);
    return formatter.getNumber();
  }

  /** Typed with its own `+` or `00`: a fixed dial code before it would only repeat it. */
  get international(): boolean {
    return INTERNATIONAL.test(this.value);
  }

  /** Empties the field (a reset). */
  clear(): void {
    this.value = '';
    this.problem = undefined;
  }

  /** Puts a number in the field as if typed: a preview's example. */
  fill(value: string): void {
    this.value = this.#format(value).text;
    this.problem = undefined;
  }

  // ----- typing -----

  /** Refuses letters as they are typed, and makes Backspace over a space take the digit before it. */
  readonly onBeforeInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    if (event.inputType === 'insertText' && event.data && event.data.replace(NOT_IN_A_NUMBER, '') !== event.data) {
      event.preventDefault();
      return;
    }
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const backward = event.inputType === 'deleteContentBackward';
    if (start !== end || !(backward || event.inputType === 'deleteContentForward')) return;
    // The formatting put this space or dash here and would put it back at once: the digit beyond it goes.
    const text = input.value;
    let at = backward ? start - 1 : start;
    if (at < 0 || at >= text.length || SIGNIFICANT.test(foldDigits(text[at]!))) return;
    while (at >= 0 && at < text.length && !SIGNIFICANT.test(foldDigits(text[at]!))) at += backward ? -1 : 1;
    if (at < 0 || at >= text.length) return;
    event.preventDefault();
    input.value = text.slice(0, at) + text.slice(at + 1);
    input.setSelectionRange(backward ? at : start, backward ? at : start);
    this.#typed(input);
  };

  readonly onInput = (event: InputEvent): void => {
    // An IME's text is still being composed: rewriting it now would end the composition.
    if (event.isComposing) return;
    this.#typed(event.target as HTMLInputElement);
  };

  readonly onCompositionEnd = (event: CompositionEvent): void => {
    this.#typed(event.target as HTMLInputElement);
  };

  /** The field's text changed (or a plan came to format it): formatted, with the caret after the same digit as before. */
  #typed(input: HTMLInputElement, edited = true): void {
    const text = input.value;
    const caret = input.selectionStart ?? text.length;
    const before = significant(text.slice(0, caret).replace(NOT_IN_A_NUMBER, ''));
    const { text: formatted, phone } = this.#format(text);
    if (formatted !== text) {
      input.value = formatted;
      // Only where the user is typing: setting a selection moves focus in some engines.
      if (input.getRootNode() instanceof ShadowRoot && (input.getRootNode() as ShadowRoot).activeElement === input) {
        const at = offsetAfter(formatted, before);
        input.setSelectionRange(at, at);
      }
    }
    this.value = formatted;
    // A number with another allowed country's dial code moves the selector there.
    if (phone?.country && phone.country !== this.selected && this.countries.includes(phone.country)) this.select(phone.country);
    if (edited) this.#flow.clearError();
    this.#host.requestUpdate();
  }

  /**
   * The text as it should read, and what it already tells: digits of any script folded, letters
   * dropped, grouped the way the country writes its numbers when its plan is here.
   */
  #format(text: string): { text: string; phone: PhoneNumber | undefined } {
    const clean = foldDigits(text.replace(NOT_IN_A_NUMBER, ''));
    const plans = this.#delegate.plans();
    const international = INTERNATIONAL.test(clean);
    const typedCode = international ? this.#typedCallingCode(clean) : undefined;
    this.problem = undefined;
    if (typedCode) {
      this.#afterPlan(typedCode);
      const allowed = this.countries;
      const theirs = plans.callingCodes[typedCode] ?? [];
      if (allowed.length > 0 && !theirs.some((c) => allowed.includes(c as CountryCode))) this.problem = 'country_not_allowed';
    }
    const code = typedCode ?? this.#code(this.selected);
    if (!plans.ready(code) || !clean.trim()) return { text: clean, phone: undefined };
    const formatter = new AsYouType(international ? undefined : this.selected, plans.metadata);
    const formatted = formatter.input(clean);
    const phone = formatter.getNumber();
    if (!this.problem) {
      // Too long as a national number may be an international one typed without its `+` (971501234567).
      const unsigned = international ? undefined : this.#typedCallingCode(`+${clean.replace(/\D/g, '')}`);
      if (this.#length(formatter, code) === 'too_long' && !unsigned) this.problem = 'too_long';
      else if (phone?.country && phone.isValid() && this.countries.length > 0 && !this.countries.includes(phone.country)) this.problem = 'country_not_allowed';
    }
    // AsYouType drops what it cannot place; a text it makes shorter than the digits typed is not shown.
    return { text: significant(formatted) === significant(clean) ? formatted : clean, phone };
  }

  /**
   * Whether the digits are more than any mobile number of the country has (or, where its plan does not
   * tell mobiles apart, any number), or fewer and the start of one: the country's example mobile number
   * finishes them into a valid one. Fewer digits that start no mobile number (a landline) are just not valid.
   */
  #length(formatter: AsYouType, code: string | undefined): 'too_short' | 'too_long' | undefined {
    const plans = this.#delegate.plans();
    const metadata = plans.metadata;
    const national = formatter.getNumber()?.nationalNumber;
    if (!national || !code || !metadata.country_calling_codes[code]) return undefined;
    const country = formatter.getCountry() ?? (formatter.isInternational() ? plans.callingCodes[code]![0] : this.selected);
    // Metadata's numbering-plan API is there but not in its types.
    const numbering = new Metadata(metadata) as unknown as Numbering;
    numbering.selectNumberingPlan(country ?? code);
    const lengths = numbering.type('MOBILE')?.possibleLengths() ?? numbering.possibleLengths() ?? [];
    if (national.length > Math.max(...lengths)) return 'too_long';
    const example = plans.example(country);
    if (national.length >= Math.min(...lengths) || !example || example.length <= national.length) return undefined;
    const finished = new AsYouType(country as CountryCode | undefined, metadata);
    finished.input(national + example.slice(national.length));
    return finished.getNumber()?.isValid() ? 'too_short' : undefined;
  }

  /** The calling code a number typed with `+` or `00` starts with, once all of it is typed. */
  #typedCallingCode(text: string): string | undefined {
    const digits = text.replace(/\D/g, '').slice(text.trimStart().startsWith('+') ? 0 : 2);
    const table = this.#delegate.plans().callingCodes;
    // Calling codes are prefix-free: the first that matches is the one.
    for (let length = 1; length <= 3 && length <= digits.length; length++) if (table[digits.slice(0, length)]) return digits.slice(0, length);
    return undefined;
  }

  // ----- sending -----

  readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const flow = this.#flow;
    if (this.#delegate.previewing() || flow.step !== 'number') return;
    const plans = this.#delegate.plans();
    const text = this.value;
    const typedCode = INTERNATIONAL.test(text) ? this.#typedCallingCode(text) : undefined;
    const code = typedCode ?? this.#code(this.selected);
    // On a slow network the plan may still be on its way: the check waits for it (the proxy checks again anyway).
    // Digits typed without their `+` (971501234567) are read with one too, so that plan is fetched as well.
    const unsigned = typedCode ? undefined : this.#typedCallingCode(`+${text.replace(/\D/g, '')}`);
    await Promise.all([plans.load(code), plans.load(unsigned)]);
    if (this.value !== text || flow.step !== 'number') return;
    const judged = this.#judge(text);
    if (!judged.ok && judged.error) {
      flow.fail(problemError(judged.error));
      this.#delegate.focus();
      return;
    }
    void flow.send(judged.ok ? judged.e164 : text, this.selected, false);
  };

  /**
   * The number to send, or what is wrong with it. Without the plans to tell, it goes to the proxy as
   * typed (no error): the proxy judges every number again whatever the page said.
   */
  #judge(text: string): { ok: true; e164: string } | { ok: false; error?: NumberProblem } {
    const plans = this.#delegate.plans();
    this.#format(text);
    if (this.problem === 'country_not_allowed') return { ok: false, error: this.problem };
    const typedCode = INTERNATIONAL.test(text) ? this.#typedCallingCode(text) : undefined;
    const code = typedCode ?? this.#code(this.selected);
    if (!plans.ready(code) || !plans.metadata.country_calling_codes[code ?? '']) return code ? { ok: false } : { ok: false, error: 'msisdn_invalid' };
    let length: 'too_short' | 'too_long' | undefined;
    const parsed = readings(text, this.selected).map(([reading, country], i) => {
      const formatter = new AsYouType(country, plans.metadata);
      formatter.input(reading);
      // As the user meant it: the first reading, in the country chosen or with the dial code typed.
      if (i === 0) length = this.#length(formatter, code);
      return formatter.getNumber();
    });
    const result = judgeMobile(parsed, { allowed: this.countries });
    if (result.ok) return { ok: true, e164: result.e164 };
    if (result.error === 'msisdn_invalid' && length) return { ok: false, error: length };
    return { ok: false, error: result.error === 'country_invalid' ? 'msisdn_invalid' : result.error };
  }
}
