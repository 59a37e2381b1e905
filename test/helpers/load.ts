/** Bounded bursts of real HTTP requests from the test process. */
import { setMaxListeners } from 'node:events';
import { Agent, request } from 'undici';

export { Agent };

export interface Outcome {
  status: number;
  /** The reply parsed as JSON, or its text when it is not JSON. */
  body: any;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One POST of a raw body with undici; any headers, any text. */
export async function postRaw(dispatcher: Agent, url: string, text: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Outcome> {
  const response = await request(url, { method: 'POST', dispatcher, signal, headers, body: text });
  const reply = await response.body.text();
  let body: unknown;
  try {
    body = JSON.parse(reply);
  } catch {
    body = reply;
  }
  return { status: response.statusCode, body, text: reply, headers: response.headers };
}

/**
 * Fires `count` POSTs at once (over at most `connections` sockets), each body
 * from `body(i)`, and resolves with every outcome. Bounded in count and, by
 * `timeoutMs`, in time.
 */
export async function burst(
  url: (i: number) => string,
  count: number,
  body: (i: number) => unknown,
  { connections = 64, timeoutMs = 30_000, headers = () => ({}) }: { connections?: number; timeoutMs?: number; headers?: (i: number) => Record<string, string> } = {},
): Promise<Outcome[]> {
  const dispatcher = new Agent({ connections, pipelining: 1 });
  const deadline = AbortSignal.timeout(timeoutMs);
  // One deadline for the whole burst: every request of it listens to the same signal.
  setMaxListeners(count, deadline);
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, i) =>
        postRaw(dispatcher, url(i), JSON.stringify(body(i)), { 'content-type': 'application/json', ...headers(i) }, deadline),
      ),
    );
  } finally {
    await dispatcher.close();
  }
}

export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status === 200 ? '200' : `${o.status} ${o.body?.error}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
