/**
 * The tracker's click parameters as the page got them (`?clickid=…&sub1=…`):
 * read from the page's own URL when a code is sent, sent with it, and put
 * into `success-url`. The rules are the contract's (`contract/click.ts`), so
 * a value the proxy would refuse is dropped here and never sent.
 */
import { clickFromQuery, DEFAULT_CLICK_PARAMS, type Click } from '../contract/click.js';

/** The names of a `click-params` attribute (`cid,source`), or the default ones. */
export function clickNames(attribute: string | undefined): readonly string[] {
  const names = (attribute ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length ? names : DEFAULT_CLICK_PARAMS;
}

/** The values in the page's URL that fit. */
export const pageClick = (names: readonly string[]): Click => clickFromQuery(location.search, names);

/** `url` with each `{name}` of the list replaced by its value, URL-encoded, or by nothing; other braces stay. */
export const withClick = (url: string, names: readonly string[], click: Click): string =>
  url.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    // typeof, not Object.hasOwn (Safari 15.4): a name like `toString` finds the prototype's function.
    names.includes(name) ? encodeURIComponent(typeof click[name] == 'string' ? click[name] : '') : placeholder,
  );
