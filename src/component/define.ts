/**
 * Registers `<otp-flow>` (or another tag) with the phone metadata and
 * languages a bundle carries. Every bundle, full or tailored to one campaign,
 * is this call with different arguments.
 */
import type { Examples, MetadataJson } from 'libphonenumber-js/core';
import { OtpFlowElement, type ElementSetup } from './otp-flow.component.js';
import { Catalog, Lazy, type Loadable } from './languages.js';
import type { Translation } from './localize.js';

export interface OtpFlowSetup {
  /** libphonenumber-js metadata: `metadata.mobile.json` or a slice of it by country. */
  metadata: MetadataJson;
  /** Languages carried inline, by code; English is the fallback and should be among them. */
  translations: Record<string, Translation>;
  /** Languages fetched the first time a page asks for one, by code. */
  languages?: Record<string, () => Promise<Translation>>;
  /** Example numbers by country for `preview` (libphonenumber-js's `examples.mobile.json`), or how to fetch them. */
  examples?: Loadable<Partial<Examples>>;
  /** Tag name; `otp-flow` by default. */
  tag?: string;
}

/**
 * Registers a subclass of `OtpFlowElement` of its own for the tag, so two tags on a
 * page keep their own countries and languages. A tag already registered (say,
 * by a second copy of the bundle) keeps the element it has.
 */
export function defineOtpFlow({ metadata, translations, languages, examples = {}, tag = 'otp-flow' }: OtpFlowSetup): typeof OtpFlowElement {
  const registered = customElements.get(tag);
  if (registered) return registered as typeof OtpFlowElement;
  const setup: ElementSetup = { metadata, catalog: new Catalog(translations, languages), examples: new Lazy(examples) };
  class RegisteredOtpFlow extends OtpFlowElement {
    protected static override readonly setup = setup;
  }
  customElements.define(tag, RegisteredOtpFlow);
  return RegisteredOtpFlow;
}

/** The class every registered tag's element extends: for subclassing, and `instanceof` across tags. */
export { OtpFlowElement };
/** The element, for typing (what `import type { OtpFlow } from 'otp-flow'` names too). */
export type OtpFlow = OtpFlowElement;
