/**
 * Texts of `<otp-flow>`: one typed object per language, sentences with a
 * number in them as functions so each language can say it its own way.
 *
 * Numbers handed to these functions are already wrapped in Unicode isolates
 * (LRI…PDI), so a phone number stays left-to-right inside Arabic or Urdu text.
 */
import type { SmsWords } from '../shared/sms.js';

/**
 * A number as a sentence needs it: its value, its spelling in the language's
 * own digits (`Intl.NumberFormat`), and its plural category in that language
 * (`Intl.PluralRules`), so each translation picks its words by category
 * instead of by hard-coded values.
 */
export interface Count {
  value: number;
  /** In the language's digits: `٣` in Arabic, `৩` in Bengali, `3` in English. */
  text: string;
  /** `zero`, `one`, `two`, `few`, `many` or `other`, by the language's own rules. */
  plural: Intl.LDMLPluralRule;
}

/** A number as a `Count` for `lang`. */
export function count(value: number, lang: string): Count {
  return { value, text: new Intl.NumberFormat(lang).format(value), plural: new Intl.PluralRules(lang).select(value) };
}

export interface Translation {
  /** BCP 47 code of the language. */
  $code: string;
  /** Name of the language in itself, for pickers. */
  $name: string;
  $dir: 'ltr' | 'rtl';

  phoneLabel: string;
  countryLabel: string;
  send: string;
  sending: string;
  codeLabel: string;
  codeSent: (phone: string) => string;
  verify: string;
  verifying: string;
  changeNumber: string;
  resend: string;
  resendIn: (time: string) => string;
  resent: string;
  success: string;

  invalidNumber: string;
  notMobile: string;
  countryNotAllowed: string;
  /** The number has fewer digits than the country's mobile numbers. */
  tooShort: string;
  /** The number has more digits than the country's mobile numbers. */
  tooLong: string;
  /** Label and placeholder of the country picker's search box. */
  searchCountry: string;
  /** The country picker's search found nothing. */
  noCountryFound: string;
  /** Closes the country picker (shown when it fills a phone's screen). */
  close: string;
  /** Wrong code; `attemptsLeft` is undefined when the proxy did not say. */
  wrongCode: (attemptsLeft: Count | undefined) => string;
  malformedCode: string;
  /** A pasted text holds no number that is clearly the code: nothing was filled in. */
  pasteUnclear: string;
  /** How an SMS in the language names its code and its other numbers, lower case: what a pasted SMS is read with (English's too). */
  $sms: SmsWords;
  expired: string;
  locked: string;
  used: string;
  /** The same code is being checked by another tab or a double tap. */
  inProgress: string;
  /** `wait` is a relative time from Intl.RelativeTimeFormat ("in 5 minutes"). */
  tooMany: (wait: string) => string;
  unavailable: string;
  timeout: string;
  offline: string;
  generic: string;
}

/**
 * The words of a landing page around the component: what `otp-flow init
 * --lang` writes into a kit's page, and the demo's sample terms. Each language
 * file exports these as `page`, beside its `Translation`; the component's
 * language chunks leave them out.
 */
export interface PageTexts {
  /** `<title>` and heading when `init --title` is not given. */
  title: string;
  /** The sentence under the heading. */
  lead: string;
  /**
   * Placeholder for the price and terms the affiliate must replace, with the
   * parts to fill in between square brackets.
   */
  terms: string;
  /** "By continuing you accept the {link}." `link` is the link, already HTML, whose text is `termsLink`. */
  acceptTerms: (link: string) => string;
  /** The link text inside `acceptTerms`. */
  termsLink: string;
  /** Footer links. */
  footerTerms: string;
  footerPrivacy: string;
  /** The demo's example disclosure: `price` like `AED 1.50` (already formatted), `shortCode` like `1234`. */
  sampleTerms: (price: string, shortCode: string) => string;
}

/** What a page may override: any text, in the language being shown. */
export type Messages = Partial<Omit<Translation, '$code' | '$name' | '$dir' | '$sms'>>;

/** The wrapped form every number takes inside a sentence. */
export const isolate = (text: string) => `\u2066${text}\u2069`;

/** "in 5 minutes" / "خلال ٥ دقائق", rounded up to a unit people think in. */
export function relativeWait(seconds: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (seconds < 90) return format.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 90 * 60) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** `m:ss` in the locale's digits (`০:৩০` in Bengali): a countdown every script reads the same way. */
export function clock(seconds: number, locale: string): string {
  const s = Math.max(0, Math.ceil(seconds));
  const minutes = new Intl.NumberFormat(locale, { useGrouping: false }).format(Math.floor(s / 60));
  return `${minutes}:${new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 }).format(s % 60)}`;
}
