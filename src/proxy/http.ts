/** Fetch-standard request reading and response writing for the proxy. */
import { ProxyError } from './errors.js';

export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/**
 * `new Response(body, init)`, narrowed to what the proxy answers with. The
 * global `Response` by default; a runtime adapter may bring a class of its
 * own (see `OtpProxyOptions.Response`), whose instances must still be Responses.
 */
export type ResponseClass = new (body: string | null, init: { status: number; headers: Record<string, string> }) => Response;

export function reply(status: number, body: string | null, headers: Record<string, string>, ResponseClass: ResponseClass = Response): Response {
  return new ResponseClass(body, { status, headers });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}, ResponseClass: ResponseClass = Response): Response {
  return reply(status, JSON.stringify(body), { ...JSON_HEADERS, ...headers }, ResponseClass);
}

export function errorResponse(error: ProxyError, headers: Record<string, string> = {}, ResponseClass: ResponseClass = Response): Response {
  const retryAfter = error.details.retryAfter;
  return json(error.status, error.toReply(), retryAfter === undefined ? headers : { ...headers, 'retry-after': String(retryAfter) }, ResponseClass);
}

/**
 * Reads a web stream up to `maxBytes`. `complete` is false when there was
 * more: the rest is cancelled, never buffered.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  const reader = stream?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      complete = false;
      await reader.cancel().catch(() => {});
      break;
    }
    size += value.byteLength;
    chunks.push(value);
  }
  // A request body usually comes in one chunk: no copy then.
  if (chunks.length === 1) return { bytes: chunks[0]!, complete };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, complete };
}

/** Stateless between calls (no `stream` option), so one serves every request. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body of at most `maxBytes`, counting the bytes that actually
 * arrive: a missing or lying Content-Length does not get a larger body in.
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ProxyError('unsupported_media_type');
  const encoding = request.headers.get('content-encoding');
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new ProxyError('unsupported_media_type', { message: 'Compressed request bodies are not accepted.' });
  }
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) throw new ProxyError('payload_too_large');

  const { bytes, complete } = await readCapped(request.body, maxBytes);
  if (!complete || bytes.byteLength > maxBytes) throw new ProxyError('payload_too_large');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ProxyError('invalid_json', { message: 'The request body is not valid UTF-8.' });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProxyError('invalid_json');
  }
}
