import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { Agent } from 'undici';
import { createOtpProxy } from '../../src/proxy/index.js';
import { serve } from '../../src/adapters/node.js';
import { ROOMY_LIMITS, TEST_SECRET } from '../helpers/harness.js';
import { Offer18Simulator, startSimulator } from '../../src/simulator/index.js';

const SOCKETS = 200;
/** The Node adapter's default; the test uses the defaults a deployment gets. */
const HEADERS_TIMEOUT_MS = 10_000;

describe('slow-header clients', () => {
  it(`drops ${SOCKETS} slowloris sockets within the headers timeout while a normal client is served`, { timeout: 40_000 }, async () => {
    const sim = new Offer18Simulator({ print: () => {} });
    const upstream = await startSimulator(sim);
    const { key, aid, mid } = sim.credentials;
    const server = await serve(
      createOtpProxy({ offer18: { key, aid, mid, partner: 'p', apiBase: upstream.apiBase }, sessionSecret: TEST_SECRET, logger: () => {}, ...ROOMY_LIMITS }),
    );
    const { port } = server;
    const sockets: Socket[] = [];
    const closedAfter: number[] = [];
    const answeredAfter: number[] = [];
    const timers: NodeJS.Timeout[] = [];
    try {
      const opened = Date.now();
      await Promise.all(
        Array.from(
          { length: SOCKETS },
          () =>
            new Promise<void>((resolve, reject) => {
              const socket = connect(port, '127.0.0.1', () => {
                socket.write('POST /otp/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
                // One more header line every 2 s, never the blank line that ends them.
                timers.push(setInterval(() => socket.writable && socket.write(`X-Slow-${Date.now()}: 1\r\n`), 2_000));
                resolve();
              });
              socket.on('error', () => {});
              socket.on('close', () => closedAfter.push(Date.now() - opened));
              // Reading is what lets the client see the server's 408 and FIN; an unread socket lingers on our side.
              socket.once('data', () => answeredAfter.push(Date.now() - opened));
              socket.once('error', reject);
              sockets.push(socket);
            }),
        ),
      );

      // Meanwhile, a person gets answers.
      let served = 0;
      const deadline = Date.now() + HEADERS_TIMEOUT_MS + 5_000;
      while (closedAfter.length < SOCKETS && Date.now() < deadline) {
        const reply = await fetch(`http://127.0.0.1:${port}/otp/send`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ msisdn: '+971501234567' }),
          signal: AbortSignal.timeout(2_000),
        });
        assert.equal(reply.status, 200);
        served++;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(closedAfter.length, SOCKETS, `${SOCKETS - closedAfter.length} slow sockets still open after ${HEADERS_TIMEOUT_MS + 5_000} ms`);
      const slowest = Math.max(...closedAfter);
      assert.ok(slowest <= HEADERS_TIMEOUT_MS + 3_000, `slowest dropped after ${slowest} ms (408 sent after ${Math.min(...answeredAfter)}–${Math.max(...answeredAfter)} ms)`);
      assert.ok(served >= 10, `the normal client was served ${served} times meanwhile`);
    } finally {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await server.close();
      await upstream.close();
    }
  });
});

describe('slow-body clients and one address holding the cap', () => {
  /** A proxy on `serve` with a cap of 16, and an upstream that can be made slow. */
  async function start() {
    const sim = new Offer18Simulator({ print: () => {} });
    const upstream = await startSimulator(sim);
    const { key, aid, mid } = sim.credentials;
    const server = await serve(
      createOtpProxy({ offer18: { key, aid, mid, partner: 'p', apiBase: upstream.apiBase }, sessionSecret: TEST_SECRET, logger: () => {}, ...ROOMY_LIMITS }),
      { maxConnections: 16 },
    );
    return { sim, server, close: async () => (await server.close(), await upstream.close()) };
  }

  /** Opens a socket from `localAddress` that sends a POST's headers and one byte of its 100-byte body, then waits. */
  function stalledBody(port: number, localAddress: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', localAddress }, () => {
        socket.write('POST /otp/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
        resolve(socket);
      });
      socket.on('error', () => {});
      socket.once('error', reject);
    });
  }

  async function healthz(port: number): Promise<number> {
    const started = Date.now();
    const reply = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    assert.equal(reply.status, 200);
    return Date.now() - started;
  }

  it('sheds sockets stalled mid-body like idle ones: 16 of them from 16 addresses do not keep /healthz out', { timeout: 20_000 }, async () => {
    const { server, close } = await start();
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 16; i++) sockets.push(await stalledBody(server.port, `127.0.1.${i + 1}`));
      // Each is a request whose headers are in: the server holds all 16 as requests in progress.
      await new Promise((r) => setTimeout(r, 200));
      const took = await healthz(server.port);
      assert.ok(took < 1_000, `/healthz answered after ${took} ms`);
    } finally {
      for (const s of sockets) s.destroy();
      await close();
    }
  });

  it('gives a body that does not arrive its own short deadline: 400 within seconds, not the 15 s request timeout', { timeout: 20_000 }, async () => {
    const { server, close } = await start();
    try {
      const socket = await stalledBody(server.port, '127.0.2.1');
      const started = Date.now();
      const reply = await new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (d) => (text += d));
        socket.on('close', () => resolve(text));
      });
      const took = Date.now() - started;
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.match(reply, /"error":"invalid_request"/);
      assert.match(reply, /did not arrive in time/);
      assert.ok(took < 7_000, `answered and closed after ${took} ms`);
    } finally {
      await close();
    }
  });

  it('lets one client address hold a quarter of the cap at most, even with every request really in progress', { timeout: 30_000 }, async () => {
    const { sim, server, close } = await start();
    const agents: Agent[] = [];
    try {
      // Offer18 takes 3 s: each send from this address is busy, not stalled, for that long.
      sim.setFault('slow', { endpoint: 'otp_gen', delayMs: 3_000 });
      const one = new Agent({ localAddress: '127.0.3.1', connections: 32, pipelining: 0 });
      agents.push(one);
      const flood = Array.from({ length: 16 }, (_, i) =>
        one
          .request({ origin: server.url, path: '/otp/send', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msisdn: `+9715012300${String(i).padStart(2, '0')}` }) })
          .then((r) => r.statusCode, () => 'refused'),
      );
      await new Promise((r) => setTimeout(r, 500));
      const took = await healthz(server.port);
      assert.ok(took < 1_000, `/healthz from another address answered after ${took} ms`);
      const outcomes = await Promise.all(flood);
      assert.equal(outcomes.filter((o) => o === 200).length, 4, `the address got its share: ${outcomes.join(' ')}`);
      assert.equal(sim.calls.length, 4);
    } finally {
      await Promise.all(agents.map((a) => a.close()));
      await close();
    }
  });
});
