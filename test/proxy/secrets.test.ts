import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOtpProxy } from '../../src/proxy/index.js';
import { nodeSessionCrypto, serve } from '../../src/adapters/node.js';
import { SIMULATOR_FAULTS } from '../../src/simulator/index.js';
import { assertError, assertNoKey, startHarness, TEST_KEY, TEST_SECRET } from '../helpers/harness.js';

describe('the key stays secret', () => {
  it('appears in no response and no log line across every outcome', async () => {
    const h = await startHarness({ offer18: { timeoutMs: 300 } });
    try {
      const { session, code } = await h.sendCode();
      await h.post('/otp/verify', { session, otp: '0000' });
      await h.post('/otp/verify', { session, otp: code });
      await h.post('/otp/verify', { session, otp: code });
      await h.post('/otp/send', { msisdn: 'nonsense' });
      await h.post('/otp/send', '{', { raw: true });
      await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { origin: 'https://evil.example' } });
      for (const fault of SIMULATOR_FAULTS) {
        h.sim.setFault(fault, { delayMs: 50 });
        await h.post('/otp/send', { msisdn: '+971501234567' });
      }
      assert.ok(h.logs.length > 10);
      for (const line of h.logs) assertNoKey('a log line', line);
    } finally {
      await h.close();
    }
  });

  it('is scrubbed from log lines in every spelling the upstream echoes it in, before anything is cut', async () => {
    const lines: string[] = [];
    // A key with the characters URLs and forms spell differently.
    const key = `Sk+9/ab c=${crypto.randomUUID()}`;
    const proxy = createOtpProxy({
      offer18: { key, aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
      sessionSecret: 'y'.repeat(32),
      logger: (entry) => lines.push(JSON.stringify(entry)),
      // An upstream that quotes the request URL (the key form-encoded in it), then the key as is, URL-encoded
      // and JSON-escaped, after padding that puts the key right where a 200-character cut would fall.
      transport: async (url) => ({
        status: 200,
        body: JSON.stringify({
          status: '400',
          error: `${'x'.repeat(190)} ${key} ${encodeURIComponent(key)} ${encodeURIComponent(key).toLowerCase()} ${url} ${JSON.stringify(key)}`,
        }),
      }),
    });
    const server = await serve(proxy);
    try {
      const response = await fetch(`${server.url}/otp/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msisdn: '+971501234567' }),
      });
      assert.equal(response.status, 502);
      assert.ok(!(await response.text()).includes(key.slice(0, 8)));
      const failed = lines.find((l) => l.includes('request.failed'))!;
      assert.ok(failed.includes('[redacted]'), 'the echoed key was scrubbed, not dropped silently');
      const keyPart = key.slice(0, 6);
      for (const line of lines) {
        for (const spelling of [key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2), keyPart, encodeURIComponent(keyPart)]) {
          assert.ok(!line.includes(spelling), `${spelling} is in ${line}`);
        }
      }
    } finally {
      await server.close();
    }
  });

  it('masks the numbers and codes Offer18 quotes in its error text', async () => {
    const lines: string[] = [];
    {
      const proxy = createOtpProxy({
        offer18: { key: TEST_KEY, aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
        sessionSecret: TEST_SECRET,
        logger: (entry) => lines.push(JSON.stringify(entry)),
        crypto: nodeSessionCrypto,
        transport: async (url) =>
          url.includes('otp_gen')
            ? { status: 200, body: JSON.stringify({ status: '200', response: 'otp_sent' }) }
            : { status: 200, body: JSON.stringify({ status: '400', error: 'invalid otp 987654 for 971501234601 (+971 50 123 4601)' }) },
      });
      const server = await serve(proxy);
      try {
        const sent = await fetch(`${server.url}/otp/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msisdn: '+971501234601' }) });
        const { session } = (await sent.json()) as { session: string };
        const reply = await fetch(`${server.url}/otp/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ session, otp: '987654' }),
        });
        assert.equal(reply.status, 422);
      } finally {
        await server.close();
      }
      const rejected = lines.find((l) => l.includes('otp.rejected'))!;
      assert.match(rejected, /invalid otp ###### for ############/, 'the operator still sees what kind of refusal it was');
      for (const line of lines) {
        for (const secret of ['987654', '971501234601', '50 123 4601']) assert.ok(!line.includes(secret), `${secret} in ${line}`);
      }
    }
  });

  it('caps what a client sends before it reaches a log line', async () => {
    const h = await startHarness({ proxy: { publicOrigins: 'https://landing.example' } });
    try {
      const origin = `https://${'a'.repeat(15_000)}.example`;
      const before = h.logs.length;
      for (let i = 0; i < 20; i++) {
        assertError(await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { origin } }), 403, 'origin_forbidden');
      }
      const written = h.logs.slice(before);
      assert.equal(written.length, 20, 'each refusal is logged');
      for (const line of written) assert.ok(line.length < 600, `a refusal logged in ${line.length} bytes`);
    } finally {
      await h.close();
    }
  });

  it('answers a crash in the proxy with a bare 500, logging the detail scrubbed', async () => {
    const lines: string[] = [];
    const proxy = createOtpProxy({
      offer18: { key: TEST_KEY, aid: '1', mid: '2', partner: 'p' },
      // The harness's secret, so its tokens open here and reach the broken store.
      sessionSecret: TEST_SECRET,
      logger: (entry) => lines.push(JSON.stringify(entry)),
      crypto: nodeSessionCrypto,
      verifies: {
        epoch: async () => 'e1',
        begin: async () => {
          throw new TypeError(`store exploded near ${TEST_KEY}`);
        },
        settle: async () => {},
      },
    });
    const server = await serve(proxy);
    const h = await startHarness();
    try {
      const { session, code } = await h.sendCode();
      const crashed = await fetch(`${server.url}/otp/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, otp: code }),
      });
      const body = await crashed.text();
      assert.equal(crashed.status, 500);
      assert.deepEqual(JSON.parse(body), { ok: false, error: 'internal_error', message: 'Something went wrong on our side.' });
      assert.ok(lines.some((l) => l.includes('request.crashed') && l.includes('store exploded')));
      for (const line of lines) assertNoKey('a log line', line);
    } finally {
      await h.close();
      await server.close();
    }
  });
});

describe('the Node adapter', () => {
  it('answers a handler that throws with 500 internal_error, never a 400 that blames the client', async () => {
    const lines: string[] = [];
    const server = await serve(
      () => {
        throw new RangeError('a bug');
      },
      { log: (entry) => lines.push(JSON.stringify(entry)) },
    );
    try {
      for (const init of [{}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }]) {
        const reply = await fetch(`${server.url}/anything`, init);
        assert.equal(reply.status, 500);
        assert.deepEqual(await reply.json(), { ok: false, error: 'internal_error', message: 'Something went wrong on our side.' });
      }
      assert.ok(lines.some((l) => l.includes('request.crashed') && l.includes('a bug')));
    } finally {
      await server.close();
    }
  });
});
