/**
 * The proof-of-work solver: a chunk of its own, which a page fetches only
 * when the proxy answers a send with `428 challenge_required` (see
 * challenge.ts). altcha-lib's `solveChallenge` with its Web Crypto PBKDF2.
 *
 * It runs on the page's thread, not in a Worker: each try is one native
 * PBKDF2 call that the engine runs on its own crypto thread, so the page's
 * thread only starts tries and compares a few bytes, and never holds the page
 * for long (the browser tests measure its longest stall). A Worker would need
 * a script from the page's own origin, which a bundle loaded from the proxy's
 * origin or under a strict Content-Security-Policy does not have.
 *
 * Several tries are kept in flight at once, interleaved over the counters, so
 * the crypto thread never waits for the page's thread between two tries (and
 * an engine with several crypto threads uses them).
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { Challenge, ChallengeSolution } from '../contract/wire.js';

/** Tries in flight at once. */
export const LANES = 4;
/**
 * The longest a solve may take. Not the challenge's `expiresAt`: that is the
 * proxy's clock, and a phone's may be minutes off; a late solution is simply
 * answered with a fresh challenge.
 */
const TIMEOUT_MS = 60_000;

/** The solution, or nothing when `signal` aborted it, it took too long, or it cannot be solved. */
export async function solve(challenge: Challenge, signal: AbortSignal, lanes = LANES): Promise<ChallengeSolution | undefined> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  try {
    const found = await Promise.all(
      Array.from({ length: lanes }, (_, lane) =>
        solveChallenge({ challenge, controller, counterStart: lane, counterStep: lanes, deriveKey, timeout: TIMEOUT_MS }).then((solution) => {
          // The first lane to find it stops the others.
          if (solution) controller.abort();
          return solution;
        }),
      ),
    );
    return signal.aborted ? undefined : (found.find(Boolean) ?? undefined);
  } catch {
    // A challenge altcha-lib cannot read, or an engine without PBKDF2: the caller says the service is unavailable.
    controller.abort();
    return undefined;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
