/**
 * Which language `<otp-flow>` speaks, and in which locale it writes numbers:
 * its own `lang`, else its nearest ancestor's, else the page's, followed as
 * they change (one observer of `<html lang>` for every element). A language
 * fetched on demand is waited for with the last one painted kept on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchLanguage, resolveLang, type Catalog } from './languages.js';
import type { Messages, Translation } from './localize.js';

type Host = ReactiveControllerHost & Element;

// One observer for all instances: pages switch language by changing <html lang>.
const hosts = new Set<Host>();
let pageObserver: MutationObserver | undefined;

/** What the language needs from the element it runs in. */
export interface LanguageDelegate {
  /** The languages the element was registered with. */
  catalog(): Catalog;
  /** Texts the page overrides (the `messages` property), unchecked. */
  messages(): Messages | undefined;
}

export class LanguageController implements ReactiveController {
  /** The texts to show: the language's, with the page's overrides. */
  t!: Translation;
  /** BCP 47 tag numbers and dates are written in. */
  locale = 'en';
  /** No language painted yet: the form keeps its box but is not painted. */
  waiting = true;

  readonly #host: Host;
  readonly #delegate: LanguageDelegate;
  /** The language last painted, kept on screen while another one loads. */
  #shown: Translation | undefined;

  constructor(host: Host, delegate: LanguageDelegate) {
    this.#host = host;
    this.#delegate = delegate;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    pageObserver ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
    if (hosts.size === 1) pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) pageObserver?.disconnect();
  }

  /** Before each render: chooses the language, starting its load if it is not here yet. */
  hostUpdate(): void {
    const catalog = this.#delegate.catalog();
    const lang = resolveLang(this.#host);
    const language = catalog.language(catalog.match(lang));
    if (language.settled) this.#shown = language.value ?? catalog.fallback;
    else void language.load().then(() => this.#host.requestUpdate());
    const base = this.#shown ?? catalog.fallback;
    const messages = this.#delegate.messages();
    this.t = messages && typeof messages === 'object' ? { ...base, ...messages } : base;
    // `ar-AE` writes Latin digits and `ar-EG` Arabic ones: the page's own tag decides, when it names this language.
    this.locale = matchLanguage(lang, [base.$code]) ? lang : base.$code;
    this.waiting = !this.#shown;
  }
}
