/**
 * `otp-flow/node`: runs a fetch-standard handler on `node:http`.
 *
 * Thin on purpose: translate IncomingMessage to Request, Response back to
 * ServerResponse, and set the socket timeouts a public server needs. No
 * proxy logic lives here.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import type { ConnectionInfo } from '../proxy/proxy.js';
import type { Transport } from '../proxy/offer18.js';

export type FetchHandler = (request: Request, info: ConnectionInfo) => Promise<Response> | Response;

export interface NodeServerOptions {
  /** Longest wait for a client's complete request headers (slow-header clients are dropped after it). */
  headersTimeoutMs?: number;
  /** Longest wait for a whole request, body included. */
  requestTimeoutMs?: number;
  /** How often those two are checked; Node's 30 s default would delay every timeout by up to that. */
  connectionsCheckingIntervalMs?: number;
  keepAliveTimeoutMs?: number;
}

/** Bodies are buffered up to this many bytes; the handler sees at most one byte more, enough to refuse. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request body into memory, up to `cap + 1` bytes. Buffering beats a
 * web stream here: the bodies this server takes are a few hundred bytes, and
 * Readable.toWeb costs more than the copy.
 */
function readBody(req: IncomingMessage, cap: number): Promise<{ body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (complete: boolean) => {
      req.off('data', onData).off('end', onEnd).off('error', reject);
      resolve({ body: Buffer.concat(chunks, Math.min(size, cap + 1)), complete });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > cap) {
        req.pause();
        done(false);
      }
    };
    const onEnd = () => done(true);
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

export function toRequest(req: IncomingMessage, body?: Uint8Array, signal?: AbortSignal): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${/^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : 'localhost'}`);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    // HTTP/2 pseudo-headers and hop-by-hop fields are the runtime's business, not the handler's.
    if (name.startsWith(':')) continue;
    try {
      headers.append(name, req.rawHeaders[i + 1]!);
    } catch {
      // A header value fetch's Headers refuses (e.g. a stray control character) is dropped, not fatal.
    }
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (body ?? (Readable.toWeb(req) as ReadableStream<Uint8Array>)) : null,
    // Required by undici for a streamed body.
    ...(hasBody && !body ? { duplex: 'half' } : {}),
    ...(signal ? { signal } : {}),
  } as RequestInit);
}

export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  if (body && !response.headers.has('content-length')) headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface ListenerOptions {
  /** Largest body buffered for the handler; see DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /**
   * Give the handler a `request.signal` that aborts when the client goes away.
   * Off by default: the proxy never abandons an upstream call (a generate may
   * already have sent its SMS), and Node 20 makes each AbortSignal costly.
   */
  abortOnClose?: boolean;
}

/** A `node:http` request listener for a fetch-standard handler. */
export function createListener(handler: FetchHandler, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, abortOnClose = false }: ListenerOptions = {}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let signal: AbortSignal | undefined;
    if (abortOnClose) {
      const abort = new AbortController();
      signal = abort.signal;
      res.once('close', () => {
        if (!res.writableFinished) abort.abort();
      });
    }
    try {
      let body: Uint8Array | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const read = await readBody(req, maxBodyBytes);
        body = read.body;
        // Not reading the rest of an oversized body: close the connection after answering instead.
        if (!read.complete) res.shouldKeepAlive = false;
      }
      const response = await handler(toRequest(req, body, signal), { remoteAddress: req.socket.remoteAddress });
      await writeResponse(res, response);
    } catch {
      // The handler answers its own errors; reaching here means the client went away or the request was malformed.
      if (!res.headersSent) {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: false, error: 'invalid_request', message: 'The request could not be read.' }));
      } else {
        res.destroy();
      }
    }
    // A body refused unread is not drained: the connection closes (see shouldKeepAlive above).
    if (!req.complete && res.shouldKeepAlive) req.resume();
  };
}

/** A `node:http` server with timeouts fit for the public internet. */
export function createNodeServer(listener: RequestListener, options: NodeServerOptions = {}): Server {
  return createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      connectionsCheckingInterval: options.connectionsCheckingIntervalMs ?? 1_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    },
    listener,
  );
}

export interface RunningServer {
  server: Server;
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  close(): Promise<void>;
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
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Starts a fetch-standard handler on `host:port`. */
export function serve(
  handler: FetchHandler,
  { port = 0, host = '127.0.0.1', ...options }: NodeServerOptions & { port?: number; host?: string } = {},
): Promise<RunningServer> {
  return listen(createNodeServer(createListener(handler), options), port, host);
}

/**
 * The upstream transport for Node: undici with a keep-alive pool. Several
 * times faster than Node 20's global `fetch` for this request shape, and it
 * never follows redirects.
 */
export function createUndiciTransport({ maxReplyBytes = 64 * 1024 } = {}): Transport & { close(): Promise<void> } {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const transport = async (url: string, { timeoutMs }: { timeoutMs: number }) => {
    let response;
    try {
      // undici's own timers, not an AbortSignal per call: Node 20 makes every signal transferable, at a cost.
      response = await undiciRequest(url, {
        method: 'POST',
        dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        throw new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError');
      }
      throw error;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxReplyBytes) {
        response.body.destroy();
        break;
      }
      chunks.push(chunk);
    }
    return { status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') };
  };
  return Object.assign(transport, { close: () => dispatcher.close() });
}
