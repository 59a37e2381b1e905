/**
 * The Node side of a conformance run: the Offer18 simulator on a loopback
 * port (the upstream every runtime calls) and a control server next to it.
 *
 * The control server tells the cases what reached the simulator (the
 * simulator's own control routes report only the inbox), answers at
 * `/echo/…` as an upstream that quotes each request back, and holds a proxy
 * built the way `otp-flow serve` builds it (node:crypto, undici) with the
 * same secret, so sessions can be sealed on Node and opened elsewhere, and
 * the reverse. One per runtime, so runtimes can run side by side.
 */
import { createServer } from 'node:net';
import { createOtpProxy } from '../../src/proxy/index.js';
import { createUndiciTransport, nodeSessionCrypto, serve } from '../../src/adapters/node.js';
import { Offer18Simulator, startSimulator } from '../../src/simulator/index.js';
import type { ConformanceConfig } from './cases.js';
import { adoptingStore } from './adopting-store.js';

export interface NodeSide {
  config: ConformanceConfig;
  sim: Offer18Simulator;
  /** What the simulator printed and the Node proxy logged. */
  logs: string[];
  close(): Promise<void>;
}

/** A loopback port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startNodeSide(runtime: string): Promise<NodeSide> {
  const logs: string[] = [];
  // Distinctive enough that finding it anywhere is proof of a leak.
  const key = `k3y-${crypto.randomUUID()}`;
  const secret = `conformance-secret-${crypto.randomUUID()}`;
  const credentials = { key, aid: '1234', mid: '5678' };
  const sim = new Offer18Simulator({ credentials, print: (line) => logs.push(line) });
  const upstream = await startSimulator(sim);
  const transport = createUndiciTransport();
  const nodeProxy = createOtpProxy({
    offer18: { ...credentials, partner: 'acme', userId: 'u-42', apiBase: upstream.apiBase },
    sessionSecret: secret,
    crypto: nodeSessionCrypto,
    transport,
    logger: (entry) => logs.push(JSON.stringify(entry)),
    numberLimit: 1_000,
    resendAfter: 0,
    verifies: adoptingStore(),
  });
  const call = (path: string, body: unknown) =>
    nodeProxy(new Request(`http://127.0.0.1/otp/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

  const control = await serve(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path === '/calls') {
      return Response.json({
        // The key stays here: a case only needs to know it was sent.
        calls: sim.calls.map(({ endpoint, method, params: { key: sent, ...params } }) => ({ endpoint, method, params, keyOk: sent === key })),
        inbox: sim.inbox.map(({ to, code, requestId }) => ({ to, code, requestId })),
      });
    }
    if (path.startsWith('/echo/')) {
      // An upstream whose refusals quote the request, key included, as careless APIs do.
      return Response.json({ status: '400', error: `rejected ${request.method} ${request.url}` });
    }
    if (request.method === 'POST' && path === '/node/seal') {
      const { msisdn } = (await request.json()) as { msisdn: string };
      const reply = await call('send', { msisdn });
      if (reply.status !== 200) return new Response(await reply.text(), { status: 500 });
      const { session } = (await reply.json()) as { session: string };
      return Response.json({ session, code: sim.lastCode() });
    }
    if (request.method === 'POST' && path === '/node/verify') {
      const reply = await call('verify', await request.json());
      return Response.json({ status: reply.status, json: await reply.json() });
    }
    return new Response('not found', { status: 404 });
  });

  return {
    config: { runtime, apiBase: upstream.apiBase, control: control.url, ...credentials, secret, deadPort: await closedPort() },
    sim,
    logs,
    close: async () => {
      await control.close();
      await upstream.close();
      await transport.close();
    },
  };
}
