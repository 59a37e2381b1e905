/**
 * The proxy's side of the click parameters: `"click": {"clickid": "…"}` in a
 * send, checked with zod against the names this proxy takes. Apart from
 * `click.ts` so the component, which imports the rules, never pulls in zod.
 */
import * as z from 'zod/mini';
import { CLICK_VALUE_CHARS, CLICK_VALUE_MAX_CHARS, type Click } from './click.js';

/**
 * Refuses a name outside the list with an issue at that name's path, so the
 * proxy's `invalid_request` says `"field": "click.<name>"`. Read from the raw
 * object: a record schema would drop a `__proto__` key without a word.
 */
function onlyNames(names: readonly string[]) {
  return z.unknown().check((ctx) => {
    const value = ctx.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (!names.includes(key)) {
        ctx.issues.push({ code: 'custom', path: [key], input: (value as Record<string, unknown>)[key], message: 'not a click parameter this proxy takes' });
      }
    }
  });
}

/** The `click` field of a send, for the names configured (`OTP_CLICK_PARAMS`, already checked with `parseClickNames`). */
export function clickSchema(names: readonly string[]) {
  const value = z.string().check(z.minLength(1), z.maxLength(CLICK_VALUE_MAX_CHARS), z.regex(CLICK_VALUE_CHARS));
  const click = z.pipe(onlyNames(names), z.partialRecord(z.enum(names as [string, ...string[]]), value));
  return click as unknown as z.ZodMiniType<Click, unknown>;
}
