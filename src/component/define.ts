/**
 * Registers `<otp-flow>` with the phone metadata and languages a bundle
 * carries. Every bundle, full or tailored to one campaign, is this call with
 * different arguments.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import { OtpFlow } from './otp-flow.component.js';
import type { Translation } from './localize.js';

export interface OtpFlowSetup {
  /** libphonenumber-js metadata: `metadata.mobile.json` or a slice of it by country. */
  metadata: MetadataJson;
  /** Languages by code; English is the fallback and should be among them. */
  translations: Record<string, Translation>;
  /** Tag name; `otp-flow` by default. */
  tag?: string;
}

export function defineOtpFlow({ metadata, translations, tag = 'otp-flow' }: OtpFlowSetup): typeof OtpFlow {
  OtpFlow.metadata = metadata;
  OtpFlow.translations = translations;
  if (!customElements.get(tag)) customElements.define(tag, OtpFlow);
  return OtpFlow;
}

export { OtpFlow };
