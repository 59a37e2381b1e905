/**
 * The country picker: a button with the chosen country's flag and dial code
 * that opens a searchable list (the ARIA combobox pattern: a search box that
 * owns a listbox, the active option named by `aria-activedescendant`). Names
 * are in the page's language (`Intl.DisplayNames`), found by name, English
 * name, ISO code or dial code. It lives in the element's shadow root, so it
 * works wherever the element does; on narrow phones it takes the whole screen.
 *
 * The first paint needs the button only: what the open list does (every
 * country's name and order, the search, the keys) and its styles are a chunk
 * of their own (`country-list.ts`), fetched once the button is on screen and
 * the page is idle, or at the first touch or focus of the button, whichever
 * comes first. A tap before the chunk is here opens the list when it is.
 *
 * A bundle that can only ever serve one country leaves it out (see
 * `defineOtpFlow`'s `picker`): the dial code is then shown fixed.
 */
import { adoptStyles, css, html, nothing, supportsAdoptingStyleSheets, unsafeCSS, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CountryList } from './country-list.js';
import type { Translation } from './localize.js';
import { countryMark, markOf } from './templates.js';

/** What the picker needs from the element it runs in. */
export interface PickerDelegate {
  /** The countries to offer, in the order to show them (empty: every country the element knows, by name). */
  countries(): readonly string[];
  every(): readonly string[];
  selected(): string | undefined;
  callingCode(country: string): string;
  choose(country: string): void;
  t(): Translation;
  locale(): string;
}

export class CountryPicker implements ReactiveController {
  static readonly styles = css`
    .country {
      flex: 0 0 auto;
      display: flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0 0.625rem;
      border: 0;
      border-inline-end: 1px solid var(--otp-flow-color-border);
      background: transparent;
      min-block-size: var(--otp-flow-control-height);
      min-inline-size: 44px;
      white-space: nowrap;
      cursor: pointer;
    }
    .country::after {
      content: '';
      inline-size: 0.4rem;
      block-size: 0.4rem;
      margin-inline-start: 0.125rem;
      border: solid currentColor;
      border-width: 0 2px 2px 0;
      transform: translateY(-25%) rotate(45deg);
    }
  `;

  /** Asked to be open: the list shows as soon as its chunk is here. */
  open = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #delegate: PickerDelegate;
  #list: CountryList | undefined;
  #loading: Promise<CountryList> | undefined;
  /** The list's fetch at the page's first idle moment is scheduled. */
  #scheduled = false;
  /** Country names in the page's language (the English one where it has none), for the locale they were made for. */
  #display: [locale: string, names: Intl.DisplayNames] | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, delegate: PickerDelegate) {
    this.#host = host;
    this.#delegate = delegate;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#outside, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#outside, true);
  }

  readonly #outside = (event: Event): void => {
    if (this.open && !event.composedPath().some((node) => (node as Element).classList?.contains('picker-anchor'))) this.close(false);
  };

  /** The list's chunk, its styles adopted beside the element's; asked again after a failed fetch. */
  #load(): Promise<CountryList> {
    return (this.#loading ??= import('./country-list.js').then(
      ({ CountryList, styles }) => {
        const root = this.#host.shadowRoot!;
        // Lit adopted the element's sheets when it made the root: the list's join them (or, where sheets
        // cannot be adopted, follow them as a <style>, as Lit's own do there).
        if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, unsafeCSS(styles).styleSheet!];
        else adoptStyles(root, [unsafeCSS(styles)]);
        return (this.#list = new CountryList(this.#host, this.#delegate, this));
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }

  readonly #prefetch = (): void => void this.#load().catch(() => undefined);

  name(country: string): string {
    const locale = this.#delegate.locale();
    if (this.#display?.[0] !== locale) this.#display = [locale, new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' })];
    return this.#display[1].of(country) ?? country;
  }

  async show(): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    try {
      const list = await this.#load();
      if (this.open) await list.show();
    } catch {
      // The list could not be fetched (offline): the button stays as it was, and the next tap tries again.
      this.close(false);
    }
  }

  close(refocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (refocus) void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('.country')?.focus());
  }

  readonly #onTriggerKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show();
    }
  };

  /** The button in the field, and the list under it when open. */
  render(options: { invalid: boolean; disabled: boolean }): TemplateResult {
    const t = this.#delegate.t();
    const selected = this.#delegate.selected();
    const dial = selected ? `+${this.#delegate.callingCode(selected)}` : '+';
    if (!this.#scheduled) {
      this.#scheduled = true;
      (window.requestIdleCallback ?? setTimeout)(this.#prefetch);
    }
    return html`<button
      type="button"
      class="country"
      part="country-button"
      aria-haspopup="listbox"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-label=${selected ? `${markOf(selected)} ${dial}, ${t.countryLabel}: ${this.name(selected)}` : t.countryLabel}
      aria-invalid=${options.invalid ? 'true' : 'false'}
      aria-describedby="phone-error"
      ?disabled=${options.disabled}
      @click=${() => (this.open ? this.close() : void this.show())}
      @keydown=${this.#onTriggerKey}
      @pointerdown=${this.#prefetch}
      @focus=${this.#prefetch}
    >
      ${selected ? countryMark(selected) : nothing}<span dir="ltr">${dial}</span>
    </button>`;
  }

  /** The open list: put after the field (whose box clips), inside the element that anchors it. */
  renderList(): TemplateResult | typeof nothing {
    const list = this.#list;
    if (!this.open || !list) return nothing;
    const t = this.#delegate.t();
    const matches = list.matches();
    const selected = this.#delegate.selected();
    return html`<div class=${list.full ? 'picker full' : 'picker'} part="country-picker" role="dialog" aria-label=${t.countryLabel} dir=${t.$dir}>
      <div class="picker-head">
        <input
          id="country-search"
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded="true"
          aria-controls="country-list"
          aria-activedescendant=${list.active && matches.includes(list.active) ? `country-${list.active}` : ''}
          aria-label=${t.searchCountry}
          placeholder=${t.searchCountry}
          .value=${list.query}
          @input=${list.onSearch}
          @keydown=${list.onSearchKey}
        />
        <button type="button" class="close" aria-label=${t.close} @click=${() => this.close()}>×</button>
      </div>
      <ul id="country-list" role="listbox" aria-label=${t.countryLabel}>
        ${matches.map(
          (c) =>
            html`<li id=${`country-${c}`} role="option" aria-selected=${c === selected ? 'true' : 'false'} class=${c === list.active ? 'active' : ''} @click=${() => list.choose(c)}>
              ${countryMark(c)}<span class="name">${list.name(c)}</span><span class="dial" dir="ltr">+${this.#delegate.callingCode(c)}</span>
            </li>`,
        )}
      </ul>
      ${matches.length ? nothing : html`<p class="none" role="status">${t.noCountryFound}</p>`}
    </div>`;
  }
}
