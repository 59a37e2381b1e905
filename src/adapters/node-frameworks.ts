/**
 * The proxy inside an existing Node app: an Express (connect-style)
 * middleware, a Fastify plugin, and for everything else (Hono) the handler
 * itself with Node's fast paths.
 *
 * Whatever the framework, the proxy reads the body bytes itself (counting
 * them, refusing past 4 KiB) and takes the client's address from the socket,
 * or from X-Forwarded-For only as far as its own `trustProxy` says. A
 * framework's `trust proxy` setting is not read: one setting decides whose
 * budget a send is charged to, however the proxy is mounted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SEND_PATH, VERIFY_PATH } from '../contract/wire.js';
import { configure, type ProxyConfig } from '../proxy/config.js';
import type { Logger } from '../proxy/log.js';
import { proxyFromConfig, type OtpProxy, type OtpProxyHandler, type OtpProxyOptions, type ProxyDeps } from '../proxy/proxy.js';
import { nodeSessionCrypto } from './node-crypto.js';
import { adapterReply, answer, createListener, NodeResponse, responseParts, writeResponse } from './node-bridge.js';
import { ProxyError } from '../proxy/errors.js';
import { createUndiciTransport } from './node-transport.js';

export interface NodeOtpProxy extends OtpProxyHandler {
  /** Where the proxy answers, `/otp` by default: `<basePath>/send` and `<basePath>/verify`. */
  readonly basePath: string;
  /**
   * Closes what the proxy opened itself: the keep-alive pool to Offer18, and
   * the postbacks' delivery (after the attempts in flight; what is pending
   * stays in its outbox). Stores and transports passed in are yours to close.
   */
  close(): Promise<void>;
}

/**
 * The proxy with Node's fast paths as defaults: node:crypto for sessions
 * (Node 20's Web Crypto hops to the thread pool on every call), a
 * keep-alive undici pool to Offer18, and answers the Node adapter writes
 * from their parts. Any of them can still be passed in.
 */
export function createNodeProxy(options: OtpProxyOptions): NodeOtpProxy {
  return nodeProxyFromConfig(configure(options), options);
}

/** `createNodeProxy` for settings already parsed (`configure`), as `otp-flow serve` has them. */
export function nodeProxyFromConfig(config: ProxyConfig, deps: ProxyDeps = {}): NodeOtpProxy {
  const ownTransport = deps.transport ? undefined : createUndiciTransport();
  let handle: OtpProxy;
  try {
    handle = proxyFromConfig(config, { crypto: nodeSessionCrypto, Response: NodeResponse, ...deps, ...(ownTransport ? { transport: ownTransport } : {}) });
  } catch (error) {
    void ownTransport?.close();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return Object.assign((request: Request, info?: { remoteAddress?: string | undefined }) => handle(request, info), {
    basePath: config.settings.basePath,
    // Once, however often it is called: an app's shutdown path and its error path may both close it.
    close: () =>
      (closed ??= (async () => {
        await handle.close();
        await ownTransport?.close();
      })()),
  });
}

/** The proxy, and its configuration: settings, and the scrubbing logger for the adapter's own lines. */
function build(options: OtpProxyOptions): { proxy: NodeOtpProxy; settings: ProxyConfig['settings']; log: Logger } {
  const config = configure(options);
  return { proxy: nodeProxyFromConfig(config, options), settings: config.settings, log: config.log };
}

/** The two endpoints, relative to the base path: all the proxy answers inside someone else's app. */
const ENDPOINTS = new Set<string>([SEND_PATH, VERIFY_PATH]);

function pathAndQuery(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
}

/** Told once: the app trusts X-Forwarded-For, the proxy does not, so every client may share the load balancer's budget. */
function trustWarning(log: Logger, framework: string, setting: string) {
  let warned = false;
  return () => {
    if (warned) return;
    warned = true;
    log({
      level: 'warn',
      event: 'config.trust_proxy_differs',
      message: `${framework} trusts X-Forwarded-For (${setting}) but otp-flow does not: it budgets clients by the socket's address. Behind a proxy or load balancer, set trustProxy (OTP_TRUST_PROXY) to the number of proxies in front, or every visitor shares one budget.`,
    });
  };
}

type Next = (error?: unknown) => void;

export interface OtpFlowMiddleware {
  (req: IncomingMessage, res: ServerResponse, next: Next): void;
  /** The proxy the middleware runs, for the same answers elsewhere. */
  readonly proxy: NodeOtpProxy;
  close(): Promise<void>;
}

/**
 * An Express (connect-style) middleware. Mounted, `app.use('/otp', otpFlow(…))`,
 * it answers `/otp/send` and `/otp/verify` whatever its `basePath` (Express
 * strips the mount from `req.url`); unmounted, `app.use(otpFlow(…))`, it
 * answers `<basePath>/send` and `<basePath>/verify`. Every other path goes on
 * to the app's own routes (`next()`).
 *
 * Mount it before any body parser (`express.json()`): the proxy must read and
 * count the bytes itself. A body someone else already read is answered 500
 * and logged, never guessed at.
 */
export function otpFlow(options: OtpProxyOptions): OtpFlowMiddleware {
  const { proxy, settings, log } = build(options);
  const listener = createListener(proxy, { log });
  const warnTrust = trustWarning(log, 'Express', "app.set('trust proxy')");

  const middleware = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const express = req as IncomingMessage & { baseUrl?: string; app?: { get?(name: string): unknown } };
    const [path, query] = pathAndQuery(req.url ?? '/');
    const mounted = Boolean(express.baseUrl);
    const endpoint = mounted ? path : path.startsWith(`${proxy.basePath}/`) ? path.slice(proxy.basePath.length) : undefined;
    if (endpoint === undefined || !ENDPOINTS.has(endpoint)) {
      next();
      return;
    }
    if (settings.trustProxy === 0 && express.app?.get?.('trust proxy')) warnTrust();
    if (req.readableDidRead && req.method !== 'GET' && req.method !== 'HEAD') {
      log({
        level: 'error',
        event: 'adapter.body_already_read',
        message: 'The request body was read before otp-flow saw it: mount otpFlow() before body parsers such as express.json().',
      });
      void writeResponse(res, adapterReply(new ProxyError('internal_error')));
      return;
    }
    void listener(req, res, `${proxy.basePath}${endpoint}${query}`);
  };
  return Object.assign(middleware, { proxy, close: () => proxy.close() });
}

/** The parts of Fastify the plugin uses, so `otp-flow/node` does not depend on Fastify's types. */
export interface FastifyScope {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(contentType: string, parser: (request: unknown, payload: unknown, done: (error: Error | null, body?: unknown) => void) => void): void;
  addHook(name: 'onClose', hook: () => Promise<void>): unknown;
  all(path: string, handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>): unknown;
}
export interface FastifyRequestLike {
  raw: IncomingMessage;
  /** The client address as Fastify sees it, with its own `trustProxy`. */
  ip: string;
}
export interface FastifyReplyLike {
  raw: ServerResponse;
  code(status: number): FastifyReplyLike;
  headers(headers: Record<string, string | string[]>): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/**
 * A Fastify plugin: `app.register(otpFlowFastify, { prefix: '/otp', offer18: … })`
 * answers `<prefix>/send` and `<prefix>/verify`. Encapsulated (no
 * fastify-plugin): inside its scope no content-type parser runs, so the
 * proxy reads and counts the body bytes itself, and the app's own JSON
 * parsing elsewhere is untouched. Answers go out through `reply`, so the
 * app's hooks (logging, headers) see them. Closed with the app.
 */
export async function otpFlowFastify(fastify: FastifyScope, options: OtpProxyOptions): Promise<void> {
  const { proxy, settings, log } = build(options);
  fastify.addHook('onClose', () => proxy.close());
  const warnTrust = trustWarning(log, 'Fastify', 'trustProxy');

  fastify.removeAllContentTypeParsers();
  // Accept every body unread: the proxy refuses what is not JSON with its own 415, and counts the bytes as they arrive.
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null));
  for (const endpoint of ENDPOINTS) {
    fastify.all(endpoint, async (request, reply) => {
      // Fastify's own setting is not readable from the instance; its answer for the address is.
      if (settings.trustProxy === 0 && request.ip !== request.raw.socket.remoteAddress) warnTrust();
      const [, query] = pathAndQuery(request.raw.url ?? '/');
      const { response, bodyRead } = await answer(proxy, request.raw, { log, path: `${proxy.basePath}${endpoint}${query}` });
      // Not reading the rest of an oversized body: close the connection after answering instead.
      if (!bodyRead) reply.raw.shouldKeepAlive = false;
      const { status, headers, body } = await responseParts(response);
      return reply.code(status).headers(headers).send(body ?? undefined);
    });
  }
}
