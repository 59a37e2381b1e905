/**
 * The proof-of-work challenge on the wire: what a `428 challenge_required`
 * carries, and what a send carries back once it is solved.
 *
 * The shapes are altcha-lib's (ALTCHA v2): the challenge as `createChallenge`
 * returns it, the solution as `solveChallenge` returns it, so any ALTCHA v2
 * solver can answer. The proxy signs every challenge; a client can change
 * nothing in one without the signature failing.
 */
import * as z from 'zod/mini';

const hex = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[0-9a-f]*$/, 'lowercase hex'));
const whole = (max: number) => z.number().check(z.int(), z.minimum(0), z.maximum(max));

/** What the client needs to solve a challenge, and the server to check a solution. */
export const ChallengeParameters = z.object({
  algorithm: z.string().check(z.maxLength(32)),
  nonce: hex(64),
  salt: hex(64),
  cost: whole(10_000_000),
  keyLength: whole(64),
  keyPrefix: hex(128),
  keySignature: z.optional(hex(128)),
  /** Epoch seconds after which a solution is refused. */
  expiresAt: z.optional(whole(Number.MAX_SAFE_INTEGER)),
});
export type ChallengeParameters = z.infer<typeof ChallengeParameters>;

export const Challenge = z.object({
  parameters: ChallengeParameters,
  signature: hex(128),
});
export type Challenge = z.infer<typeof Challenge>;

export const ChallengeSolution = z.object({
  /** The counter that derives a key starting with `keyPrefix`. */
  counter: whole(0xffffffff),
  derivedKey: hex(128),
  /** Milliseconds the solver took, as altcha-lib reports it. */
  time: z.optional(z.number()),
});
export type ChallengeSolution = z.infer<typeof ChallengeSolution>;

/** The `altcha` field of a send: the challenge as it came, and its solution. */
export const ChallengeAnswer = z.object({
  challenge: Challenge,
  solution: ChallengeSolution,
});
export type ChallengeAnswer = z.infer<typeof ChallengeAnswer>;
