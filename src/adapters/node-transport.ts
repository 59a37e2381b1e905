/**
 * The upstream transport for Node: undici with a keep-alive pool. Several
 * times faster than Node 20's global `fetch` for this request shape, and it
 * never follows redirects.
 */
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { Agent } from 'undici';
import { MAX_REPLY_BYTES, UpstreamNotReached, type Transport } from '../proxy/offer18.js';

/** Failures that happen before a byte of the request is written: Offer18 never saw it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** The reply as text, up to `max` bytes: past it the stream is dropped and what came stays cut (it will not parse). */
function readReply(body: Readable, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        body.destroy();
        done();
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', done);
    body.on('error', reject);
  });
}

export function createUndiciTransport({ maxReplyBytes = MAX_REPLY_BYTES } = {}): Transport & { close(): Promise<void> } {
  const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const transport: Transport = async (url, { timeoutMs }) => {
    // One deadline for the whole exchange: headers, then a body that may come a byte at a time.
    // An EventEmitter, not an AbortSignal: undici takes either, and Node 20 makes each signal costly.
    const abort = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.emit('abort');
    }, timeoutMs);
    try {
      // The dispatcher's own request, not undici.request(url): that one costs ~30 µs more a call
      // (measured on Node 20), and a data listener costs less than an async iterator.
      const { origin, pathname, search } = new URL(url);
      const response = await dispatcher.request({ origin, path: `${pathname}${search}`, method: 'POST', signal: abort, headers: { accept: 'application/json' } });
      return { status: response.statusCode, body: await readReply(response.body, maxReplyBytes) };
    } catch (error) {
      if (timedOut) throw new DOMException(`no complete answer within ${timeoutMs} ms`, 'TimeoutError');
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code && NOT_SENT.has(code)) throw new UpstreamNotReached(`${code}: ${(error as Error).message}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(transport, { close: () => dispatcher.close() });
}
