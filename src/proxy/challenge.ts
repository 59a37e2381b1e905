/**
 * The proof of work a send may be asked for: ALTCHA v2 challenges made and
 * checked with altcha-lib, on Web Crypto, so the same code runs on every
 * runtime and nothing leaves the proxy.
 *
 * PBKDF2/SHA-256, because the work is one native call per try in every
 * browser (and off the main thread, in the engine's crypto thread): a phone
 * does it at the speed of native code, so an attacker's native solver gains
 * little on an honest visitor. A plain SHA-256 challenge costs a browser one
 * promise per hash while a native solver hashes a hundred times faster.
 *
 * Challenges are deterministic (the proxy picks the answer's counter and
 * signs the key it derives), so checking a solution is two HMACs, never a
 * derivation. Making one costs a derivation (a millisecond or two), so at
 * most `FRESH_PER_SECOND` are made a second; past that, sends are handed one
 * of the last few made: a flood of sends that never solve anything costs the
 * proxy a few percent of a core, not a derivation each. Each challenge is
 * single use (the store remembers it until it expires), so two visitors
 * handed the same one cannot both use it; the one who loses gets a fresh one
 * at once (a solution is work, so those cannot flood).
 */
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { Challenge, ChallengeAnswer } from '../contract/wire.js';

export const CHALLENGE_ALGORITHM = 'PBKDF2/SHA-256';
/** PBKDF2 iterations per try: one try is one native call of about a millisecond on a phone. */
export const CHALLENGE_ITERATIONS = 1_000;
/** How long a challenge may be solved and used. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
const POOL_SIZE = 32;
const FRESH_PER_SECOND = 20;

export type CheckResult =
  | { ok: true; /** Names the challenge, for its single-use record. */ id: string; expiresAt: number }
  | { ok: false; reason: 'expired' | 'invalid' };

export interface Challenger {
  /** A challenge to hand out with a 428; `fresh`: one nobody else was handed (after a valid solution lost a race). */
  issue(options?: { fresh?: boolean }): Promise<Challenge>;
  /** Whether `answer` solves a challenge this proxy signed and that has not expired (single use is the store's). */
  check(answer: ChallengeAnswer): Promise<CheckResult>;
}

const encoder = new TextEncoder();

/** Two signing secrets of their own, derived from the session secret, so no challenge signature ever reveals anything of it. */
async function challengeSecrets(secret: string): Promise<{ parameters: string; key: string }> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits']);
  const derive = async (info: string) => {
    const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('otp-flow'), info: encoder.encode(info) }, base, 256);
    return Array.from(new Uint8Array(bits), (b) => b.toString(16).padStart(2, '0')).join('');
  };
  const [parameters, key] = await Promise.all([derive('otp-flow challenge signature v1'), derive('otp-flow challenge key signature v1')]);
  return { parameters, key };
}

/**
 * `cost`: the highest counter a challenge's answer may have. The answer is
 * drawn evenly below it, so a solver tries half of it on average and never
 * more than all of it: a bounded wait, unlike a search for a prefix.
 */
export function createChallenger(secret: string, cost: number, now: () => number = Date.now): Challenger {
  let secrets: Promise<{ parameters: string; key: string }> | undefined;
  const keys = () => (secrets ??= challengeSecrets(secret));
  const pool: Array<Promise<Challenge> | undefined> = new Array(POOL_SIZE).fill(undefined);
  let tokens = FRESH_PER_SECOND;
  let refilledAt = now();
  let next = 0;

  async function make(): Promise<Challenge> {
    const { parameters, key } = await keys();
    const made = await createChallenge({
      algorithm: CHALLENGE_ALGORITHM,
      cost: CHALLENGE_ITERATIONS,
      counter: Math.floor(Math.random() * cost),
      deriveKey,
      expiresAt: Math.floor((now() + CHALLENGE_TTL_MS) / 1000),
      hmacSignatureSecret: parameters,
      hmacKeySignatureSecret: key,
    });
    return made as Challenge;
  }

  return {
    issue({ fresh = false } = {}) {
      const at = now();
      tokens = Math.min(FRESH_PER_SECOND, tokens + ((at - refilledAt) / 1000) * FRESH_PER_SECOND);
      refilledAt = at;
      const made = pool.filter((c) => c !== undefined);
      if (!fresh && tokens < 1 && made.length > 0) return made[Math.floor(Math.random() * made.length)]!;
      tokens = Math.max(0, tokens - 1);
      const challenge = make();
      // One made for a visitor who lost a race is theirs alone: handed to nobody else, it cannot be lost again.
      if (fresh) return challenge;
      const slot = next++ % POOL_SIZE;
      pool[slot] = challenge;
      // A failed derivation must not stick in the pool.
      challenge.catch(() => {
        if (pool[slot] === challenge) pool[slot] = undefined;
      });
      return challenge;
    },

    async check(answer) {
      const { parameters, key } = await keys();
      const result = await verifySolution({
        challenge: answer.challenge,
        solution: answer.solution,
        deriveKey,
        hmacSignatureSecret: parameters,
        hmacKeySignatureSecret: key,
      });
      if (result.expired) return { ok: false, reason: 'expired' };
      if (!result.verified) return { ok: false, reason: 'invalid' };
      // Only challenges this proxy made carry a key signature; without it the solution was never checked against a derivation.
      if (!answer.challenge.parameters.keySignature || answer.challenge.parameters.algorithm !== CHALLENGE_ALGORITHM) return { ok: false, reason: 'invalid' };
      return { ok: true, id: answer.challenge.signature.slice(0, 32), expiresAt: (answer.challenge.parameters.expiresAt ?? 0) * 1000 };
    },
  };
}
