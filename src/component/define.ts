/**
 * Registers `<otp-flow>` (or another tag) with the numbering plans and
 * languages a bundle carries. Every bundle, full or tailored to one campaign,
 * is this call with different arguments.
 */
import { OtpFlowElement, type ElementSetup } from './otp-flow.component.js';
import { Catalog } from './languages.js';
import type { Translation } from './localize.js';
import { PhonePlans, type PhoneData } from './phone-plans.js';
import type { CountryPicker } from './country-picker.js';

export type { PhoneData, PlanSlice } from './phone-plans.js';

export interface OtpFlowSetup {
  /**
   * libphonenumber-js's calling-code table, and each calling code's numbering plans with their
   * example mobile numbers, at hand or fetched when one of its countries is needed.
   */
  phone: PhoneData;
  /** Languages carried inline, by code; English is the fallback and should be among them. */
  translations: Record<string, Translation>;
  /** Languages fetched the first time a page asks for one, by code. */
  languages?: Record<string, () => Promise<Translation>>;
  /**
   * The country picker (`CountryPicker` from `country-picker.ts`), for an element that may serve more
   * than one country; without it, the dial code of the chosen country is shown fixed.
   */
  picker?: typeof CountryPicker;
  /** Tag name; `otp-flow` by default. */
  tag?: string;
}

/**
 * Registers a subclass of `OtpFlowElement` of its own for the tag, so two tags on a
 * page keep their own countries and languages. A tag already registered (say,
 * by a second copy of the bundle) keeps the element it has.
 */
export function defineOtpFlow({ phone, translations, languages, picker, tag = 'otp-flow' }: OtpFlowSetup): typeof OtpFlowElement {
  const registered = customElements.get(tag);
  if (registered) return registered as typeof OtpFlowElement;
  const setup: ElementSetup = { plans: new PhonePlans(phone), catalog: new Catalog(translations, languages), picker };
  class RegisteredOtpFlow extends OtpFlowElement {
    protected static override readonly setup = setup;
    static override styles = picker ? [OtpFlowElement.styles, picker.styles] : OtpFlowElement.styles;
  }
  customElements.define(tag, RegisteredOtpFlow);
  return RegisteredOtpFlow;
}

/** The class every registered tag's element extends: for subclassing, and `instanceof` across tags. */
export { OtpFlowElement };
/** The element, for typing (what `import type { OtpFlow } from 'otp-flow'` names too). */
export type OtpFlow = OtpFlowElement;
