/**
 * The HTTP API between `<otp-flow>` and the proxy, defined once.
 *
 * The proxy parses requests with these schemas, and the tests hold every reply
 * the proxy makes to the reply schemas, which are made from the shapes in
 * replies.ts. The component checks replies against those shapes itself
 * (`conforms`) and imports only types from here: zod's runtime would cost it a
 * sixth of its size budget.
 */
import * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode } from './errors.js';
import { MSISDN_MAX_CHARS, OTP_FIELD_MAX_CHARS, SESSION_MAX_CHARS } from './limits.js';
import { CHALLENGE, ERROR_REPLY, SEND_REPLY, VERIFY_REPLY, type Field, type Infer, type Shape } from './replies.js';
import { DEFAULT_CLICK_PARAMS } from './click.js';
import { clickSchema } from './click-schema.js';

export * from './paths.js';
export * from './click.js';
export * from './limits.js';
export * from './timing.js';
export * from './replies.js';

function schemaOf(field: Field): z.ZodMiniType {
  const schema =
    field.kind === 'object'
      ? objectOf(field.shape)
      : field.kind === 'whole'
      ? z.int().check(z.minimum(0), z.maximum(field.max))
      : field.kind === 'oneOf'
        ? z.literal(field.values as z.core.util.Literal[])
        : z.string().check(...(field.max === undefined ? [] : [z.maxLength(field.max)]), ...(field.pattern ? [z.regex(field.pattern)] : []));
  return field.optional ? z.optional(schema) : schema;
}

/** The zod schema of a reply shape: what the shape says, as the proxy's tests check it. */
const objectOf = (shape: Shape) => z.object(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, schemaOf(field)])));
const schema = <S extends Shape>(shape: S) => objectOf(shape) as unknown as z.ZodMiniType<Infer<S>>;

/** A proof-of-work challenge, as the proxy hands it out with a 428. */
export const Challenge = schema(CHALLENGE);
export type Challenge = Infer<typeof CHALLENGE>;

/** A challenge's solution, as altcha-lib's `solveChallenge` returns it. */
export const ChallengeSolution = z.object({
  /** The counter that derives a key starting with the challenge's `keyPrefix`. */
  counter: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  derivedKey: z.string().check(z.maxLength(128), z.regex(/^[0-9a-f]*$/)),
  /** Milliseconds the solver took. */
  time: z.optional(z.number()),
});
export type ChallengeSolution = z.infer<typeof ChallengeSolution>;

/** The `altcha` field of a send: the challenge as it came, and its solution. */
export const ChallengeAnswer = z.object({ challenge: Challenge, solution: ChallengeSolution });
export type ChallengeAnswer = z.infer<typeof ChallengeAnswer>;

const countryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code'));

/** A send's body, taking the click parameters named (a proxy's `OTP_CLICK_PARAMS`). */
export function sendRequest(clickNames: readonly string[] = DEFAULT_CLICK_PARAMS) {
  return z.strictObject({
    /** What the user typed, in any common spelling: `+971 50 123 4567`, `00971…`, `0501234567`. */
    msisdn: z.string().check(z.minLength(1), z.maxLength(MSISDN_MAX_CHARS)),
    /** The country a national number (one without its dial code) belongs to. */
    country: z.optional(countryCode),
    /** A solved proof-of-work challenge, when a send was answered `428 challenge_required`: the same body again, with this. */
    altcha: z.optional(ChallengeAnswer),
    /** What the tracker put in the landing page's URL (`?clickid=…&sub1=…`), for the postback; never sent to Offer18. */
    click: z.optional(clickSchema(clickNames)),
  });
}
export const SendRequest = sendRequest();
export type SendRequest = z.infer<typeof SendRequest>;

export const SendReply = schema(SEND_REPLY);
export type SendReply = z.infer<typeof SendReply>;

export const VerifyRequest = z.strictObject({
  session: z.string().check(z.minLength(1), z.maxLength(SESSION_MAX_CHARS)),
  otp: z.string().check(z.minLength(1), z.maxLength(OTP_FIELD_MAX_CHARS)),
});
export type VerifyRequest = z.infer<typeof VerifyRequest>;

export const VerifyReply = schema(VERIFY_REPLY);
export type VerifyReply = z.infer<typeof VerifyReply>;

/** Every error; `error` is one of the contract's codes. */
export const ErrorReply = z.extend(objectOf(ERROR_REPLY), { error: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]) }) as unknown as z.ZodMiniType<ErrorReply>;
export type ErrorReply = Omit<Infer<typeof ERROR_REPLY>, 'error'> & { error: ErrorCode };
