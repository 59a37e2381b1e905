/**
 * The country picker's open list, behind its button (`country-picker.ts`):
 * every country's name in the page's language, in order, the search by name,
 * English name, ISO code or dial code, the arrow keys and the choice.
 *
 * A chunk of its own, which the picker fetches once its button is on screen
 * and the page is idle, or at the first touch or focus of the button. Like
 * every chunk it imports nothing at run time (see
 * src/build/component-bundle.ts): the picker hands it what it needs, adopts
 * its styles and draws it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CountryPicker, PickerDelegate } from './country-picker.js';

export { default as styles } from './country-list.styles.js';

/** Text as it is searched: lower case, accents off (`Émirats` is found by `emir`). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class CountryList {
  /** Opened on a narrow screen: the list takes all of it. */
  full = false;
  query = '';
  /** The option the arrow keys are on, by ISO code. */
  active: string | undefined;

  // TypeScript's `private`, not `#`: the bundle's ES2021 writes `#` members with helper functions the entry
  // has too, and a chunk cannot import them (see src/build/component-bundle.ts).
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly delegate: PickerDelegate;
  private readonly picker: CountryPicker;
  /** Names (the page's language, English) and the order by name, per locale: building them for every country costs a few milliseconds. */
  private names: { locale: string; of: Map<string, string>; english: Map<string, string>; sorted: string[] } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, delegate: PickerDelegate, picker: CountryPicker) {
    this.host = host;
    this.delegate = delegate;
    this.picker = picker;
  }

  private namesFor(locale: string) {
    if (this.names?.locale !== locale) {
      const every = this.delegate.every();
      const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
      const of = new Map(every.map((c) => [c, this.picker.name(c)]));
      const collator = new Intl.Collator(locale);
      this.names = { locale, of, english: new Map(every.map((c) => [c, english.of(c) ?? c])), sorted: [...every].sort((a, b) => collator.compare(of.get(a)!, of.get(b)!)) };
    }
    return this.names;
  }

  /** A country's name in the page's language. */
  name(country: string): string {
    return this.namesFor(this.delegate.locale()).of.get(country) ?? this.picker.name(country);
  }

  /** The countries the search leaves, those whose name starts with it first. */
  matches(): string[] {
    const names = this.namesFor(this.delegate.locale());
    const given = this.delegate.countries();
    const list = given.length ? given : names.sorted;
    const query = fold(this.query.trim());
    if (!query) return [...list];
    const digits = query.replace(/^\+/, '');
    if (/^\d+$/.test(digits)) return list.filter((c) => this.delegate.callingCode(c).startsWith(digits));
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

  /** The list is opening: from the top, on the country chosen, with the search box focused. */
  async show(): Promise<void> {
    // Asked at each opening, not by a media query in the styles: WebKit keeps a shadow root's adopted
    // stylesheet on the width it first had, so a phone turned upright would keep the small list.
    this.full = matchMedia('(max-width: 30rem)').matches;
    this.query = '';
    this.active = this.delegate.selected() ?? this.matches()[0];
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLInputElement>('#country-search')?.focus();
    this.reveal();
  }

  readonly choose = (country: string): void => {
    this.delegate.choose(country);
    this.picker.close(false);
    // The next thing to do is type the number.
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLInputElement>('#phone')?.focus());
  };

  private reveal(): void {
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector('.picker li.active')?.scrollIntoView({ block: 'nearest' }));
  }

  readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.active = this.matches()[0];
    this.host.requestUpdate();
  };

  readonly onSearchKey = (event: KeyboardEvent): void => {
    const list = this.matches();
    const at = this.active ? list.indexOf(this.active) : -1;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[event.key];
    if (step !== undefined && list.length) {
      event.preventDefault();
      this.active = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
      this.host.requestUpdate();
      this.reveal();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.active && list.includes(this.active)) this.choose(this.active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.picker.close();
    } else if (event.key === 'Tab') {
      this.picker.close(false);
    }
  };
}
