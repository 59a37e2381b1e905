/**
 * The country picker: a button with the chosen country's flag and dial code
 * that opens a searchable list (the ARIA combobox pattern: a search box that
 * owns a listbox, the active option named by `aria-activedescendant`). Names
 * are in the page's language (`Intl.DisplayNames`), found by name, English
 * name, ISO code or dial code. It lives in the element's shadow root, so it
 * works wherever the element does; on narrow phones it takes the whole screen.
 *
 * A bundle that can only ever serve one country leaves it out (see
 * `defineOtpFlow`'s `picker`): the dial code is then shown fixed.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
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

/** Text as it is searched: lower case, accents off (`Émirats` is found by `emir`). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

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
    .picker {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      inset-block-start: calc(100% + 0.25rem);
      display: flex;
      flex-direction: column;
      max-block-size: 20rem;
      border: 1px solid var(--otp-flow-color-border);
      border-radius: var(--otp-flow-radius);
      /* The field's colour over the system's page colour: opaque even when the theme's background is not. */
      background: linear-gradient(var(--otp-flow-color-field), var(--otp-flow-color-field)) Canvas;
      box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
      overflow: hidden;
    }
    .picker-head {
      display: flex;
      border-block-end: 1px solid var(--otp-flow-color-border);
    }
    .picker input {
      min-block-size: var(--otp-flow-control-height);
    }
    .picker input:focus-visible {
      outline: 3px solid var(--otp-flow-color-focus);
      outline-offset: -3px;
    }
    .picker ul {
      margin: 0;
      padding: 0.25rem 0;
      list-style: none;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .picker li {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-block-size: 44px;
      padding: 0 0.75rem;
      cursor: pointer;
    }
    .picker li[aria-selected='true'] {
      font-weight: 600;
    }
    .picker li.active {
      background: color-mix(in srgb, var(--otp-flow-color-primary) 14%, transparent);
      outline: 2px solid var(--otp-flow-color-focus);
      outline-offset: -2px;
    }
    .picker .name {
      flex: 1 1 auto;
    }
    .picker .dial {
      color: var(--otp-flow-color-muted);
    }
    .picker .none {
      padding: 0.75rem;
    }
    .close {
      display: none;
      border: 0;
      background: none;
      min-inline-size: 44px;
      font-size: 1.5em;
      cursor: pointer;
    }
    /* A phone held upright: the list takes the screen, the keyboard below it. */
    .full {
      position: fixed;
      inset: 0;
      max-block-size: none;
      border: 0;
      border-radius: 0;
    }
    .full .close {
      display: block;
    }
  `;

  open = false;
  /** Opened on a narrow screen: the list takes all of it. */
  full = false;
  query = '';
  /** The option the arrow keys are on, by ISO code. */
  active: string | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #delegate: PickerDelegate;
  /** Names and the order by name, per locale: building them for every country costs a few milliseconds. */
  #names: { locale: string; of: Map<string, string>; english: Map<string, string>; sorted: string[] } | undefined;

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

  #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  #namesFor(locale: string) {
    if (this.#names?.locale !== locale) {
      const every = this.#delegate.every();
      const display = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
      const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
      const of = new Map(every.map((c) => [c, display.of(c) ?? c]));
      const collator = new Intl.Collator(locale);
      this.#names = { locale, of, english: new Map(every.map((c) => [c, english.of(c) ?? c])), sorted: [...every].sort((a, b) => collator.compare(of.get(a)!, of.get(b)!)) };
    }
    return this.#names;
  }

  name(country: string): string {
    return this.#namesFor(this.#delegate.locale()).of.get(country) ?? country;
  }

  /** The countries the search leaves, those whose name starts with it first. */
  matches(): string[] {
    const names = this.#namesFor(this.#delegate.locale());
    const given = this.#delegate.countries();
    const list = given.length ? given : names.sorted;
    const query = fold(this.query.trim());
    if (!query) return [...list];
    const digits = query.replace(/^\+/, '');
    if (/^\d+$/.test(digits)) return list.filter((c) => this.#delegate.callingCode(c).startsWith(digits));
    const starts: string[] = [];
    const contains: string[] = [];
    for (const c of list) {
      const name = fold(names.of.get(c) ?? c);
      const english = fold(names.english.get(c) ?? c);
      if (name.startsWith(query) || english.startsWith(query) || c.toLowerCase() === query) starts.push(c);
      else if (name.includes(query) || english.includes(query)) contains.push(c);
    }
    return [...starts, ...contains];
  }

  async show(): Promise<void> {
    this.open = true;
    // Asked at each opening, not by a media query in the styles: WebKit keeps a shadow root's adopted
    // stylesheet on the width it first had, so a phone turned upright would keep the small list.
    this.full = matchMedia('(max-width: 30rem)').matches;
    this.query = '';
    this.active = this.#delegate.selected() ?? this.matches()[0];
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#root()?.querySelector<HTMLInputElement>('#country-search')?.focus();
    this.#reveal();
  }

  close(refocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.#host.requestUpdate();
    if (refocus) void this.#host.updateComplete.then(() => this.#root()?.querySelector<HTMLElement>('.country')?.focus());
  }

  #choose(country: string): void {
    this.#delegate.choose(country);
    this.open = false;
    this.#host.requestUpdate();
    // The next thing to do is type the number.
    void this.#host.updateComplete.then(() => this.#root()?.querySelector<HTMLInputElement>('#phone')?.focus());
  }

  #reveal(): void {
    void this.#host.updateComplete.then(() => this.#root()?.querySelector('.picker li.active')?.scrollIntoView({ block: 'nearest' }));
  }

  readonly #onTriggerKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show();
    }
  };

  readonly #onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.active = this.matches()[0];
    this.#host.requestUpdate();
  };

  readonly #onSearchKey = (event: KeyboardEvent): void => {
    const list = this.matches();
    const at = this.active ? list.indexOf(this.active) : -1;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[event.key];
    if (step !== undefined && list.length) {
      event.preventDefault();
      this.active = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
      this.#host.requestUpdate();
      this.#reveal();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active && list.includes(this.active)) this.#choose(this.active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  };

  /** The button in the field, and the list under it when open. */
  render(options: { invalid: boolean; disabled: boolean }): TemplateResult {
    const t = this.#delegate.t();
    const selected = this.#delegate.selected();
    const dial = selected ? `+${this.#delegate.callingCode(selected)}` : '+';
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
    >
      ${selected ? countryMark(selected) : nothing}<span dir="ltr">${dial}</span>
    </button>`;
  }

  /** The open list: put after the field (whose box clips), inside the element that anchors it. */
  renderList(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const t = this.#delegate.t();
    const list = this.matches();
    const selected = this.#delegate.selected();
    return html`<div class=${this.full ? 'picker full' : 'picker'} part="country-picker" role="dialog" aria-label=${t.countryLabel} dir=${t.$dir}>
      <div class="picker-head">
        <input
          id="country-search"
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded="true"
          aria-controls="country-list"
          aria-activedescendant=${this.active && list.includes(this.active) ? `country-${this.active}` : ''}
          aria-label=${t.searchCountry}
          placeholder=${t.searchCountry}
          .value=${this.query}
          @input=${this.#onSearch}
          @keydown=${this.#onSearchKey}
        />
        <button type="button" class="close" aria-label=${t.close} @click=${() => this.close()}>×</button>
      </div>
      <ul id="country-list" role="listbox" aria-label=${t.countryLabel}>
        ${list.map(
          (c) =>
            html`<li id=${`country-${c}`} role="option" aria-selected=${c === selected ? 'true' : 'false'} class=${c === this.active ? 'active' : ''} @click=${() => this.#choose(c)}>
              ${countryMark(c)}<span class="name">${this.name(c)}</span><span class="dial" dir="ltr">+${this.#delegate.callingCode(c)}</span>
            </li>`,
        )}
      </ul>
      ${list.length ? nothing : html`<p class="none" role="status">${t.noCountryFound}</p>`}
    </div>`;
  }
}
