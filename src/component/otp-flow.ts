/**
 * The `<otp-flow>` element with every country and every built-in language:
 * the bundle a page loads with one script tag.
 */
import metadata from 'libphonenumber-js/mobile/metadata';
import { defineOtpFlow } from './define.js';
import { translations } from './translations/index.js';

export const OtpFlow = defineOtpFlow({ metadata, translations });

export type { OtpFlowSetup } from './define.js';
export type { OtpStep, OtpPreview } from './otp-flow.component.js';
export * from './events.js';
export type { Translation, Messages } from './localize.js';
export type { ClientErrorCode, ClientError } from './api.js';

declare global {
  interface HTMLElementTagNameMap {
    'otp-flow': InstanceType<typeof OtpFlow>;
  }
}
