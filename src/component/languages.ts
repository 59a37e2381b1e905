/**
 * Which language an element speaks, and getting its texts: built in, or
 * loaded the first time a page asks for it (the one-script-tag bundle carries
 * English only and fetches any other language as a small chunk of its own).
 */
import type { Translation } from './localize.js';

/** A value at hand, or a way to fetch it once. */
export type Loadable<T> = T | (() => Promise<T>);

/** A value that may still be on its way. Loads once; a failed load settles empty rather than throwing. */
export class Lazy<T> {
  #value: T | undefined;
  #loading: Promise<void> | undefined;
  #settled: boolean;
  readonly #load: (() => Promise<T>) | undefined;

  constructor(source: Loadable<T>) {
    const load = typeof source === 'function' ? (source as () => Promise<T>) : undefined;
    this.#load = load;
    this.#value = load ? undefined : (source as T);
    this.#settled = !load;
  }

  get value(): T | undefined {
    return this.#value;
  }

  /** Loaded, or given up on. */
  get settled(): boolean {
    return this.#settled;
  }

  load(): Promise<void> {
    this.#loading ??= (this.#load ? this.#load() : Promise.resolve(this.#value as T)).then(
      (value) => {
        this.#value = value;
        this.#settled = true;
      },
      () => {
        // Offline, or the chunk is gone from the CDN: the caller falls back and still shows the form.
        this.#settled = true;
      },
    );
    return this.#loading;
  }
}

// Codes browsers and pages still send for languages whose code changed.
const ALIASES: Record<string, string> = { iw: 'he', tl: 'fil', in: 'id', mo: 'ro' };

/**
 * The best of `available` for a BCP 47 `lang`: the tag itself, its language
 * in its script (Chinese by script: `zh-TW` and `zh-HK` are `zh-Hant`, `zh`
 * and `zh-CN` are `zh-Hans`), or its language alone (`ar-AE` is `ar`).
 */
export function matchLanguage(lang: string, available: readonly string[]): string | undefined {
  const codes = new Map(available.map((code) => [code.toLowerCase(), code]));
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang.trim());
  } catch {
    return undefined;
  }
  const language = ALIASES[locale.language] ?? locale.language;
  let script = locale.script;
  try {
    script ??= locale.maximize().script;
  } catch {
    // An engine without likely-subtags data still matches by language.
  }
  const candidates = [locale.baseName, script && `${language}-${script}`, language];
  for (const candidate of candidates) {
    const code = candidate && codes.get(candidate.toLowerCase());
    if (code) return code;
  }
  return undefined;
}

/** `lang` of the element, else of the nearest ancestor, else of the page, else English. */
export function resolveLang(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
}

/** The languages a registered element speaks: some built in, the others loaded on first use. */
export class Catalog {
  readonly #languages = new Map<string, Lazy<Translation>>();
  readonly fallback: Translation;

  constructor(builtIn: Readonly<Record<string, Translation>>, onDemand: Readonly<Record<string, () => Promise<Translation>>> = {}) {
    for (const [code, load] of Object.entries(onDemand)) this.#languages.set(code, new Lazy(load));
    for (const [code, t] of Object.entries(builtIn)) this.#languages.set(code, new Lazy(t));
    this.fallback = builtIn.en ?? Object.values(builtIn)[0]!;
  }

  /** Every update asks, with the same few `lang` values: each is matched once. */
  readonly #matched = new Map<string, string>();

  /** The language to speak for a `lang` value: its best match here, else the fallback's. */
  match(lang: string): string {
    let code = this.#matched.get(lang);
    if (code === undefined) {
      code = matchLanguage(lang, [...this.#languages.keys()]) ?? this.fallback.$code;
      this.#matched.set(lang, code);
    }
    return code;
  }

  language(code: string): Lazy<Translation> {
    return this.#languages.get(code) ?? new Lazy(this.fallback);
  }
}
