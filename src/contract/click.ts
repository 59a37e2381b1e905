/**
 * The click parameters: what a tracker put in the landing page's URL
 * (`?clickid=…&sub1=…`), carried from the page through the proxy to the
 * affiliate's postback. Both sides keep to these rules: the component reads
 * the page's URL with them and drops whatever does not fit, so it never sends
 * a value the proxy would refuse; the proxy refuses anything else with
 * `invalid_request` naming the field (`click-schema.ts` holds its zod schema).
 *
 * No zod here: the component imports this file, and zod's runtime would cost
 * it a sixth of its size budget.
 */

/** The names read when neither `click-params` nor `OTP_CLICK_PARAMS` says otherwise. The first is the click id. */
export const DEFAULT_CLICK_PARAMS: readonly string[] = ['clickid', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5'];

/** Longest value. Trackers' click ids are 20 to 40 characters; sub ids are placement or source names. */
export const CLICK_VALUE_MAX_CHARS = 128;
/** Most names in one list: every value is sealed into the session token, which has a size limit. */
export const CLICK_PARAMS_MAX = 8;
/** Longest name. */
export const CLICK_NAME_MAX_CHARS = 24;

/**
 * RFC 3986's unreserved characters: what a URL carries as is. Anything else
 * (spaces, `&`, `#`, `%`, `{`, control characters, non-ASCII) is refused
 * rather than escaped, so a value reads the same in every tracker, log and
 * report it passes through.
 */
export const CLICK_VALUE_CHARS = /^[A-Za-z0-9._~-]+$/;
/** A letter, then letters, digits and `_`: a query parameter name and a `{placeholder}` name at once. */
const NAME = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${CLICK_NAME_MAX_CHARS - 1}}$`);

/**
 * Names the postback template already gives a meaning to: a click parameter
 * named `txid` would make `{txid}` mean two things.
 */
export const RESERVED_CLICK_NAMES: readonly string[] = ['txid', 'country', 'event', 'payout', 'msisdn_hash'];

/** Click values by name; only names of the list, only values that fit. */
export type Click = Record<string, string>;

export function isClickValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= CLICK_VALUE_MAX_CHARS && CLICK_VALUE_CHARS.test(value);
}

export type ClickNamesResult = { ok: true; names: string[] } | { ok: false; message: string };

/**
 * Reads a comma-separated list of names (`OTP_CLICK_PARAMS`, the component's
 * `click-params`). Blank entries around commas are ignored; an empty list
 * means the default. Names are case-sensitive, as URL parameters are.
 */
export function parseClickNames(list: string | undefined): ClickNamesResult {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return { ok: true, names: [...DEFAULT_CLICK_PARAMS] };
  const wrong = names.find((name) => !NAME.test(name));
  if (wrong !== undefined) {
    return {
      ok: false,
      message: `"${wrong.slice(0, 40)}" is not a click parameter name: a letter, then letters, digits or _, at most ${CLICK_NAME_MAX_CHARS} characters`,
    };
  }
  const reserved = names.find((name) => RESERVED_CLICK_NAMES.includes(name));
  if (reserved !== undefined) return { ok: false, message: `"${reserved}" is a postback placeholder of its own and cannot be a click parameter` };
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) return { ok: false, message: `"${twice}" is listed twice` };
  if (names.length > CLICK_PARAMS_MAX) return { ok: false, message: `at most ${CLICK_PARAMS_MAX} click parameters, not ${names.length}` };
  return { ok: true, names };
}

/**
 * The click values in a page's query string (`location.search`), for the
 * component: the first value of each listed name, kept only if it fits.
 * Whatever does not fit is left out, never cut or escaped into something the
 * tracker did not send.
 */
export function clickFromQuery(search: string | URLSearchParams, names: readonly string[]): Click {
  // URLSearchParams copies another one as readily as it reads a string: no check, fewer bytes in the bundle.
  const params = new URLSearchParams(search);
  const click: Click = {};
  for (const name of names) {
    const value = params.get(name);
    if (isClickValue(value)) click[name] = value;
  }
  return click;
}
