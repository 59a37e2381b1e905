/**
 * Slices libphonenumber-js's own mobile metadata by country.
 *
 * Its metadata generator downloads from the network, so tailored bundles cut
 * the JSON the package ships instead. `metadata.mobile.json`, not `min`: the
 * min set accepts numbers that are not valid mobiles.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import { inlinePlans, type PhoneData } from '../component/phone-plans.js';

type Countries = Record<string, unknown[]>;

export function sliceMetadata(full: MetadataJson, wanted: readonly string[]): MetadataJson {
  const countries = full.countries as unknown as Countries;
  const codes = full.country_calling_codes as unknown as Record<string, string[]>;
  const keep = new Set<string>();
  for (const raw of wanted) {
    const country = raw.toUpperCase();
    const entry = countries[country];
    if (!entry) throw new Error(`unknown country ${raw}`);
    keep.add(country);
    // Countries sharing a calling code (+1, +7, +44…) format with the main one's rules, so it comes along.
    const main = codes[String(entry[0])]?.[0];
    if (main) keep.add(main);
  }
  const sliced = { version: full.version, country_calling_codes: {} as Record<string, string[]>, countries: {} as Countries };
  for (const [code, members] of Object.entries(codes)) {
    const kept = members.filter((c) => keep.has(c));
    if (kept.length > 0) sliced.country_calling_codes[code] = kept;
  }
  for (const country of keep) sliced.countries[country] = countries[country]!;
  return sliced as unknown as MetadataJson;
}

/**
 * What a campaign's bundle carries: its countries' plans inline, and of every other calling code only
 * that it exists, enough to tell a number from a country the page does not serve.
 */
export function tailoredPlans(full: MetadataJson, examples: Record<string, string>, countries: readonly string[]): PhoneData {
  const sliced = sliceMetadata(full, countries);
  const table = { ...(full.country_calling_codes as unknown as Record<string, string[]>) };
  for (const code of Object.keys(table)) table[code] = (sliced.country_calling_codes as unknown as Record<string, string[]>)[code] ?? [];
  return inlinePlans(sliced, examples, table);
}
