/** Bounded bursts of real HTTP requests from the test process. */
import { Agent, request } from 'undici';

export interface Outcome {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
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
  try {
    return await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const response = await request(url(i), {
          method: 'POST',
          dispatcher,
          signal: deadline,
          headers: { 'content-type': 'application/json', ...headers(i) },
          body: JSON.stringify(body(i)),
        });
        const text = await response.body.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        return { status: response.statusCode, body: json, headers: response.headers };
      }),
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
