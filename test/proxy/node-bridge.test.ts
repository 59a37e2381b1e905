/**
 * The Node adapter's lazy request and response behave as the fetch objects
 * they stand in for, whoever touches them: the proxy, a router in between, a
 * handler that reads everything. Over real HTTP.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createListener, NodeResponse, serve, type FetchHandler } from '../../src/adapters/node.js';
import { createOtpProxy } from '../../src/proxy/index.js';
import { TEST_SECRET } from '../helpers/harness.js';
import { Agent, postRaw } from '../helpers/load.js';

async function withServer(handler: FetchHandler, run: (url: string) => Promise<void>): Promise<void> {
  const server = await serve(handler);
  try {
    await run(server.url);
  } finally {
    await server.close();
  }
}

/** One raw HTTP/1.1 exchange, so repeated headers reach the server exactly as written. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.on('data', (d) => (reply += d));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
  });
}

describe('the request a handler gets', () => {
  it('is a Request: method, URL, headers, body, clone and signal all work', async () => {
    const seen: Record<string, unknown> = {};
    await withServer(
      async (request) => {
        seen.isRequest = request instanceof Request;
        seen.method = request.method;
        seen.url = request.url;
        seen.type = request.headers.get('Content-Type');
        seen.has = request.headers.has('x-missing');
        seen.all = Object.fromEntries(request.headers);
        seen.clone = await request.clone().text();
        seen.json = await request.json();
        seen.bodyUsed = request.bodyUsed;
        seen.signal = request.signal instanceof AbortSignal && !request.signal.aborted;
        return Response.json({ ok: true });
      },
      async (url) => {
        const agent = new Agent();
        const reply = await postRaw(agent, `${url}/a/b?c=d`, '{"x":1}', { 'content-type': 'application/json', 'x-custom': 'yes' });
        await agent.close();
        assert.equal(reply.status, 200);
      },
    );
    assert.equal(seen.isRequest, true);
    assert.equal(seen.method, 'POST');
    assert.match(seen.url as string, /^http:\/\/127\.0\.0\.1:\d+\/a\/b\?c=d$/);
    assert.equal(seen.type, 'application/json');
    assert.equal(seen.has, false);
    assert.equal((seen.all as Record<string, string>)['x-custom'], 'yes');
    assert.equal(seen.clone, '{"x":1}');
    assert.deepEqual(seen.json, { x: 1 });
    assert.equal(seen.bodyUsed, true);
    assert.equal(seen.signal, true);
  });

  it('reads repeated headers as fetch does, joined, where Node keeps only the first', async () => {
    let type: string | null = null;
    let forwarded: string | null = null;
    let cookie: string | null = null;
    await withServer(
      (request) => {
        type = request.headers.get('content-type');
        forwarded = request.headers.get('x-forwarded-for');
        cookie = request.headers.get('cookie');
        return new Response(null, { status: 204 });
      },
      async (url) => {
        const reply = await rawExchange(
          Number(new URL(url).port),
          'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Type: application/json\r\nX-Forwarded-For: 198.51.100.1\r\nX-Forwarded-For: 203.0.113.9\r\nCookie: a=1\r\nCookie: b=2\r\nConnection: close\r\n\r\n',
        );
        assert.match(reply, /^HTTP\/1\.1 204/);
      },
    );
    assert.equal(type, 'text/plain, application/json');
    assert.equal(forwarded, '198.51.100.1, 203.0.113.9');
    assert.equal(cookie, 'a=1; b=2');
  });

  it('hands out the buffered body as a stream: a reader, then the end, and used once read', async () => {
    const seen: Record<string, unknown> = {};
    await withServer(
      async (request) => {
        seen.isStream = request.body instanceof ReadableStream;
        const reader = request.body!.getReader();
        seen.isReader = reader instanceof ReadableStreamDefaultReader;
        seen.locked = request.body!.locked;
        const chunks: string[] = [];
        for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
        seen.text = chunks.join('');
        seen.bodyUsed = request.bodyUsed;
        return new Response(null, { status: 204 });
      },
      async (url) => {
        const agent = new Agent();
        assert.equal((await postRaw(agent, url, '{"msisdn":"+971501234567"}', { 'content-type': 'application/json' })).status, 204);
        await agent.close();
      },
    );
    assert.deepEqual(seen, { isStream: true, isReader: true, locked: true, text: '{"msisdn":"+971501234567"}', bodyUsed: true });
  });

  it('ends a body that went on past what the adapter buffers with 413, even below the proxy’s own limit', async () => {
    const handle = createOtpProxy({
      offer18: { key: 'fetch-test-key', aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
      sessionSecret: TEST_SECRET,
      logger: () => {},
      Response: NodeResponse,
    });
    const { createServer } = await import('node:http');
    const listener = createListener(handle, { maxBodyBytes: 64 });
    const server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      // Chunked, so no Content-Length gives it away: 200 bytes of valid JSON, under the proxy's 4 KiB.
      const body = JSON.stringify({ msisdn: `+971501234567${' '.repeat(10)}`, country: 'AE' }).padEnd(200, ' ');
      const reply = await rawExchange(
        port,
        `POST /otp/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      );
      assert.match(reply, /^HTTP\/1\.1 413/);
      assert.match(reply, /"error":"payload_too_large"/);
    } finally {
      server.close();
    }
  });

  it('streams the body when it was not buffered: toRequest without a body', async () => {
    const { toRequest } = await import('../../src/adapters/node-bridge.js');
    const { createServer } = await import('node:http');
    const server = createServer(async (req, res) => {
      const request = toRequest(req);
      res.end(`${request instanceof Request} ${await request.text()}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const reply = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'streamed' });
      assert.equal(await reply.text(), 'true streamed');
    } finally {
      server.close();
    }
  });
});

describe('the response a handler returns', () => {
  // What the core answers with when given the adapter's class: an untouched answer, kept as its parts.
  const lazy = async (_request: Request) =>
    new NodeResponse('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json; charset=utf-8', 'x-from': 'core' } });

  it('is a Response, written as it is when nobody touched it', async () => {
    await withServer(
      async (request) => {
        const response = await lazy(request);
        assert.ok(response instanceof Response);
        assert.equal(response.status, 201);
        assert.equal(response.ok, true);
        return response;
      },
      async (url) => {
        const reply = await fetch(url, { method: 'POST' });
        assert.equal(reply.status, 201);
        assert.equal(reply.headers.get('x-from'), 'core');
        assert.equal(reply.headers.get('content-length'), '11');
        assert.deepEqual(await reply.json(), { ok: true });
      },
    );
  });

  it('keeps what a handler in between changed: headers set on it are on the wire', async () => {
    await withServer(
      async (request) => {
        const response = await lazy(request);
        response.headers.set('x-added', 'by a router');
        response.headers.delete('x-from');
        return response;
      },
      async (url) => {
        const reply = await fetch(url, { method: 'POST' });
        assert.equal(reply.status, 201);
        assert.equal(reply.headers.get('x-added'), 'by a router');
        assert.equal(reply.headers.get('x-from'), null);
        assert.deepEqual(await reply.json(), { ok: true });
      },
    );
  });

  it('can be read, cloned and re-wrapped like any Response', async () => {
    await withServer(
      async (request) => {
        const response = await lazy(request);
        assert.deepEqual(await response.clone().json(), { ok: true });
        return new Response(response.body, { status: response.status, headers: response.headers });
      },
      async (url) => {
        const reply = await fetch(url, { method: 'POST' });
        assert.equal(reply.status, 201);
        assert.equal(reply.headers.get('x-from'), 'core');
        assert.deepEqual(await reply.json(), { ok: true });
      },
    );
  });
});

describe('the core without the Node adapter', () => {
  it('answers a real Request with real Responses, which runtimes that check brands (Deno.serve, workerd) require', async () => {
    const handle = createOtpProxy({
      offer18: { key: 'fetch-test-key', aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
      sessionSecret: TEST_SECRET,
      logger: () => {},
      transport: async () => ({ status: 200, body: JSON.stringify({ status: '200', response: 'otp_sent', data: 'r1' }) }),
    });
    const requests = [
      new Request('http://127.0.0.1/otp/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"msisdn":"+971501234567"}' }),
      new Request('http://127.0.0.1/otp/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"msisdn":"no"}' }),
      new Request('http://127.0.0.1/otp/send', { method: 'OPTIONS' }),
      new Request('http://127.0.0.1/healthz'),
    ];
    for (const request of requests) {
      const response = await handle(request);
      assert.equal(Object.getPrototypeOf(response), Response.prototype);
      // Brand-checked: throws on anything that only looks like a Response.
      await Response.prototype.arrayBuffer.call(response);
    }
  });
});
