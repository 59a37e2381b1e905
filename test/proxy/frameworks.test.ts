/**
 * The proxy mounted inside real Express, Fastify and Hono apps, over HTTP,
 * against the Offer18 simulator: a send and its verify, refusals, the app's
 * own routes beside it, a prefix, and a clean close.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { serve as honoServe } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createNodeProxy, otpFlow, otpFlowFastify } from '../../src/adapters/node.js';
import type { OtpProxyOptions } from '../../src/proxy/index.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { assertNoKey, ROOMY_LIMITS, TEST_KEY, TEST_SECRET } from '../helpers/harness.js';
import { Agent, postRaw } from '../helpers/load.js';
import { startTracker } from '../helpers/tracker.js';
import { until } from '../helpers/wait.js';

const sim = new Offer18Simulator({ credentials: { key: TEST_KEY, aid: '1', mid: '2' }, print: () => {} });
let upstream: RunningSimulator;
const logs: string[] = [];

before(async () => {
  upstream = await startSimulator(sim);
});
after(async () => {
  for (const line of logs) assertNoKey('a log line', line);
  await upstream.close();
});

function options(extra: Partial<OtpProxyOptions> = {}): OtpProxyOptions {
  return {
    offer18: { key: TEST_KEY, aid: '1', mid: '2', partner: 'p', apiBase: upstream.apiBase },
    sessionSecret: TEST_SECRET,
    logger: (entry) => logs.push(JSON.stringify(entry)),
    ...ROOMY_LIMITS,
    ...extra,
  };
}

interface Reply {
  status: number;
  json: any;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Reply> {
  const agent = new Agent();
  try {
    const reply = await postRaw(agent, url, body, headers, AbortSignal.timeout(10_000));
    assertNoKey(`the reply from ${url}`, reply.text);
    return { status: reply.status, json: reply.body, text: reply.text, headers: reply.headers };
  } finally {
    await agent.close();
  }
}

/** A POST whose body is streamed (chunked), with no Content-Length to believe. */
async function postStreamed(url: string, body: string): Promise<Reply> {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body));
      controller.close();
    },
  });
  const reply = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  const text = await reply.text();
  return { status: reply.status, json: JSON.parse(text), text, headers: Object.fromEntries(reply.headers) };
}

/** How many connections the simulator has open: the proxy's keep-alive pool to "Offer18". */
function upstreamConnections(): Promise<number> {
  return new Promise((resolve, reject) => upstream.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

async function untilNoUpstreamConnections(): Promise<number> {
  const deadline = Date.now() + 3_000;
  let open = await upstreamConnections();
  while (open > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    open = await upstreamConnections();
  }
  return open;
}

/** The same walk in every framework: a send, a wrong code, the right code, a refusal of a body too large, and the app's own route. */
async function walk(base: string, own: { url: string; expect: string }): Promise<void> {
  sim.reset();
  const sent = await post(`${base}/send`, JSON.stringify({ msisdn: '050 123 4567', country: 'AE' }));
  assert.equal(sent.status, 200, sent.text);
  assert.equal(sent.json.msisdn, '+971501234567');
  assert.equal(sim.calls.length, 1, 'one otp_gen reached Offer18');
  const code = sim.lastCode()!;

  const wrong = await post(`${base}/verify`, JSON.stringify({ session: sent.json.session, otp: code === '000000' ? '111111' : '000000' }));
  assert.equal(wrong.status, 422, wrong.text);
  assert.equal(wrong.json.error, 'otp_invalid');

  const verified = await post(`${base}/verify`, JSON.stringify({ session: sent.json.session, otp: code }));
  assert.equal(verified.status, 200, verified.text);
  assert.deepEqual(verified.json, { ok: true, verified: true });

  // 5 KiB sent without Content-Length: only counting the bytes as they arrive catches it.
  const big = await postStreamed(`${base}/send`, JSON.stringify({ msisdn: `+971501234567${' '.repeat(5_000)}` }));
  assert.equal(big.status, 413, big.text);
  assert.equal(big.json.error, 'payload_too_large');

  const notJson = await post(`${base}/send`, 'msisdn=971501234567', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(notJson.status, 415, notJson.text);
  assert.equal(notJson.json.error, 'unsupported_media_type');

  const wrongMethod = await fetch(`${base}/send`);
  assert.equal(wrongMethod.status, 405);
  assert.equal(((await wrongMethod.json()) as { error: string }).error, 'method_not_allowed');

  const mine = await fetch(own.url);
  assert.equal(mine.status, 200);
  assert.equal(await mine.text(), own.expect);
  assert.equal(sim.calls.length, 3, 'one otp_gen and two otp_verify: nothing refused reached Offer18');
}

describe('inside Express', () => {
  let server: Server;
  let base: string;
  let middleware: ReturnType<typeof otpFlow>;
  let unmounted: ReturnType<typeof otpFlow>;

  before(async () => {
    const app = express();
    // Express trusts X-Forwarded-For here; the proxy must not follow it silently.
    app.set('trust proxy', true);
    middleware = otpFlow(options());
    unmounted = otpFlow(options({ basePath: '/unmounted' }));
    app.use('/api/otp', middleware);
    app.use(unmounted);
    app.get('/hello', (_req, res) => {
      res.send('hello from the app');
    });
    // The app's own JSON parsing, after the proxy, still works on its routes.
    app.post('/echo', express.json(), (req, res) => {
      res.json({ echoed: req.body });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((r) => server.close(r));
    server.closeAllConnections();
  });

  it('serves send and verify under a mount point, refuses what it must, and leaves the app its routes', async () => {
    await walk(`${base}/api/otp`, { url: `${base}/hello`, expect: 'hello from the app' });
    const echo = await post(`${base}/echo`, JSON.stringify({ a: 1 }));
    assert.deepEqual(echo.json, { echoed: { a: 1 } });
  });

  it('passes every other path on to the app: its 404, not the proxy’s', async () => {
    const other = await fetch(`${base}/api/otp/elsewhere`);
    assert.equal(other.status, 404);
    assert.match(await other.text(), /Cannot GET/);
    const health = await fetch(`${base}/api/otp/healthz`);
    assert.equal(health.status, 404);
  });

  it('serves at its base path when not mounted', async () => {
    sim.reset();
    const sent = await post(`${base}/unmounted/send`, JSON.stringify({ msisdn: '+971501234568' }));
    assert.equal(sent.status, 200, sent.text);
    assert.equal((await fetch(`${base}/unmounted/elsewhere`)).status, 404);
  });

  it('budgets clients by the socket, not by the X-Forwarded-For Express trusts, and says so once', async () => {
    const app = express();
    app.set('trust proxy', true);
    const own: string[] = [];
    const budgeted = otpFlow(options({ clientLimit: 2, logger: (entry) => own.push(JSON.stringify(entry)) }));
    app.use('/otp', budgeted);
    const budgetedServer = app.listen(0, '127.0.0.1');
    await new Promise((r) => budgetedServer.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(budgetedServer.address() as AddressInfo).port}/otp/send`;
      const statuses: number[] = [];
      for (let i = 1; i <= 3; i++) {
        // A new address in X-Forwarded-For each time, as a client rotating it would write.
        const reply = await post(url, JSON.stringify({ msisdn: `+97150123456${i}` }), { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` });
        statuses.push(reply.status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      assert.equal(own.filter((l) => l.includes('config.trust_proxy_differs') && l.includes("app.set('trust proxy')")).length, 1);
    } finally {
      await new Promise((r) => budgetedServer.close(r));
      budgetedServer.closeAllConnections();
      await budgeted.close();
    }
  });

  it('refuses a body another middleware already read, with a line saying what to fix', async () => {
    const app = express();
    app.use(express.json());
    const late = otpFlow(options());
    app.use('/otp', late);
    const lateServer = app.listen(0, '127.0.0.1');
    await new Promise((r) => lateServer.once('listening', r));
    try {
      const reply = await post(`http://127.0.0.1:${(lateServer.address() as AddressInfo).port}/otp/send`, JSON.stringify({ msisdn: '+971501234567' }));
      assert.equal(reply.status, 500);
      assert.equal(reply.json.error, 'internal_error');
      assert.ok(logs.some((l) => l.includes('adapter.body_already_read') && l.includes('express.json()')));
    } finally {
      await new Promise((r) => lateServer.close(r));
      lateServer.closeAllConnections();
      await late.close();
    }
  });

  it('delivers postbacks from the app’s process, and on close waits for the attempt in flight', async () => {
    const tracker = await startTracker();
    const app = express();
    const own: Array<Record<string, unknown>> = [];
    const tracked = otpFlow(
      options({ postback: { url: `${tracker.origin}/pb?cid={clickid}`, timeoutMs: 500 }, logger: (entry) => own.push(entry) }),
    );
    app.use('/otp', tracked);
    const trackedServer = app.listen(0, '127.0.0.1');
    await new Promise((r) => trackedServer.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(trackedServer.address() as AddressInfo).port}/otp`;
      const convert = async (clickid: string) => {
        sim.reset();
        const sent = await post(`${url}/send`, JSON.stringify({ msisdn: '+971501234569', click: { clickid } }));
        assert.equal((await post(`${url}/verify`, JSON.stringify({ session: sent.json.session, otp: sim.lastCode() }))).status, 200);
      };
      await convert('express1');
      await until(() => tracker.delivered().length === 1, 'the postback');
      assert.equal(tracker.requests[0]!.url.searchParams.get('cid'), 'express1');

      tracker.mode = 'hang';
      await convert('express2');
      await until(() => tracker.inFlight === 1, 'an attempt the tracker holds');
      await tracked.close();
      assert.ok(
        own.some((l) => l.event === 'postback.retry' && l.error === 'timeout'),
        'the attempt ended at its deadline before close() returned',
      );
    } finally {
      await new Promise((r) => trackedServer.close(r));
      trackedServer.closeAllConnections();
      await tracked.close();
      await tracker.close();
    }
  });

  it('closes its pool to Offer18 when closed', async () => {
    assert.ok((await upstreamConnections()) > 0, 'the keep-alive pool is open while serving');
    await middleware.close();
    await unmounted.close();
    assert.equal(await untilNoUpstreamConnections(), 0);
  });
});

describe('inside Fastify', () => {
  let app: FastifyInstance;
  let base: string;

  before(async () => {
    app = Fastify({ trustProxy: true });
    await app.register(otpFlowFastify, { prefix: '/otp', ...options() });
    app.get('/hello', async () => 'hello from fastify');
    // Outside the plugin's scope the app still parses JSON itself.
    app.post('/echo', async (request) => ({ echoed: request.body }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('serves send and verify under its prefix, counts the body bytes itself, and leaves the app its routes', async () => {
    await walk(`${base}/otp`, { url: `${base}/hello`, expect: 'hello from fastify' });
    const echo = await post(`${base}/echo`, JSON.stringify({ a: 1 }));
    assert.deepEqual(echo.json, { echoed: { a: 1 } });
    assert.equal((await fetch(`${base}/otp/elsewhere`)).status, 404);
    // Fastify trusts X-Forwarded-For here: the proxy does not follow, and says so once.
    for (const address of ['198.51.100.1', '198.51.100.2']) {
      await post(`${base}/otp/send`, JSON.stringify({ msisdn: 'not a number' }), { 'content-type': 'application/json', 'x-forwarded-for': address });
    }
    assert.equal(logs.filter((l) => l.includes('config.trust_proxy_differs') && l.includes('Fastify')).length, 1);
  });

  it('closes its pool to Offer18 with the app', async () => {
    assert.ok((await upstreamConnections()) > 0);
    await app.close();
    assert.equal(await untilNoUpstreamConnections(), 0);
  });
});

describe('inside Hono', () => {
  let server: Server;
  let base: string;
  let proxy: ReturnType<typeof createNodeProxy>;

  before(async () => {
    proxy = createNodeProxy(options());
    const app = new Hono();
    app.all('/otp/*', (c) => proxy(c.req.raw, { remoteAddress: getConnInfo(c).remote.address }));
    app.get('/hello', (c) => c.text('hello from hono'));
    server = await new Promise<Server>((resolve) => {
      const s = honoServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  it('serves send and verify through the fetch handler, with the client address from the socket', async () => {
    await walk(`${base}/otp`, { url: `${base}/hello`, expect: 'hello from hono' });
    assert.equal((await fetch(`${base}/otp/elsewhere`)).status, 404);
  });

  it('closes its pool to Offer18 when closed', async () => {
    await new Promise((r) => server.close(r));
    server.closeAllConnections();
    assert.ok((await upstreamConnections()) > 0);
    await proxy.close();
    assert.equal(await untilNoUpstreamConnections(), 0);
  });
});
