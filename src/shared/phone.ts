/**
 * One answer, on both sides of the wire, to "which mobile number did the user mean?".
 *
 * The browser runs this with metadata sliced to the campaign's countries; the
 * proxy runs it again with libphonenumber-js's full metadata, because nothing
 * the browser says is trusted. Both take the metadata as an argument so the
 * browser bundle carries only the countries it needs.
 */
import {
  parsePhoneNumberFromString,
  parseIncompletePhoneNumber,
  isSupportedCountry,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';

export type { CountryCode, MetadataJson };

export type MsisdnError = 'msisdn_invalid' | 'msisdn_not_mobile' | 'country_invalid' | 'country_not_allowed';

export type MsisdnResult =
  | {
      ok: true;
      /** International digits without `+`: the form Offer18 takes (`971501234567`). */
      msisdn: string;
      /** E.164 with `+` (`+971501234567`). */
      e164: string;
      country: CountryCode | undefined;
    }
  | { ok: false; error: MsisdnError };

export interface MsisdnOptions {
  /** Country of a number typed without its dial code. */
  country?: string | undefined;
  /**
   * Countries numbers may come from, as ISO codes (`AE`) or calling codes
   * (`+881`, for ranges that belong to no country); empty or absent means any.
   */
  allowed?: readonly string[] | undefined;
  /** Calling codes refused when `allowed` is empty (`881`); naming one in `allowed` lets it in. */
  refused?: readonly string[] | undefined;
}

// FIXED_LINE_OR_MOBILE is what the full metadata says for the shared
// North American plans, where the two cannot be told apart by number.
const SMS_CAPABLE = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Spellings people paste or autofill, tried in order. The national reading
 * comes first so that a number valid in the chosen country is never
 * reinterpreted as a foreign one.
 */
export function readings(input: string, country: CountryCode | undefined): Array<[string, CountryCode | undefined]> {
  // Keeps a leading '+' and folds Arabic-Indic, Persian and full-width digits.
  const compact = parseIncompletePhoneNumber(input);
  const list: Array<[string, CountryCode | undefined]> = [[input, country]];
  if (compact.startsWith('00')) list.push([`+${compact.slice(2)}`, undefined]);
  else if (!compact.startsWith('+') && compact.length > 0) list.push([`+${compact}`, undefined]);
  return list;
}

export function normalizeCountry(country: string | undefined, metadata: MetadataJson): CountryCode | undefined | null {
  if (country === undefined || country === '') return undefined;
  const upper = country.toUpperCase();
  return isSupportedCountry(upper as CountryCode, metadata) ? (upper as CountryCode) : null;
}

/**
 * The verdict on the readings of what was typed, in order: the first valid mobile
 * number of an allowed country, else why none is. Parsing is the caller's: the
 * proxy parses each reading whole, the component as it was typed (AsYouType),
 * and both judge alike.
 */
export function judgeMobile(phones: Iterable<PhoneNumber | undefined>, options: Omit<MsisdnOptions, 'country'>): MsisdnResult {
  const allowed = options.allowed?.length ? new Set(options.allowed.map((c) => c.toUpperCase())) : undefined;
  let best: MsisdnError = 'msisdn_invalid';
  for (const phone of phones) {
    if (!phone) continue;
    // With metadata that knows number types, isValid() is getType() !== undefined: the same
    // matching twice. Asking getType() first does it once for every valid number.
    const type = phone.getType();
    if (type === undefined && !phone.isValid()) continue;
    if (!SMS_CAPABLE.has(type ?? '')) {
      best = 'msisdn_not_mobile';
      continue;
    }
    const listed = allowed && ((phone.country && allowed.has(phone.country)) || allowed.has(`+${phone.countryCallingCode}`));
    if (allowed ? !listed : options.refused?.includes(phone.countryCallingCode)) {
      best = 'country_not_allowed';
      continue;
    }
    return { ok: true, msisdn: phone.number.slice(1), e164: phone.number, country: phone.country };
  }
  return { ok: false, error: best };
}

export function canonicalMobile(input: string, options: MsisdnOptions, metadata: MetadataJson): MsisdnResult {
  const country = normalizeCountry(options.country, metadata);
  if (country === null) return { ok: false, error: 'country_invalid' };
  const list = readings(input, country);
  // Parsed one by one as judged: the first valid reading ends it.
  function* parsed(): Generator<PhoneNumber | undefined> {
    for (const [text, defaultCountry] of list) {
      try {
        yield parsePhoneNumberFromString(text, { defaultCountry }, metadata);
      } catch {
        yield undefined;
      }
    }
  }
  return judgeMobile(parsed(), options);
}

/** `971501234567` → `9715*****67`: enough to correlate log lines, not enough to call. */
export function maskMsisdn(msisdn: string): string {
  const digits = msisdn.replace(/\D/g, '');
  if (digits.length <= 6) return '*'.repeat(digits.length);
  return digits.slice(0, 4) + '*'.repeat(digits.length - 6) + digits.slice(-2);
}
