/**
 * `otp-flow/node`: runs a fetch-standard handler on `node:http`.
 *
 * Thin on purpose: hand a handler the request (`node-bridge.ts` translates),
 * and give a public server what it needs to survive the internet: timeouts,
 * a connection cap that sheds idle sockets first, and a stop that lets
 * in-flight requests finish. No proxy logic lives here.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Logger } from '../proxy/log.js';
import { createListener, type FetchHandler } from './node-bridge.js';

export { createUndiciTransport } from './node-transport.js';
export {
  createNodeProxy,
  nodeProxyFromConfig,
  otpFlow,
  otpFlowFastify,
  type NodeOtpProxy,
  type OtpFlowMiddleware,
  type FastifyScope,
  type FastifyRequestLike,
  type FastifyReplyLike,
} from './node-frameworks.js';
export { nodeSessionCrypto } from './node-crypto.js';
export {
  answer,
  createListener,
  toRequest,
  writeResponse,
  responseParts,
  NodeResponse,
  DEFAULT_MAX_BODY_BYTES,
  type Answer,
  type AnswerOptions,
  type FetchHandler,
  type ListenerOptions,
  type WritableParts,
} from './node-bridge.js';

/**
 * The soft limit on open files, from /proc on Linux; 1024 (the usual default)
 * where it cannot be read. Node has no getrlimit.
 */
export function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    const value = soft === 'unlimited' ? 1_048_576 : Number(soft);
    return Number.isFinite(value) && value > 0 ? value : 1024;
  } catch {
    return 1024;
  }
}

/**
 * Three quarters of the descriptors: the rest is for the upstream pool (64),
 * Redis, static files and the runtime itself.
 */
export function defaultMaxConnections(limit = openFileLimit()): number {
  return Math.max(32, Math.floor(limit * 0.75));
}

export interface NodeServerOptions {
  /** Longest wait for a client's complete request headers (slow-header clients are dropped after it). */
  headersTimeoutMs?: number;
  /** Longest wait for a whole request, body included. */
  requestTimeoutMs?: number;
  /** How often those two are checked; Node's 30 s default would delay every timeout by up to that. */
  connectionsCheckingIntervalMs?: number;
  keepAliveTimeoutMs?: number;
  /**
   * Most connections open at once. A new one past it first pushes out the
   * oldest connection that is doing nothing for us: idle (a keep-alive, a
   * client that never finished its headers) or stalled mid-body (its body
   * is not complete: a proxy's bodies are 4 KiB at most and arrive at once
   * from anyone who means to send them). Only when every connection is
   * really being served is the new one refused. Sized to the descriptor
   * limit by default, so the server sheds sockets before accept() and the
   * upstream run out of them.
   */
  maxConnections?: number;
  /**
   * Most connections one client address may hold, so a single address
   * cannot take the whole cap: past it, that address's own oldest idle or
   * stalled connection goes, or the new one is refused. A quarter of
   * `maxConnections` (at least 4) by default; `Infinity` when every
   * connection comes from a proxy in front (they all share its address).
   */
  maxConnectionsPerAddress?: number;
  /** Told when connections are shed (at most once a minute). */
  log?: Logger;
}

interface Tracked extends Server {
  /** Requests in progress. */
  active(): number;
  /** From now on, responses close their connection. */
  drain(): void;
}

interface SocketState {
  address: string;
  /** Requests of this connection in progress, with whether each has its whole body. */
  requests: Set<IncomingMessage>;
}

/** Doing nothing for us: no request, or only requests still waiting for their body. */
function sheddable(state: SocketState): boolean {
  for (const req of state.requests) if (req.complete) return false;
  return true;
}

/** A `node:http` server with timeouts and a connection cap fit for the public internet. */
export function createNodeServer(listener: RequestListener, options: NodeServerOptions = {}): Tracked {
  const maxConnections = options.maxConnections ?? defaultMaxConnections();
  const perAddress = options.maxConnectionsPerAddress ?? Math.max(4, Math.floor(maxConnections / 4));
  const sockets = new Map<Socket, SocketState>();
  const byAddress = new Map<string, number>();
  let active = 0;
  let draining = false;
  let shedLoggedAt = -Infinity;

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      connectionsCheckingInterval: options.connectionsCheckingIntervalMs ?? 1_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    },
    (req, res) => {
      const state = sockets.get(req.socket);
      state?.requests.add(req);
      active++;
      if (draining) res.shouldKeepAlive = false;
      res.once('close', () => {
        active--;
        state?.requests.delete(req);
      });
      listener(req, res);
    },
  ) as Tracked;

  const forget = (socket: Socket) => {
    const state = sockets.get(socket);
    if (!state) return;
    sockets.delete(socket);
    const left = (byAddress.get(state.address) ?? 1) - 1;
    if (left > 0) byAddress.set(state.address, left);
    else byAddress.delete(state.address);
  };

  /** The oldest connection (Map order is arrival order) that may go, of one address or of all. */
  const oldestSheddable = (address?: string): Socket | undefined => {
    for (const [candidate, state] of sockets) {
      if ((address === undefined || state.address === address) && sheddable(state)) return candidate;
    }
    return undefined;
  };

  const shedding = (why: string) => {
    if (Date.now() - shedLoggedAt <= 60_000) return;
    shedLoggedAt = Date.now();
    options.log?.({ level: 'warn', event: 'connections.shedding', maxConnections, maxConnectionsPerAddress: perAddress, message: why });
  };

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    // One address first: a flood from one client pushes out its own connections, nobody else's.
    if ((byAddress.get(address) ?? 0) >= perAddress) {
      shedding(`A client address holds ${perAddress} connections: dropping its idle or stalled ones first.`);
      const own = oldestSheddable(address);
      if (!own) {
        socket.destroy();
        return;
      }
      forget(own);
      own.destroy();
    }
    if (sockets.size >= maxConnections) {
      shedding(`${maxConnections} connections open: dropping idle or stalled ones to serve new clients (OTP_MAX_CONNECTIONS).`);
      const shed = oldestSheddable();
      if (!shed) {
        socket.destroy();
        return;
      }
      forget(shed);
      shed.destroy();
    }
    sockets.set(socket, { address, requests: new Set() });
    byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    socket.once('close', () => forget(socket));
  });

  server.active = () => active;
  server.drain = () => {
    draining = true;
  };
  return server;
}

export interface RunningServer {
  server: Server;
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  /**
   * Stops accepting, lets requests in progress finish for up to `graceMs`
   * (an in-flight verify is a conversion), then closes every connection.
   */
  close(graceMs?: number): Promise<void>;
}

export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const tracked = server as Partial<Tracked>;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close: async (graceMs = 0) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      tracked.drain?.();
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while ((tracked.active?.() ?? 0) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Starts a fetch-standard handler on `host:port`. */
export function serve(
  handler: FetchHandler,
  { port = 0, host = '127.0.0.1', ...options }: NodeServerOptions & { port?: number; host?: string } = {},
): Promise<RunningServer> {
  return listen(createNodeServer(createListener(handler, { log: options.log }), options), port, host);
}
