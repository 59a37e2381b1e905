/**
 * The numbering plans a registered `<otp-flow>` knows, by calling code.
 *
 * Before any country is known an element needs only libphonenumber's table of
 * calling codes and the countries that share each (`971 → AE`, `1 → US, CA,
 * …`): enough to list countries, recognise a typed `+971` and tell that it is
 * a country the page does not serve. A plan itself (its patterns, formats and
 * example number) is at hand in a tailored kit, and in the one-script-tag
 * bundle a chunk of its own, fetched the first time one of its countries is
 * chosen, defaulted or typed, then kept, as languages are.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import { Lazy } from './languages.js';

/** One calling code's part of libphonenumber's metadata, and its countries' example mobile numbers. */
export interface PlanSlice {
  countries: Record<string, unknown>;
  /** Codes that belong to no country (`+881`), by calling code. */
  nonGeographic?: Record<string, unknown>;
  examples: Record<string, string>;
}

export interface PhoneData {
  /**
   * libphonenumber's `country_calling_codes`: calling code → ISO codes, the one whose formats they share
   * first; or the same as `encodeCallingCodes` writes it.
   */
  callingCodes: Record<string, string[]> | string;
  /** Plans carried inline (a tailored kit: all of its countries). */
  plans?: PlanSlice;
  /** Fetches the plans of one calling code. */
  load?: (callingCode: string) => Promise<PlanSlice>;
}

/** libphonenumber's metadata format version the slices come from. */
const VERSION = 4;

export class PhonePlans {
  readonly callingCodes: Readonly<Record<string, readonly string[]>>;
  /** ISO code → calling code, for every country of the table. */
  readonly #codeOf = new Map<string, string>();
  readonly #plans = new Map<string, Lazy<PlanSlice | undefined>>();
  readonly #inline: PlanSlice | undefined;
  readonly #load: ((callingCode: string) => Promise<PlanSlice>) | undefined;
  #metadata: MetadataJson | undefined;

  constructor({ callingCodes, plans, load }: PhoneData) {
    this.callingCodes = typeof callingCodes === 'string' ? decodeCallingCodes(callingCodes) : callingCodes;
    for (const [code, countries] of Object.entries(this.callingCodes)) for (const country of countries) this.#codeOf.set(country, code);
    this.#inline = plans;
    this.#load = load;
    // Plans carried inline are all at hand from the start.
    if (plans && !load) for (const code of Object.keys(this.callingCodes)) if (this.#has(code)) this.#plans.set(code, new Lazy<PlanSlice | undefined>(plans));
  }

  /** Every country the table names (`001`, the non-geographic ranges, left out). */
  get countries(): string[] {
    return [...this.#codeOf.keys()].filter((c) => c !== '001');
  }

  /** The calling code of a country (`AE` → `971`), or undefined for one the table does not know. */
  callingCode(country: string | undefined): string | undefined {
    return country ? this.#codeOf.get(country) : undefined;
  }

  /** Whether numbers of a country can be checked here: its plan is carried or can be fetched. */
  serves(country: string): boolean {
    const code = this.callingCode(country);
    return !!code && this.#has(code) && (!!this.#load || !!this.#inline?.countries[country]);
  }

  /** Whether this tag carries or can fetch the plans of a calling code. */
  #has(code: string): boolean {
    const inline = this.#inline;
    const main = this.callingCodes[code]?.[0];
    return !!main && (!!this.#load || (main === '001' ? !!inline?.nonGeographic?.[code] : !!inline?.countries[main]));
  }

  #plan(code: string): Lazy<PlanSlice | undefined> | undefined {
    if (!this.#has(code)) return undefined;
    let plan = this.#plans.get(code);
    if (!plan) {
      const load = this.#load!;
      plan = new Lazy<PlanSlice | undefined>(() => load(code));
      this.#plans.set(code, plan);
    }
    return plan;
  }

  /** Whether the plan of a calling code is here (or will never be: then libphonenumber goes without it). */
  ready(code: string | undefined): boolean {
    const plan = code ? this.#plan(code) : undefined;
    return !plan || plan.settled;
  }

  /** Fetches a calling code's plan once; resolves when it is here or given up on. */
  async load(code: string | undefined): Promise<void> {
    const plan = code ? this.#plan(code) : undefined;
    if (!plan || plan.settled) return;
    await plan.load();
    this.#metadata = undefined;
  }

  /** The example mobile number of a country whose plan is here, national digits. */
  example(country: string | undefined): string | undefined {
    const code = this.callingCode(country);
    return code ? this.#plan(code)?.value?.examples[country!] : undefined;
  }

  /**
   * libphonenumber metadata of the plans at hand. A calling code is in it only with the plan
   * of its main country, whose formats the others share: libphonenumber reads them unasked.
   */
  get metadata(): MetadataJson {
    if (this.#metadata) return this.#metadata;
    const metadata = { version: VERSION, country_calling_codes: {} as Record<string, string[]>, countries: {} as Record<string, unknown>, nonGeographic: {} as Record<string, unknown> };
    for (const [code, plan] of this.#plans) {
      const slice = plan.value;
      if (!slice) continue;
      const members = this.callingCodes[code]!.filter((c) => (c === '001' ? slice.nonGeographic?.[code] : slice.countries[c]));
      if (members[0] !== this.callingCodes[code]![0]) continue;
      metadata.country_calling_codes[code] = members;
      for (const c of members) {
        if (c === '001') metadata.nonGeographic[code] = slice.nonGeographic![code];
        else metadata.countries[c] = slice.countries[c];
      }
    }
    return (this.#metadata = metadata as unknown as MetadataJson);
  }
}

/**
 * The calling-code table in a fifth of its JSON: `1USAG… 7RUKZ 800~ 971AE`, a code then its countries'
 * ISO codes run together (`~` for libphonenumber's `001`, the ranges of no country).
 */
export function encodeCallingCodes(table: Record<string, string[]>): string {
  return Object.entries(table)
    .map(([code, countries]) => code + countries.map((c) => (c === '001' ? '~' : c)).join(''))
    .join(' ');
}

export function decodeCallingCodes(text: string): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const entry of text.split(' ')) {
    const digits = entry.search(/\D|$/);
    const rest = entry.slice(digits);
    table[entry.slice(0, digits)] = rest === '~' ? ['001'] : rest.match(/[A-Z]{2}/g) ?? [];
  }
  return table;
}

type Metadata = { country_calling_codes: Record<string, string[]>; countries: Record<string, unknown>; nonGeographic?: Record<string, unknown> };

/** One calling code's plans cut from libphonenumber-js's metadata (`metadata.mobile.json`) and examples (`examples.mobile.json`). */
export function planSlice(metadata: MetadataJson, examples: Record<string, string>, callingCode: string): PlanSlice {
  const m = metadata as unknown as Metadata;
  const slice: PlanSlice = { countries: {}, examples: {} };
  for (const country of m.country_calling_codes[callingCode] ?? []) {
    if (country === '001') (slice.nonGeographic ??= {})[callingCode] = m.nonGeographic?.[callingCode];
    else if (m.countries[country]) {
      slice.countries[country] = m.countries[country];
      if (examples[country]) slice.examples[country] = examples[country];
    }
  }
  return slice;
}

/** Every plan of `metadata` (whole, or sliced to a campaign's countries) at hand, with the calling codes of `table`, every country's by default. */
export function inlinePlans(metadata: MetadataJson, examples: Record<string, string>, table: Record<string, string[]> = (metadata as unknown as Metadata).country_calling_codes): PhoneData {
  const plans: PlanSlice = { countries: {}, examples: {} };
  for (const code of Object.keys((metadata as unknown as Metadata).country_calling_codes)) {
    const slice = planSlice(metadata, examples, code);
    Object.assign(plans.countries, slice.countries);
    Object.assign(plans.examples, slice.examples);
    if (slice.nonGeographic) Object.assign((plans.nonGeographic ??= {}), slice.nonGeographic);
  }
  return { callingCodes: table, plans };
}
