/**
 * Requests whose one header is 16 KB of what makes a careless parser
 * backtrack, each sent where that header is read; and how long `/healthz`
 * waits behind a batch of them. A regular expression that backtracks
 * quadratically on one of them blocks Node's only thread for every request
 * queued behind it.
 */
import { connect } from 'node:net';

const SIZE = 16_000;
const SEND = '{"msisdn":"+971501234567"}';

export interface HostileRequest {
  header: string;
  value: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** One per header the static server, the adapter or the proxy reads. */
export const HOSTILE_REQUESTS: readonly HostileRequest[] = [
  { header: 'accept-encoding', value: `br${' '.repeat(SIZE)}x`, method: 'GET', path: '/' },
  { header: 'accept-encoding', value: `gzip;q=${'0'.repeat(SIZE)}x`, method: 'GET', path: '/' },
  { header: 'if-none-match', value: `W/"${'-'.repeat(SIZE)}`, method: 'GET', path: '/' },
  { header: 'origin', value: `http://${'1.'.repeat(SIZE / 2)}x`, method: 'POST', path: '/otp/send', body: SEND },
  { header: 'host', value: `${'a.'.repeat(SIZE / 2)}:1`, method: 'POST', path: '/otp/send', body: SEND },
  { header: 'x-forwarded-for', value: `${'1:'.repeat(SIZE / 2)}x`, method: 'POST', path: '/otp/send', body: SEND },
  { header: 'x-forwarded-for', value: `${' ,'.repeat(SIZE / 2)}1.2.3.4`, method: 'POST', path: '/otp/send', body: SEND },
  { header: 'content-type', value: `application/json${' ;'.repeat(SIZE / 2)}x`, method: 'POST', path: '/otp/send', body: SEND },
  { header: 'accept-language', value: `ar${',ar-AE;q=0.9'.repeat(SIZE / 12)}`, method: 'GET', path: '/' },
];

function request(port: number, { header, value, method, path, body }: HostileRequest): string {
  const headers = [`${method} ${path} HTTP/1.1`, header === 'host' ? '' : `host: 127.0.0.1:${port}`, `${header}: ${value}`, 'connection: close'];
  if (body !== undefined) headers.push(header === 'content-type' ? '' : 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`);
  return `${headers.filter(Boolean).join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/** Sends `text` on a connection of its own; resolves when the server has answered and closed it. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (d) => (reply += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(reply));
    // Written, not ended: a half-closed request is a client gone, which the server may not answer.
    socket.write(text);
  });
}

async function health(port: number): Promise<number> {
  const started = performance.now();
  const reply = await exchange(port, `GET /healthz HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
  if (!reply.startsWith('HTTP/1.1 200')) throw new Error(`/healthz answered ${reply.slice(0, 40)}`);
  return performance.now() - started;
}

/**
 * For each kind: `count` hostile requests written at once, then `/healthz`
 * asked behind them; how long it took to answer. Each kind is sent once
 * first, so what is measured is the header, not the first compression of a
 * page or the first number parsed. The machine is shared with other work,
 * so a slow answer is asked again, for up to `budgetMs` per kind, and the
 * fastest counts: a parser that backtracks is slow every time.
 */
export async function healthBehindHostileHeaders(port: number, { count = 20, limitMs = 50, budgetMs = 5_000 } = {}): Promise<Array<{ kind: string; ms: number }>> {
  await health(port);
  for (const hostile of HOSTILE_REQUESTS) await exchange(port, request(port, hostile));
  const results: Array<{ kind: string; ms: number }> = [];
  for (const hostile of HOSTILE_REQUESTS) {
    const text = request(port, hostile);
    const started = performance.now();
    let best = Infinity;
    while (best > limitMs && performance.now() - started < budgetMs) {
      const batch = Array.from({ length: count }, () => exchange(port, text));
      best = Math.min(best, await health(port));
      await Promise.all(batch);
    }
    results.push({ kind: `${hostile.header}: ${JSON.stringify(hostile.value.slice(0, 12))}…`, ms: Math.round(best) });
  }
  return results;
}
