/**
 * A send the proxy may ask to prove itself first: on `428 challenge_required`
 * the solver is fetched (a chunk of its own, so pages that are never asked
 * never load it), the proof of work solved and the same body sent again with
 * it. A solution that arrives expired or already used is answered with a
 * fresh challenge, solved once more; after that, or when the solver cannot be
 * loaded or finish, the 428 itself is the answer: the page says the service is
 * unavailable rather than spin for ever.
 */
import type { SendRequest } from '../contract/wire.js';
import type { OtpApi } from './api.js';

/** Challenges solved for one send at most. */
export const SOLVES = 2;

/** `api.send`, proving the work when asked; `checking` says while a solve is under way. */
export async function sendProving(api: OtpApi, body: SendRequest, signal: AbortSignal, checking: (on: boolean) => void): ReturnType<OtpApi['send']> {
  let reply = await api.send(body, signal);
  for (let solves = 0; solves < SOLVES && !reply.ok && reply.error.challenge && !signal.aborted; solves++) {
    const { challenge } = reply.error;
    checking(true);
    const solution = await import('./solver.js').then((solver) => solver.solve(challenge, signal)).catch(() => undefined);
    checking(false);
    if (!solution) break;
    reply = await api.send({ ...body, altcha: { challenge, solution } }, signal);
  }
  return reply;
}
