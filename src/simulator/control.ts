/**
 * The simulator's control routes under `/__simulator`, the same origin as
 * its fake API, so a test in a browser, a demo page or another process can
 * read the "SMS" and make the upstream misbehave without a handle on the
 * object: `GET /inbox`, `POST /reset`, `POST /fault`, `POST /variant`. The
 * simulated app adds `/challenge` and a `/reset` that reaches the proxy's
 * stores (`app.ts`).
 */
import { z } from 'zod';
import { SIMULATOR_FAULTS, type FaultOptions, type SimulatorFault } from './faults.js';
import { OFFER18_ENDPOINTS, type ReplyVariant } from './offer18-replies.js';

export const CONTROL_PREFIX = '/__simulator';

/** What the routes drive: the simulator's own methods, which tests in the same process call directly. */
export interface SimulatorControls {
  readonly inbox: ReadonlyArray<{ to: string; code: string; sentAt: number }>;
  readonly variant: ReplyVariant;
  reset(): void;
  setFault(fault: SimulatorFault, options?: FaultOptions): void;
  setVariant(variant: Partial<ReplyVariant>): void;
}

const FaultBody = z.strictObject({
  fault: z.enum(SIMULATOR_FAULTS),
  endpoint: z.enum(OFFER18_ENDPOINTS).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
});
const VariantBody = z.strictObject({
  status: z.enum(['string', 'number']).optional(),
  sent: z.enum(['otp_sent', 'otp_sent_successfully']).optional(),
  verified: z.enum(['otp_verified', 'otp_verified_successfully']).optional(),
  data: z.enum(['string', 'object', 'absent']).optional(),
  failureHttpStatus: z.union([z.literal(200), z.literal(400)]).optional(),
});

/** Answers a control route; `path` is what follows the prefix (`/inbox`). */
export async function controlReply(simulator: SimulatorControls, request: Request, path: string): Promise<Response> {
  if (request.method === 'GET' && path === '/inbox') {
    return Response.json({ messages: simulator.inbox.map(({ to, code, sentAt }) => ({ to: `+${to}`, code, sentAt })) });
  }
  if (request.method !== 'POST') return Response.json({ ok: false, error: 'not_found' }, { status: 404 });
  let body: unknown = {};
  try {
    const text = await request.text();
    body = text ? JSON.parse(text) : {};
  } catch {
    return Response.json({ ok: false, error: 'invalid_json' }, { status: 400 });
  }
  if (path === '/reset') {
    simulator.reset();
    return Response.json({ ok: true });
  }
  if (path === '/fault') {
    const parsed = FaultBody.safeParse(body);
    if (!parsed.success) return Response.json({ ok: false, error: 'invalid_request' }, { status: 400 });
    const { fault, ...options } = parsed.data;
    simulator.setFault(fault, options);
    return Response.json({ ok: true });
  }
  if (path === '/variant') {
    const parsed = VariantBody.safeParse(body);
    if (!parsed.success) return Response.json({ ok: false, error: 'invalid_request' }, { status: 400 });
    simulator.setVariant(parsed.data);
    return Response.json({ ok: true, variant: simulator.variant });
  }
  return Response.json({ ok: false, error: 'not_found' }, { status: 404 });
}
