/**
 * A tracker's postback endpoint for the tests: a real HTTP server on
 * loopback that records every request it gets, and can be told to answer
 * 200, 500 or a redirect, to hang, or to be down (nothing listening on its
 * port) and come back on the same port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { until } from './wait.js';

export type TrackerMode = 'ok' | 'fail' | 'hang' | 'redirect';

export interface TrackerRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  /** When it arrived (epoch ms). */
  at: number;
  /** What it was answered; undefined while hanging, or if it never was. */
  status?: number;
}

export interface Tracker {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request, in arrival order (a redirect's target included, at `/moved`). */
  readonly requests: TrackerRequest[];
  mode: TrackerMode;
  /** Requests being answered right now, and the most there have been at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests answered 2xx. */
  delivered(): TrackerRequest[];
  /** Forgets the requests and answers 200 again: a tracker shared by the tests of a file, between two. */
  reset(): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTracker(mode: TrackerMode = 'ok'): Promise<Tracker> {
  const requests: TrackerRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  let port = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const record: TrackerRequest = { method: req.method ?? '', url: new URL(req.url ?? '/', `http://127.0.0.1:${port}`), headers: req.headers, body, at: Date.now() };
      requests.push(record);
      const answer = (status: number, headers: Record<string, string> = {}) => {
        record.status = status;
        inFlight--;
        res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(status < 300 ? 'OK' : 'no');
      };
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (record.url.pathname === '/moved') return answer(200);
      if (tracker.mode === 'hang') {
        res.on('close', () => record.status === undefined && inFlight--);
        return;
      }
      if (tracker.mode === 'fail') return answer(500);
      if (tracker.mode === 'redirect') return answer(302, { location: `/moved${record.url.search}` });
      answer(200);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen();
  const tracker: Tracker = {
    origin: `http://127.0.0.1:${port}`,
    requests,
    mode,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    delivered: () => requests.filter((r) => r.status !== undefined && r.status < 300 && r.url.pathname !== '/moved'),
    reset() {
      requests.length = 0;
      tracker.mode = 'ok';
    },
    down: stop,
    up: listen,
    close: stop,
  };
  return tracker;
}

/** The first postback the tracker took, which must arrive within `withinMs` of `since` (a verify's answer). */
export async function postbackWithin(tracker: Tracker, since: number, withinMs = 1_000): Promise<TrackerRequest> {
  await until(() => tracker.delivered().length > 0, `a postback within ${withinMs} ms`, Math.max(since + withinMs - Date.now(), 50));
  const first = tracker.delivered()[0]!;
  if (first.at - since > withinMs) throw new Error(`the postback arrived ${first.at - since} ms after the verify`);
  return first;
}
