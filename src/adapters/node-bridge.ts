/**
 * Between `node:http` and fetch: a request listener that hands a
 * fetch-standard handler its `Request` and writes the `Response` it returns,
 * each built only as far as it is used (the way @hono/node-server does it).
 *
 * On Node 20 a real `Request` and `Response` cost more than the proxy's own
 * checks: an AbortSignal made transferable per request, a web stream for a
 * body of a few hundred bytes each way (~20 µs each), a `Headers` filled with
 * every header and iterated back. The proxy reads the method, the URL, five
 * headers and the body, and answers with a status, three headers and a JSON
 * string. So the request is a facade over the IncomingMessage and the
 * buffered body, whose `body` hands out a reader of the bytes without a
 * stream; answers built with `NodeResponse` (the proxy's `Response` option)
 * hold their parts, which are written to the socket as they are. All are
 * `instanceof` their fetch class, and the first use past what they answer
 * themselves builds the real object, which then answers everything: code
 * between the proxy and this adapter (a router, a framework) sees fetch
 * objects that behave as such. The core knows none of this: it reads a
 * standard `Request` and builds its answers with the class it is given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { JSON_HEADERS, type ResponseClass } from '../proxy/http.js';
import { ProxyError } from '../proxy/errors.js';
import type { ConnectionInfo } from '../proxy/proxy.js';
import type { Logger } from '../proxy/log.js';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What fetch's Headers refuses in a value; such a header is dropped, not fatal. */
const FORBIDDEN_VALUE = /[\0\r\n]/;

/**
 * A request's headers, read from `rawHeaders` with fetch's rules (names
 * without case, repeated headers joined with ", ", cookies with "; "), so a
 * repeated Content-Type reads as fetch reads it, not as Node's
 * first-one-wins `req.headers`. Anything past `get` and `has` works on a real
 * `Headers`, made once.
 */
class NodeHeaders {
  readonly #raw: readonly string[];
  #real: Headers | undefined;

  constructor(rawHeaders: readonly string[]) {
    this.#raw = rawHeaders;
  }

  get(name: string): string | null {
    if (this.#real || !TOKEN.test(name)) return this.real().get(name);
    const lower = name.toLowerCase();
    let value: string | null = null;
    for (let i = 0; i < this.#raw.length; i += 2) {
      const raw = this.#raw[i]!;
      if (raw.length !== lower.length || raw.toLowerCase() !== lower) continue;
      const next = this.#raw[i + 1]!;
      if (FORBIDDEN_VALUE.test(next)) continue;
      value = value === null ? next : `${value}${lower === 'cookie' ? '; ' : ', '}${next}`;
    }
    return value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  real(): Headers {
    if (!this.#real) {
      const headers = new Headers();
      for (let i = 0; i < this.#raw.length; i += 2) {
        const name = this.#raw[i]!;
        // HTTP/2 pseudo-headers are the runtime's business, not the handler's.
        if (name.startsWith(':')) continue;
        try {
          headers.append(name, this.#raw[i + 1]!);
        } catch {
          // A value fetch refuses (a stray control character) is dropped.
        }
      }
      this.#real = headers;
    }
    return this.#real;
  }
}

interface RequestBody {
  bytes: Uint8Array;
  /** False when the body went on past what was read: a handler must refuse it. */
  complete: boolean;
}

/**
 * A reader of the buffered body that needs no stream: the bytes, then the end,
 * or, when the body went on past what was buffered, a 413 `ProxyError` (a
 * handler must not take the cut body for the whole).
 */
class BufferedReader {
  #body: RequestBody | undefined;
  readonly #released: () => void;

  constructor(body: RequestBody, released: () => void) {
    this.#body = body;
    this.#released = released;
  }

  get closed(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const body = this.#body;
    if (body && body.bytes.byteLength > 0) {
      this.#body = { bytes: new Uint8Array(0), complete: body.complete };
      return { done: false, value: body.bytes };
    }
    this.#body = undefined;
    if (body && !body.complete) throw new ProxyError('payload_too_large');
    return { done: true, value: undefined };
  }

  async cancel(): Promise<void> {
    this.#body = undefined;
  }

  releaseLock(): void {
    this.#released();
  }
}
Object.setPrototypeOf(BufferedReader.prototype, ReadableStreamDefaultReader.prototype);

/**
 * The buffered body as a `ReadableStream`: `getReader()` gives a
 * `BufferedReader`; anything else makes the real stream of the same bytes.
 */
class NodeBody {
  readonly #body: RequestBody;
  #real: ReadableStream<Uint8Array> | undefined;
  #locked = false;
  /** A reader was handed out: the body is used. */
  disturbed = false;

  constructor(body: RequestBody) {
    this.#body = body;
  }

  get locked(): boolean {
    return this.#real ? this.#real.locked : this.#locked;
  }

  getReader(options?: { mode?: 'byob' }): ReadableStreamReader<Uint8Array> {
    if (this.#real || options?.mode !== undefined) return this.real().getReader(options as { mode: 'byob' });
    if (this.#locked) throw new TypeError('ReadableStream is locked');
    this.#locked = true;
    this.disturbed = true;
    return new BufferedReader(this.#body, () => (this.#locked = false)) as unknown as ReadableStreamDefaultReader<Uint8Array>;
  }

  real(): ReadableStream<Uint8Array> {
    if (!this.#real) {
      const { bytes } = this.#body;
      this.#real = new ReadableStream<Uint8Array>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes);
          controller.close();
        },
      });
      // Held by a reader already: the real stream is locked too.
      if (this.#locked) this.#real.getReader();
    }
    return this.#real;
  }
}

/** Fetch's `Request` without the cost; see the file's comment. */
class NodeRequest {
  readonly #req: IncomingMessage;
  readonly #url: string;
  readonly #body: RequestBody | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #headers: NodeHeaders;
  #stream: NodeBody | undefined;
  #real: Request | undefined;

  /**
   * `body`: what was read of the body, or undefined to stream it from `req`
   * if asked. `signal`: aborts when the client goes away; without one, a
   * signal that never aborts is made if asked for.
   */
  constructor(req: IncomingMessage, url: string, headers: NodeHeaders, body: RequestBody | undefined, signal: AbortSignal | undefined) {
    this.#req = req;
    this.#url = url;
    this.#headers = headers;
    this.#body = body;
    this.#signal = signal;
  }

  get method(): string {
    return this.#req.method ?? 'GET';
  }

  get url(): string {
    return this.#url;
  }

  get headers(): Headers {
    return this.#real ? this.#real.headers : (this.#headers as unknown as Headers);
  }

  get signal(): AbortSignal {
    return this.#signal ?? this.real().signal;
  }

  /** The buffered body without a stream until one is needed; read through it, the real Request still sees it unread. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#real) return this.#real.body;
    if (this.method === 'GET' || this.method === 'HEAD') return null;
    if (!this.#body) return this.real().body;
    this.#stream ??= new NodeBody(this.#body);
    return this.#stream as unknown as ReadableStream<Uint8Array>;
  }

  get bodyUsed(): boolean {
    return this.#stream?.disturbed || (this.#real?.bodyUsed ?? false);
  }

  /** The real `Request`, built once, with the same headers, body and signal. */
  real(): Request {
    if (!this.#real) {
      const method = this.method;
      const init: RequestInit & { duplex?: 'half' } = { method, headers: this.#headers.real() };
      if (this.#signal) init.signal = this.#signal;
      if (method !== 'GET' && method !== 'HEAD') {
        if (this.#body) {
          init.body = this.#body.bytes as Uint8Array<ArrayBuffer>;
        } else {
          init.body = Readable.toWeb(this.#req) as ReadableStream<Uint8Array>;
          // Required by undici for a streamed body.
          init.duplex = 'half';
        }
      }
      this.#real = new Request(this.#url, init);
    }
    return this.#real;
  }
}

interface ResponseParts {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * A `Response` that keeps its parts until someone uses it as a Response;
 * `writeResponse` writes untouched ones straight from the parts.
 */
class PartsResponse {
  #parts: ResponseParts | undefined;
  #real: Response | undefined;

  constructor(body: string | null, init: { status: number; headers: Record<string, string> }) {
    this.#parts = { status: init.status, headers: init.headers, body };
  }

  // Status is fixed at construction: answering it never needs the real Response.
  get status(): number {
    return this.#parts?.status ?? this.real().status;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** Its parts while nobody has used it as a Response (its headers may since have changed). */
  static parts(response: Response): ResponseParts | undefined {
    return response instanceof PartsResponse ? response.#parts : undefined;
  }

  real(): Response {
    if (!this.#real) {
      const { status, headers, body } = this.#parts!;
      this.#real = new Response(body, { status, headers });
      this.#parts = undefined;
    }
    return this.#real;
  }
}

/**
 * Gives `target` every member of `standard` it does not define itself, each
 * answered by `real(this)`, and makes `standard` its prototype so
 * `instanceof` holds. Read from the runtime's own prototypes, so members a
 * later Node adds are covered too.
 */
function delegateTo(target: object, standard: object, real: (self: object) => object): void {
  for (const key of Reflect.ownKeys(standard)) {
    if (key === 'constructor' || key === Symbol.toStringTag || Object.prototype.hasOwnProperty.call(target, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(standard, key)!;
    if (descriptor.get) {
      Object.defineProperty(target, key, {
        configurable: true,
        get(this: object) {
          return Reflect.get(real(this), key);
        },
      });
    } else if (typeof descriptor.value === 'function') {
      Object.defineProperty(target, key, {
        configurable: true,
        writable: true,
        value(this: object, ...args: unknown[]) {
          const self = real(this) as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>;
          return self[key]!(...args);
        },
      });
    }
  }
  Object.setPrototypeOf(target, standard);
}

delegateTo(NodeHeaders.prototype, Headers.prototype, (self) => (self as NodeHeaders).real());
delegateTo(NodeBody.prototype, ReadableStream.prototype, (self) => (self as NodeBody).real());
delegateTo(NodeRequest.prototype, Request.prototype, (self) => (self as NodeRequest).real());
delegateTo(PartsResponse.prototype, Response.prototype, (self) => (self as PartsResponse).real());

/**
 * Give the proxy this as its `Response` (`createOtpProxy({ Response: NodeResponse })`;
 * `createNodeProxy` and `otp-flow serve` do): its untouched answers are
 * written to the socket from their parts.
 */
export const NodeResponse = PartsResponse as unknown as ResponseClass;

/**
 * Reads a request body into memory, up to `cap + 1` bytes, counting what
 * arrives (Content-Length is only a claim). Buffering beats a web stream
 * here: the bodies this server takes are a few hundred bytes.
 */
/** The body did not arrive within its deadline. */
class BodyTimeout extends Error {}

function readBody(req: IncomingMessage, cap: number, timeoutMs: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', fail);
    };
    const fail = (error: Error) => {
      stop();
      reject(error);
    };
    const done = (complete: boolean) => {
      stop();
      resolve({ bytes: chunks.length === 1 && complete ? chunks[0]! : Buffer.concat(chunks, Math.min(size, cap + 1)), complete });
    };
    const timer = setTimeout(() => {
      req.pause();
      fail(new BodyTimeout());
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > cap) {
        req.pause();
        done(false);
      }
    };
    const onEnd = () => done(true);
    req.on('data', onData).on('end', onEnd).on('error', fail);
  });
}

const HOST = /^[A-Za-z0-9.\-:[\]]+$/;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The request URL as the client addressed it. An absolute-form target
 * (`POST http://other.example/otp/send`) names its own host, which then
 * counts instead of `Host` (RFC 9112 §3.2.2), so the proxy's host check sees
 * what the client really asked for. A host that is no host becomes
 * `invalid.invalid`, which no configuration serves.
 */
function requestUrl(headers: NodeHeaders, path: string): string {
  if (ABSOLUTE.test(path) && URL.canParse(path)) {
    const absolute = new URL(path);
    return `http://${absolute.host}${absolute.pathname}${absolute.search}`;
  }
  const host = headers.get('host') ?? 'localhost';
  const url = `http://${HOST.test(host) ? host : 'invalid.invalid'}${path.startsWith('/') ? path : `/${path}`}`;
  if (!URL.canParse(url)) throw new TypeError('unreadable request target');
  return url;
}

/**
 * A `Request` for `req`. `body`: what `readBody` read, or nothing to stream
 * the body from `req` when it is asked for. `path` overrides `req.url`, for
 * frameworks that mount the handler under a prefix and strip it. Throws on a
 * request fetch cannot represent.
 */
export function toRequest(
  req: IncomingMessage,
  body?: Uint8Array | RequestBody,
  { signal, path = req.url ?? '/' }: { signal?: AbortSignal | undefined; path?: string | undefined } = {},
): Request {
  const headers = new NodeHeaders(req.rawHeaders);
  const read = body instanceof Uint8Array ? { bytes: body, complete: true } : body;
  return new NodeRequest(req, requestUrl(headers, path), headers, read, signal) as unknown as Request;
}

export interface WritableParts {
  status: number;
  headers: Record<string, string | string[]>;
  /** Null: no body. */
  body: string | Uint8Array | null;
}

/** What to write for a handler's answer: straight from its parts when nobody touched it, read back otherwise. */
export async function responseParts(response: Response): Promise<WritableParts> {
  const parts = PartsResponse.parts(response);
  if (parts) return parts;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : null;
  return { status: response.status, headers, body };
}

/** Writes a handler's answer to a `node:http` response. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  await write(res, response);
}

/** `writeResponse`, without a promise when there is nothing to wait for (an untouched `NodeResponse`): this runs for every request. */
function write(res: ServerResponse, response: Response): Promise<void> | undefined {
  const parts = PartsResponse.parts(response);
  if (parts) {
    writeParts(res, parts);
    return undefined;
  }
  return responseParts(response).then((read) => writeParts(res, read));
}

function writeParts(res: ServerResponse, { status, headers, body }: WritableParts): void {
  if (body === null) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(status, headers['content-length'] === undefined ? { ...headers, 'content-length': String(length) } : headers);
  res.end(body);
}

/** An error answer of the adapter's own (it could not read the request, the handler crashed), built like the core's. */
export function adapterReply(error: ProxyError): Response {
  return new PartsResponse(JSON.stringify(error.toReply()), { status: error.status, headers: { ...JSON_HEADERS } }) as unknown as Response;
}

export type FetchHandler = (request: Request, info: ConnectionInfo) => Promise<Response> | Response;

/** Bodies are buffered up to this many bytes; the handler sees at most one byte more, enough to refuse. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;


export interface AnswerOptions {
  /** Largest body buffered for the handler; see DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Where a handler's crash is reported; it answers 500 either way. */
  log?: Logger | undefined;
  /** Overrides `req.url`, for frameworks that mount the handler under a prefix and strip it. */
  path?: string | undefined;
  /** Becomes `request.signal`. */
  signal?: AbortSignal | undefined;
  /**
   * Longest wait for the body once the headers are in. Bodies here are a few
   * hundred bytes that arrive with the headers from anyone who means to send
   * them; a socket that dribbles one holds a connection for nothing.
   */
  bodyTimeoutMs?: number | undefined;
}

/** A proxy body is at most 4 KiB: seconds are plenty on the slowest mobile network. */
export const DEFAULT_BODY_TIMEOUT_MS = 5_000;

export interface Answer {
  response: Response;
  /** False when the body went on past `maxBodyBytes` and was left unread: the connection must close after answering. */
  bodyRead: boolean;
}

/**
 * Reads `req` and runs the handler on it: the answer to write, whatever
 * happens (a client that cannot be understood gets 400, a handler that throws
 * 500). For servers and frameworks that write the answer their own way.
 */
export async function answer(handler: FetchHandler, req: IncomingMessage, { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, log, path, signal, bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS }: AnswerOptions = {}): Promise<Answer> {
  let request: Request;
  let body: RequestBody | undefined;
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') body = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    request = toRequest(req, body, { signal, path });
  } catch (error) {
    if (error instanceof BodyTimeout) {
      return { response: adapterReply(new ProxyError('invalid_request', { message: 'The request body did not arrive in time.' })), bodyRead: false };
    }
    // The client went away mid-body, or sent what fetch cannot represent.
    return { response: adapterReply(new ProxyError('invalid_request', { message: 'The request could not be read.' })), bodyRead: body?.complete ?? false };
  }
  const bodyRead = body?.complete ?? true;
  try {
    const { socket } = req;
    return { response: await handler(request, { remoteAddress: socket.remoteAddress, clientGone: () => socket.destroyed }), bodyRead };
  } catch (error) {
    // A bug in the handler is ours, not the client's: 500, never a 400 that blames the request.
    crashed(log, error);
    return { response: adapterReply(new ProxyError('internal_error')), bodyRead };
  }
}

function crashed(log: Logger | undefined, error: unknown): void {
  log?.({ level: 'error', event: 'request.crashed', error: (error as Error)?.name ?? 'Error', detail: (error as Error)?.message });
}

export interface ListenerOptions extends Omit<AnswerOptions, 'path' | 'signal'> {
  /**
   * Give the handler a `request.signal` that aborts when the client goes away.
   * Off by default: the proxy never abandons an upstream call (a generate may
   * already have sent its SMS), and Node 20 makes each AbortSignal costly.
   */
  abortOnClose?: boolean;
}

/** A `node:http` request listener for a fetch-standard handler. */
export function createListener(handler: FetchHandler, { abortOnClose = false, ...options }: ListenerOptions = {}) {
  return async (req: IncomingMessage, res: ServerResponse, path?: string): Promise<void> => {
    let signal: AbortSignal | undefined;
    if (abortOnClose) {
      const abort = new AbortController();
      signal = abort.signal;
      res.once('close', () => {
        if (!res.writableFinished) abort.abort();
      });
    }
    const { response, bodyRead } = await answer(handler, req, { ...options, path, signal });
    // The client went away (mid-body, say): nobody to answer.
    if (res.destroyed) return;
    // Not reading the rest of an oversized body: close the connection after answering instead.
    if (!bodyRead) res.shouldKeepAlive = false;
    try {
      const reading = write(res, response);
      if (reading) await reading;
    } catch (error) {
      // A body that fails as it is read back (a stream that errors) is the handler's bug too.
      crashed(options.log, error);
      if (!res.headersSent) write(res, adapterReply(new ProxyError('internal_error')));
      else res.destroy();
    }
    // A body refused unread is not drained: the connection closes (see shouldKeepAlive above).
    if (!req.complete && res.shouldKeepAlive) req.resume();
  };
}

