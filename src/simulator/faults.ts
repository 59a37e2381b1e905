/**
 * The ways the simulator can misbehave, each a way a real upstream has been
 * seen to fail (an HTML error page, a reply cut short, a body that never
 * ends), so the proxy's handling of each is tested rather than assumed.
 * Faults that act on the socket (`reset`, `dribble`) are acted out by the
 * Node server (`server.ts`), which owns it; the rest are replies.
 */
import { failureReply, okStatus, type Offer18Endpoint, type ReplyVariant } from './offer18-replies.js';

export const SIMULATOR_FAULTS = [
  'none',
  'slow',
  'hang',
  'html_500',
  'json_503',
  'non_json',
  'truncated_json',
  'wrong_shape',
  'unknown_response',
  'ok_with_error',
  'dribble',
  'invalid_credentials',
  'redirect',
  'reset',
] as const;
export type SimulatorFault = (typeof SIMULATOR_FAULTS)[number];

export interface FaultOptions {
  /** Only this endpoint misbehaves; both by default. */
  endpoint?: Offer18Endpoint;
  /** For `slow`: how long to wait before answering; for `dribble`: between bytes (400 ms by default). */
  delayMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * The fault's reply, or undefined when the request goes on to be answered
 * normally (no fault, a `slow` one whose wait is over, or one the socket's
 * owner acts out). `stop` gives the signal that ends a wait: the caller gave
 * up or the simulator is closing.
 */
export async function misbehave(
  fault: SimulatorFault,
  { delayMs }: FaultOptions,
  variant: ReplyVariant,
  stop: () => AbortSignal,
): Promise<Response | undefined> {
  switch (fault) {
    case 'none':
    case 'reset':
    case 'dribble':
      return undefined;
    case 'slow': {
      const stopped = stop();
      await sleep(delayMs ?? 1_500, stopped);
      // A caller that gave up never reaches the advertiser; the code stays usable.
      return stopped.aborted ? new Response(null, { status: 499 }) : undefined;
    }
    case 'hang':
      await sleep(120_000, stop());
      return new Response(null, { status: 504 });
    case 'html_500':
      return new Response('<!doctype html><title>500</title><h1>Internal Server Error</h1>', {
        status: 500,
        headers: { 'content-type': 'text/html' },
      });
    case 'json_503':
      return Response.json({ status: '503', error: 'service_unavailable' }, { status: 503 });
    case 'non_json':
      return new Response('OK otp sent', { headers: { 'content-type': 'text/plain' } });
    case 'truncated_json':
      return new Response('{"status":"200","respon', { headers: { 'content-type': 'application/json' } });
    case 'wrong_shape':
      return Response.json({ ok: true, result: ['otp_sent'] });
    case 'unknown_response':
      return Response.json({ status: okStatus(variant), response: 'queued' });
    case 'ok_with_error':
      return Response.json({ status: okStatus(variant), error: 'temporary_failure' });
    case 'invalid_credentials':
      return failureReply(variant, 'invalid_user_credentials');
    case 'redirect':
      return new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } });
  }
}
