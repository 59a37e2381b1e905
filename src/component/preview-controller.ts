/**
 * `preview`: a step of `<otp-flow>` shown with sample data (an example number
 * of the element's country) and no request, for marketers and design
 * reviews. Shown again whenever the step, the country or the example numbers
 * change; leaving preview starts the flow afresh.
 *
 * A visitor's page never sets `preview`: this is a chunk of its own, which
 * the element fetches when `preview` is first set, and like every chunk it
 * imports nothing at run time (see src/build/component-bundle.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/core';
import type { FlowController } from './flow-controller.js';
import type { PhonePlans } from './phone-plans.js';

/** `checking`: a send proving the work the proxy asked for (`OTP_CHALLENGE`). */
export type OtpPreview = 'number' | 'sending' | 'checking' | 'code' | 'verifying' | 'error' | 'done';
const PREVIEWS: readonly string[] = ['number', 'sending', 'checking', 'code', 'verifying', 'error', 'done'] satisfies OtpPreview[];

/** What a preview needs from the element it runs in. */
export interface PreviewDelegate {
  /** The element's numbering plans, each with its example number, fetched when a country is chosen. */
  plans(): PhonePlans;
  /** The `preview` property, unchecked. */
  preview(): string | undefined;
  /** The country chosen, whose example number is shown. */
  country(): CountryCode | undefined;
  /** A country's example mobile number, once its plan is here. */
  example(country: CountryCode | undefined): PhoneNumber | undefined;
  /** Puts the sample number in the number field and empties the code field. */
  fill(phone: string): void;
  /** Back to an empty flow: the preview is gone. */
  reset(): void;
}

export class PreviewController implements ReactiveController {
  // TypeScript's `private`, not `#`: the bundle's ES2021 writes `#` members with helper functions the entry
  // has too, and a chunk cannot import them (see src/build/component-bundle.ts).
  private readonly host: ReactiveControllerHost;
  private readonly flow: FlowController;
  private readonly delegate: PreviewDelegate;
  /** What the preview on screen was made from, to redo it when any of it changes. */
  private shownOf = '';

  constructor(host: ReactiveControllerHost, flow: FlowController, delegate: PreviewDelegate) {
    this.host = host;
    this.flow = flow;
    this.delegate = delegate;
    host.addController(this);
  }

  /** Before each render, after the element's `willUpdate` has chosen the country: shows the step asked for, or leaves preview. */
  hostUpdate(): void {
    const asked = this.delegate.preview();
    const preview = asked && PREVIEWS.includes(asked) ? (asked as OtpPreview) : undefined;
    const plans = this.delegate.plans();
    const code = plans.callingCode(this.delegate.country() ?? plans.countries[0]);
    const ready = plans.ready(code);
    if (preview && !ready) void plans.load(code).then(() => this.host.requestUpdate());
    const of = preview ? `${preview} ${this.delegate.country()} ${ready}` : '';
    if (of === this.shownOf) return;
    this.shownOf = of;
    if (preview) this.show(preview);
    else this.delegate.reset();
  }

  private show(preview: OtpPreview): void {
    const plans = this.delegate.plans();
    const country = this.delegate.country() ?? (plans.countries[0] as CountryCode | undefined);
    const number = this.delegate.example(country);
    this.delegate.fill(number?.formatNational() ?? '');
    this.flow.show(preview === 'error' ? 'number' : preview === 'checking' ? 'sending' : preview, {
      msisdn: number?.number ?? '',
      country,
      error: preview === 'error' ? { code: 'upstream_unavailable' } : undefined,
      checking: preview === 'checking',
    });
  }
}
