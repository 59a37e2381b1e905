/**
 * The `<otp-flow>` element with every country and every built-in language,
 * from source: what the tests, the demo and `import 'otp-flow/define'` users
 * build on. Like the one-script-tag bundle (src/build/component-bundle.ts), it
 * starts with the calling-code table alone and fetches a country's plan when
 * one is needed; here the plans are cut from libphonenumber-js's own metadata.
 */
import metadata from 'libphonenumber-js/mobile/metadata';
import { CountryPicker } from './country-picker.js';
import { defineOtpFlow } from './define.js';
import { planSlice } from './phone-plans.js';
import { translations } from './translations/index.js';

export const OtpFlow = defineOtpFlow({
  phone: {
    callingCodes: metadata.country_calling_codes as unknown as Record<string, string[]>,
    load: async (code) => planSlice(metadata, (await import('libphonenumber-js/mobile/examples')).default as Record<string, string>, code),
  },
  translations,
  picker: CountryPicker,
});
/** The `<otp-flow>` element, for typing: `import type { OtpFlow } from 'otp-flow'`. */
export type OtpFlow = InstanceType<typeof OtpFlow>;

export type { OtpFlowSetup } from './define.js';
export type { OtpStep, OtpPreview } from './otp-flow.component.js';
export * from './events.js';
export type { Translation, Messages } from './localize.js';
export type { ClientErrorCode, ClientError } from './error-text.js';

declare global {
  interface HTMLElementTagNameMap {
    'otp-flow': OtpFlow;
  }
}
