/**
 * WebOTP: where the browser can read the SMS itself (Chrome on Android, for an
 * SMS ending in `@domain #code`), it hands the code over and the user types
 * nothing. Asked after every code sent, dropped as soon as the user leaves the
 * code step or the element leaves the page. Elsewhere it does nothing and
 * typing, pasting and autofill work as ever.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OtpSentEvent, OtpStepEvent } from './events.js';

export class WebOtpController implements ReactiveController {
  // TypeScript's `private`, not `#`: the bundle's ES2021 writes `#` members with helper functions the entry
  // has too, and a chunk cannot import them (see src/build/component-bundle.ts).
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onCode: (code: string) => void;
  private request: AbortController | undefined;

  /** `now`: a code was sent before this controller was here, and the code step is on screen. */
  constructor(host: ReactiveControllerHost & HTMLElement, onCode: (code: string) => void, now = false) {
    this.host = host;
    this.onCode = onCode;
    host.addController(this);
    if (now) this.listen();
  }

  hostConnected(): void {
    this.host.addEventListener('otp-sent', this.listen);
    this.host.addEventListener('otp-step', this.leave);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('otp-sent', this.listen);
    this.host.removeEventListener('otp-step', this.leave);
    this.stop();
  }

  private readonly listen = (_event?: OtpSentEvent): void => {
    this.stop();
    if (!('OTPCredential' in window) || !navigator.credentials?.get) return;
    const request = (this.request = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: request.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as { code?: string } | null)?.code;
        if (!request.signal.aborted && code) this.onCode(code);
      })
      .catch(() => {
        // Aborted, dismissed or refused: typing the code still works.
      });
  };

  private readonly leave = (event: OtpStepEvent): void => {
    // Verifying is still the code step's business: a wrong code comes back to it, and the SMS may yet arrive.
    if (event.detail.step !== 'code' && event.detail.step !== 'verifying') this.stop();
  };

  private stop(): void {
    this.request?.abort();
    this.request = undefined;
  }
}
