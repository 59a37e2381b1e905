/**
 * The markup of each step, as plain functions of what to show. The element
 * decides what that is; these decide only how it reads, for eyes, thumbs and
 * screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { MSISDN_MAX_CHARS, OTP_FIELD_MAX_CHARS } from '../contract/limits.js';
import type { Translation } from './localize.js';

type Handler<E extends Event = Event> = (event: E) => void;

/** A flag emoji from an ISO country code. */
const flag = (country: string) => String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));

let colourFlags: boolean | undefined;

/**
 * Whether this system draws flag emoji: a flag drawn on a canvas comes out in colour, where a system
 * without an emoji font (Windows, many Linux) draws two letters or boxes in the text colour. Checked
 * once a page (`again` checks anew).
 */
export function drawsFlags(again = false): boolean {
  if (colourFlags !== undefined && !again) return colourFlags;
  colourFlags = false;
  try {
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!context) return colourFlags;
    context.canvas.width = context.canvas.height = 20;
    context.textBaseline = 'top';
    context.font = '16px sans-serif';
    context.fillText(flag('AE'), 0, 0);
    const pixels = context.getImageData(0, 0, 20, 20).data;
    for (let i = 0; i < pixels.length && !colourFlags; i += 4) colourFlags = pixels[i + 3]! > 0 && (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2]);
  } catch {
    // A canvas that cannot be read (a privacy setting): the ISO code is never wrong.
  }
  return colourFlags;
}

/** A country's flag, or its ISO code where the system has no emoji to draw the flag with. */
export const markOf = (country: string) => (drawsFlags() ? flag(country) : country);

export function countryMark(country: string, hidden = true): TemplateResult {
  return html`<span class=${drawsFlags() ? 'flag' : 'iso'} aria-hidden=${hidden ? 'true' : 'false'}>${markOf(country)}</span>`;
}

/**
 * Stays focusable while unavailable (aria-disabled, not disabled, and dimmed); the flow refuses the second submit.
 * `describedBy` says why it is unavailable (the countdown).
 */
function submitButton(label: string, options: { busy?: string | false; unavailable?: boolean; describedBy?: string | undefined } = {}): TemplateResult {
  const { busy, unavailable, describedBy } = options;
  return html`<button class="submit" part="button submit-button" type="submit" aria-disabled=${busy || unavailable ? 'true' : 'false'} aria-describedby=${describedBy || nothing}>
    ${busy ? html`<span class="spinner" aria-hidden="true"></span>${busy}` : label}
  </button>`;
}

/** The live region for a step's error; empty (and hidden) when there is none. */
function errorLine(id: string, message: string): TemplateResult {
  return html`<p id=${id} class="error" part="message error" role="alert">${message}</p>`;
}

/**
 * The dial code of the one country a number can be from, fixed before the field, with the country's ISO
 * code: no flag, whose check (`drawsFlags`) costs a system without an emoji font a long search through
 * its fonts (70 ms on this machine's Chromium, 280 ms on a phone's CPU), for a mark nobody chooses by.
 */
export function fixedPrefix(country: string, callingCode: string): TemplateResult {
  return html`<span class="prefix" part="prefix" dir="ltr" aria-hidden="true"><span class="iso">${country}</span> +${callingCode}</span>`;
}

export interface NumberStep {
  t: Translation;
  phone: string;
  /** The country's example mobile number, as it would be typed. */
  placeholder: string;
  busy: boolean;
  /** Solving the proxy's proof of work before the send goes again. */
  checking: boolean;
  /** Which control the error is about. */
  invalid: 'msisdn' | 'country' | undefined;
  error: string;
  /** Before the number, in the field: the country picker's button, the fixed dial code, or nothing. */
  country: TemplateResult | typeof nothing;
  /** The country picker's open list, under the field. */
  countryList: TemplateResult | typeof nothing;
  onInput: Handler<InputEvent>;
  onBeforeInput: Handler<InputEvent>;
  onCompositionEnd: Handler<CompositionEvent>;
  onSubmit: Handler;
}

export function numberStep(s: NumberStep): TemplateResult {
  const { t } = s;
  return html`<form part="form" class="number" novalidate @submit=${s.onSubmit} aria-busy=${s.busy}>
    <label part="label" for="phone">${t.phoneLabel}</label>
    <div class="picker-anchor">
    <div class="field" part="field" dir="ltr" ?data-invalid=${!!s.invalid}>
      ${s.country}
      <input
        id="phone"
        part="input phone-input"
        type="tel"
        name="tel"
        autocomplete="tel"
        inputmode="tel"
        dir="ltr"
        enterkeyhint="send"
        maxlength=${MSISDN_MAX_CHARS}
        placeholder=${s.placeholder}
        .value=${s.phone}
        ?readonly=${s.busy}
        aria-invalid=${s.invalid === 'msisdn' ? 'true' : 'false'}
        aria-describedby="phone-error"
        @beforeinput=${s.onBeforeInput}
        @input=${s.onInput}
        @compositionend=${s.onCompositionEnd}
      />
    </div>
    ${s.countryList}
    </div>
    ${errorLine('phone-error', s.error)}
    <p class="visually-hidden" role="status">${s.checking ? t.verifying : ''}</p>
    <slot name="disclosure"></slot>
    ${submitButton(t.send, { busy: s.busy && (s.checking ? t.verifying : t.sending) })}
  </form>`;
}

export interface CodeStep {
  t: Translation;
  /** "We sent a code to …", and what just happened to it. */
  status: string;
  code: string;
  busy: boolean;
  /** The code sent can no longer work: the form asks for a new one instead. */
  spent: boolean;
  resending: boolean;
  invalid: boolean;
  error: string;
  /** "You can ask for a new code in 0:25", or nothing once a new code may be asked for. */
  countdown: string;
  onInput: Handler<InputEvent>;
  onPaste: Handler<ClipboardEvent>;
  onBeforeInput: Handler<InputEvent>;
  onSubmit: Handler;
  onChangeNumber: Handler;
  onResend: Handler;
}

export function codeStep(s: CodeStep): TemplateResult {
  const { t } = s;
  const countdown = s.countdown ? html`<p id="countdown" class="muted" part="message">${s.countdown}</p>` : nothing;
  return html`<form part="form" class="code" novalidate @submit=${s.onSubmit} aria-busy=${s.busy}>
    <div class="row">
      <p id="code-status" class="status" part="message status" role="status">${s.status}</p>
      <button class="link" part="button link" type="button" @click=${s.onChangeNumber}>${t.changeNumber}</button>
    </div>
    ${s.spent
      ? html`${errorLine('code-error', s.error)}
          <slot name="disclosure"></slot>
          ${submitButton(t.resend, { busy: s.resending && t.sending, unavailable: !!s.countdown, describedBy: s.countdown && 'countdown' })} ${countdown}`
      : html`<label part="label" for="code">${t.codeLabel}</label>
          <div class="field" part="field" dir="ltr" ?data-invalid=${s.invalid}>
            <input
              id="code"
              part="input code-input"
              type="text"
              name="otp"
              autocomplete="one-time-code"
              inputmode="numeric"
              dir="ltr"
              enterkeyhint="done"
              maxlength=${OTP_FIELD_MAX_CHARS}
              .value=${s.code}
              ?readonly=${s.busy}
              aria-invalid=${s.invalid ? 'true' : 'false'}
              aria-describedby="code-status code-error"
              @paste=${s.onPaste}
              @beforeinput=${s.onBeforeInput}
              @input=${s.onInput}
            />
          </div>
          ${errorLine('code-error', s.error)}
          <slot name="disclosure"></slot>
          ${submitButton(t.verify, { busy: s.busy && !s.resending && t.verifying, unavailable: s.busy })}
          ${s.countdown || s.resending
            ? countdown
            : html`<button class="link" part="button link" type="button" @click=${s.onResend}>${t.resend}</button>`}`}
  </form>`;
}

export function doneStep(t: Translation): TemplateResult {
  // The check is drawn in the success colour only, so it reads on any background the page sets.
  return html`<div class="success" part="message success" role="status" tabindex="-1">
    <slot name="success">
      <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      <p>${t.success}</p>
    </slot>
  </div>`;
}
