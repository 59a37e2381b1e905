/**
 * `preview`: a step of `<otp-flow>` shown with sample data (an example number
 * of the element's country) and no request, for marketers and design
 * reviews. Shown again whenever the step, the country or the example numbers
 * change; leaving preview starts the flow afresh.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getExampleNumber, isSupportedCountry, type CountryCode, type Examples, type MetadataJson } from 'libphonenumber-js/core';
import type { FlowController } from './flow-controller.js';
import type { Lazy } from './languages.js';

/** `checking`: a send proving the work the proxy asked for (`OTP_CHALLENGE`). */
export type OtpPreview = 'number' | 'sending' | 'checking' | 'code' | 'verifying' | 'error' | 'done';
const PREVIEWS: readonly string[] = ['number', 'sending', 'checking', 'code', 'verifying', 'error', 'done'] satisfies OtpPreview[];

/** What a preview needs from the element it runs in. */
export interface PreviewDelegate {
  /** The element's phone metadata, and its example numbers by country, fetched the first time a preview is shown. */
  setup(): { metadata: MetadataJson; examples: Lazy<Partial<Examples>> };
  /** The `preview` property, unchecked. */
  preview(): string | undefined;
  /** The country chosen, whose example number is shown. */
  country(): CountryCode | undefined;
  /** Puts the sample number in the number field and empties the code field. */
  fill(phone: string): void;
  /** Back to an empty flow: the preview is gone. */
  reset(): void;
}

export class PreviewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #flow: FlowController;
  readonly #delegate: PreviewDelegate;
  /** What the preview on screen was made from, to redo it when any of it changes. */
  #shownOf = '';

  constructor(host: ReactiveControllerHost, flow: FlowController, delegate: PreviewDelegate) {
    this.#host = host;
    this.#flow = flow;
    this.#delegate = delegate;
    host.addController(this);
  }

  /** Before each render, after the element's `willUpdate` has chosen the country: shows the step asked for, or leaves preview. */
  hostUpdate(): void {
    const asked = this.#delegate.preview();
    const preview = asked && PREVIEWS.includes(asked) ? (asked as OtpPreview) : undefined;
    const { examples } = this.#delegate.setup();
    if (preview && !examples.settled) void examples.load().then(() => this.#host.requestUpdate());
    const of = preview ? `${preview} ${this.#delegate.country()} ${examples.settled}` : '';
    if (of === this.#shownOf) return;
    this.#shownOf = of;
    if (preview) this.#show(preview);
    else this.#delegate.reset();
  }

  #show(preview: OtpPreview): void {
    const { metadata, examples } = this.#delegate.setup();
    const sample = examples.value ?? {};
    const country = this.#delegate.country() ?? (Object.keys(sample) as CountryCode[]).find((c) => isSupportedCountry(c, metadata));
    const example = country && sample[country] ? getExampleNumber(country, sample as Examples, metadata) : undefined;
    this.#delegate.fill(example?.formatNational() ?? '');
    this.#flow.show(preview === 'error' ? 'number' : preview === 'checking' ? 'sending' : preview, {
      msisdn: example?.number ?? '',
      country,
      error: preview === 'error' ? { code: 'upstream_unavailable' } : undefined,
      checking: preview === 'checking',
    });
  }
}
