/**
 * The proxy's replies, defined once as plain data that both sides read. The
 * zod schemas of wire.ts are made from these shapes, and the tests hold every
 * reply the proxy makes to them; the component checks every reply against the
 * same shapes with `conforms` before it reads a value from it, a few hundred
 * bytes where zod's runtime would cost it a sixth of its size budget.
 *
 * Bounds keep what the component shows readable: waits are whole seconds up to
 * a day (a JSON `1e999` is Infinity, which no clock or sentence can show).
 */
import { SESSION_MAX_CHARS } from './limits.js';

/** What one field of a reply may hold. */
export type Field = (
  | { kind: 'text'; max?: number; pattern?: RegExp }
  | { kind: 'whole'; max: number }
  | { kind: 'oneOf'; values: readonly unknown[] }
  | { kind: 'object'; shape: Shape }
) & { optional?: true };
export type Shape = { readonly [key: string]: Field };

/** A string of at most `max` characters, matching `pattern` when given. */
const text = (max?: number, pattern?: RegExp) => ({ kind: 'text', max, pattern }) as const;
/** A whole number from 0 to `max`. */
const whole = (max: number) => ({ kind: 'whole', max }) as const;
/** One of these values exactly. */
const oneOf = <const T extends readonly unknown[]>(...values: T) => ({ kind: 'oneOf', values }) as const;
/** An object of this shape. */
const object = <const S extends Shape>(shape: S) => ({ kind: 'object', shape }) as const;
/** The field may be left out (not `null`). */
const optional = <F extends Field>(field: F) => ({ ...field, optional: true }) as const;

/** The longest wait or lifetime a reply names, in seconds: the proxy's windows and sessions are at most a day. */
export const WAIT_MAX_SECONDS = 86_400;
/** The most tries a session may be given (`OTP_MAX_ATTEMPTS`). */
export const ATTEMPTS_MAX = 100;
/** Whole seconds to wait: a reply's `retryAfter`, and the `Retry-After` header read the same way. */
export const WAIT = whole(WAIT_MAX_SECONDS);

/** `200` from `POST /send`. */
export const SEND_REPLY = {
  ok: oneOf(true),
  /** Opaque token to send back with the code. */
  session: text(SESSION_MAX_CHARS, /^[!-~]+$/),
  /** Seconds before the user may ask for another code. */
  resendAfter: WAIT,
  /** Seconds the session stays valid. */
  expiresIn: WAIT,
  /** The number the code went to, in E.164 (`+971501234567`). */
  msisdn: text(16, /^\+[1-9]\d{3,14}$/),
} as const satisfies Shape;

/** `200` from `POST /verify`. */
export const VERIFY_REPLY = {
  ok: oneOf(true),
  verified: oneOf(true),
} as const satisfies Shape;

const HEX = /^[0-9a-f]*$/;

/**
 * A proof-of-work challenge, as altcha-lib's `createChallenge` makes it
 * (ALTCHA v2): signed by the proxy, so nothing in it can be changed.
 */
export const CHALLENGE = {
  parameters: object({
    algorithm: text(32),
    nonce: text(64, HEX),
    salt: text(64, HEX),
    cost: whole(10_000_000),
    keyLength: whole(64),
    keyPrefix: text(128, HEX),
    keySignature: optional(text(128, HEX)),
    /** Epoch seconds after which a solution is refused. */
    expiresAt: optional(whole(Number.MAX_SAFE_INTEGER)),
  }),
  signature: text(128, HEX),
} as const satisfies Shape;

/**
 * Every error. `error` is one of the contract's codes (wire.ts holds the proxy
 * to them); a reader takes any short string, so a code added later reaches an
 * older component as a code it does not know rather than as an unreadable reply.
 */
export const ERROR_REPLY = {
  ok: oneOf(false),
  error: text(64),
  /** An English sentence, for developers; pages show their own words. */
  message: text(),
  /** Seconds to wait, on 429 and 503 (mirrors the `Retry-After` header). */
  retryAfter: optional(WAIT),
  /** Verify attempts left on this session, after a wrong code. */
  attemptsLeft: optional(whole(ATTEMPTS_MAX)),
  /** Which field was at fault, on 400. */
  field: optional(text(64)),
  /** On 428 `challenge_required`: the proof of work to solve before sending the same body again. */
  challenge: optional(object(CHALLENGE)),
} as const satisfies Shape;

/** The value a field holds. */
type Value<F> = F extends { kind: 'text' }
  ? string
  : F extends { kind: 'whole' }
    ? number
    : F extends { values: readonly (infer V)[] }
      ? V
      : F extends { kind: 'object'; shape: infer S extends Shape }
        ? Infer<S>
        : never;
/** The object a shape describes. */
export type Infer<S extends Shape> = {
  -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: Value<S[K]>;
} & {
  -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: Value<S[K]>;
};

/** Whether one value fits a field. */
export function fits(field: Field, value: unknown): boolean {
  if (field.kind === 'whole') return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= field.max;
  if (field.kind === 'oneOf') return field.values.includes(value);
  if (field.kind === 'object') return conforms(field.shape, value);
  return typeof value === 'string' && value.length <= (field.max ?? value.length) && (!field.pattern || field.pattern.test(value));
}

/** Whether a parsed JSON value is an object of this shape: every field it names fits, none required is missing. Other fields are ignored. */
export function conforms<S extends Shape>(shape: S, value: unknown): value is Infer<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in shape) {
    const field = shape[key] as Field;
    const held = (value as Record<string, unknown>)[key];
    if (held === undefined ? !field.optional : !fits(field, held)) return false;
  }
  return true;
}
