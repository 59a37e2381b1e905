/**
 * The `<otp-flow>` element with every country and every built-in language,
 * from source: what the tests, the demo and `import 'otp-flow/define'` users
 * build on. The one-script-tag bundle (src/build/component-bundle.ts) makes
 * the same call with English inline and the other languages as chunks.
 */
import metadata from 'libphonenumber-js/mobile/metadata';
import { defineOtpFlow } from './define.js';
import { translations } from './translations/index.js';

export const OtpFlow = defineOtpFlow({
  metadata,
  translations,
  // Example numbers only serve previews: fetched when a page shows one.
  examples: () => import('libphonenumber-js/mobile/examples').then((m) => m.default),
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
