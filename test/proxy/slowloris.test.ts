import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
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
