import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOtpProxy } from '../../src/proxy/index.js';
import { serve } from '../../src/adapters/node.js';
import { SIMULATOR_FAULTS } from '../../src/simulator/index.js';
import { assertNoKey, startHarness, TEST_KEY, TEST_SECRET } from '../helpers/harness.js';

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

  it('is scrubbed from log lines even when the upstream echoes it back', async () => {
    const lines: string[] = [];
    const proxy = createOtpProxy({
      offer18: { key: TEST_KEY, aid: '1', mid: '2', partner: 'p', apiBase: 'http://upstream.invalid' },
      sessionSecret: 'y'.repeat(32),
      logger: (entry) => lines.push(JSON.stringify(entry)),
      // An upstream that quotes the request URL, key included, in its error text.
      transport: async (url) => ({ status: 200, body: JSON.stringify({ status: '400', error: `bad request ${url}` }) }),
    });
    const server = await serve(proxy);
    try {
      const response = await fetch(`${server.url}/otp/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msisdn: '+971501234567' }),
      });
      const text = await response.text();
      assert.equal(response.status, 502);
      assertNoKey('the response', text);
      assert.ok(lines.some((l) => l.includes('[redacted]')), 'the echoed key was scrubbed, not dropped silently');
      for (const line of lines) assertNoKey('a log line', line);
    } finally {
      await server.close();
    }
  });

  it('answers a crash with a bare 500, logging the detail scrubbed', async () => {
    const lines: string[] = [];
    const proxy = createOtpProxy({
      offer18: { key: TEST_KEY, aid: '1', mid: '2', partner: 'p' },
      // The harness's secret, so its tokens open here and reach the broken store.
      sessionSecret: TEST_SECRET,
      logger: (entry) => lines.push(JSON.stringify(entry)),
      store: {
        begin: async () => {
          throw new Error(`store exploded near ${TEST_KEY}`);
        },
        fail: async () => 0,
        release: async () => {},
        succeed: async () => {},
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
