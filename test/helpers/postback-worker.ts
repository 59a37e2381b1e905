/**
 * A Worker for the Durable Object outbox tests: the postback objects, and a
 * `fetch` that adds a postback through the Worker's queue (`POST /add`) or
 * asks one object where it stands (`GET /inspect?txid=…`).
 */
import { DurableObjectPostbackQueue, type PostbackDelivery, type PostbackObject } from '../../src/stores/durable-objects/postback-queue.js';
import type { ObjectNamespace } from '../../src/stores/durable-objects/client.js';
import type { PostbackEntry } from '../../src/proxy/postback.js';

export { OtpPostback } from '../../src/stores/durable-objects/postback-object.js';

type Inspectable = PostbackObject & { inspect(): Promise<unknown> };

export default {
  async fetch(request: Request, env: { OTP_POSTBACKS: ObjectNamespace<Inspectable> }): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/add') {
      const { entry, delivery } = (await request.json()) as { entry: PostbackEntry; delivery: PostbackDelivery };
      return Response.json({ added: await new DurableObjectPostbackQueue(env.OTP_POSTBACKS, delivery).add(entry) });
    }
    const objects = env.OTP_POSTBACKS;
    return Response.json((await objects.get(objects.idFromName(url.searchParams.get('txid') ?? '')).inspect()) ?? null);
  },
};
