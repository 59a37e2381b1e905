import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, TEST_KEY, type Harness } from '../helpers/harness.js';

describe('POST /otp/send', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const spellings: Array<[string, string | undefined]> = [
    ['+971 50 123 4567', undefined],
    ['00971501234567', undefined],
    ['971501234567', undefined],
    ['050 123 4567', 'AE'],
    ['٠٥٠١٢٣٤٥٦٧', 'AE'],
  ];
  for (const [msisdn, country] of spellings) {
    it(`sends ${JSON.stringify(msisdn)}${country ? ` (country ${country})` : ''} upstream as 971501234567 with the fixed parameters`, async () => {
      h.sim.reset();
      const reply = await h.post('/otp/send', country ? { msisdn, country } : { msisdn });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json.ok, true);
      assert.equal(typeof reply.json.session, 'string');
      assert.equal(reply.json.resendAfter, 0, 'the harness turns the resend wait off');
      assert.equal(reply.json.msisdn, '+971501234567');
      assert.equal(h.sim.calls.length, 1);
      const call = h.sim.calls[0]!;
      assert.equal(call.endpoint, 'otp_gen');
      assert.equal(call.method, 'POST');
      assert.deepEqual(call.params, {
        key: TEST_KEY,
        aid: '1234',
        mid: '5678',
        msisdn: '971501234567',
        partner: 'acme',
        userId: 'u-42',
      });
      assert.equal(h.sim.inbox.at(-1)?.to, '971501234567');
    });
  }

  it('answers with JSON and no-store caching', async () => {
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' });
    assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
  });

  const refusals: Array<[string, unknown, number, string]> = [
    ['an invalid number', { msisdn: '12345' }, 400, 'msisdn_invalid'],
    ['a landline', { msisdn: '04 234 5678', country: 'AE' }, 400, 'msisdn_not_mobile'],
    ['an unknown country', { msisdn: '0501234567', country: 'ZZ' }, 400, 'country_invalid'],
    ['a missing msisdn', { country: 'AE' }, 400, 'invalid_request'],
    ['an empty msisdn', { msisdn: '' }, 400, 'invalid_request'],
    ['a numeric msisdn', { msisdn: 971501234567 }, 400, 'invalid_request'],
    ['an array body', [{ msisdn: '+971501234567' }], 400, 'invalid_request'],
    ['a null body', null, 400, 'invalid_request'],
    ['unknown fields', { msisdn: '+971501234567', key: 'x' }, 400, 'invalid_request'],
    ['a 3-letter country', { msisdn: '0501234567', country: 'ARE' }, 400, 'invalid_request'],
    ['an overlong msisdn', { msisdn: '1'.repeat(65) }, 400, 'invalid_request'],
  ];
  for (const [what, body, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code} and no upstream call`, async () => {
      h.sim.reset();
      assertError(await h.post('/otp/send', body), status, code);
      assert.equal(h.sim.calls.length, 0);
    });
  }

  it('names the field at fault', async () => {
    const reply = await h.post('/otp/send', { msisdn: 5 });
    assert.equal(reply.json.field, 'msisdn');
  });

  it('refuses bad JSON with 400 invalid_json', async () => {
    h.sim.reset();
    assertError(await h.post('/otp/send', '{"msisdn": ', { raw: true }), 400, 'invalid_json');
    assertError(await h.post('/otp/send', '', { raw: true }), 400, 'invalid_json');
    assert.equal(h.sim.calls.length, 0);
  });

  it('refuses other content types with 415', async () => {
    h.sim.reset();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await h.request('/otp/send', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'msisdn=%2B971501234567',
      });
      assertError(reply, 415, 'unsupported_media_type');
    }
    assertError(await h.request('/otp/send', { method: 'POST', body: '{}' }), 415, 'unsupported_media_type');
    assert.equal(h.sim.calls.length, 0);
  });

  it('accepts application/json with a charset', async () => {
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { 'content-type': 'application/json; charset=utf-8' } });
    assert.equal(reply.status, 200);
  });

  it('refuses bodies over 4 KiB with 413, declared or streamed', async () => {
    h.sim.reset();
    const big = JSON.stringify({ msisdn: '+971501234567', pad: 'x'.repeat(5000) });
    assertError(await h.post('/otp/send', big, { raw: true }), 413, 'payload_too_large');
    // Chunked, no Content-Length: counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const reply = await h.request('/otp/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assertError(reply, 413, 'payload_too_large');
    assert.equal(h.sim.calls.length, 0);
  });

  it('counts bytes, not characters', async () => {
    // 1,500 three-byte characters: 4,500 bytes in 1,500 characters.
    const reply = await h.post('/otp/send', JSON.stringify({ msisdn: '€'.repeat(1500) }), { raw: true });
    assertError(reply, 413, 'payload_too_large');
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const reply = await h.request('/otp/send');
    assertError(reply, 405, 'method_not_allowed');
    assert.equal(reply.headers.get('allow'), 'POST, OPTIONS');
  });

  it('answers unknown paths with a JSON 404', async () => {
    assertError(await h.request('/nope'), 404, 'not_found');
    assertError(await h.post('/otp/sendx', {}), 404, 'not_found');
  });

  it('answers GET /healthz, and other methods there with 405 naming GET and HEAD', async () => {
    const reply = await h.request('/healthz');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json, { ok: true });
    const posted = await h.post('/healthz', {});
    assertError(posted, 405, 'method_not_allowed');
    assert.equal(posted.headers.get('allow'), 'GET, HEAD');
  });
});

describe('origins', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { allowedOrigins: 'https://landing.example,http://localhost:5173' } });
  });
  after(() => h.close());

  it('refuses a foreign origin with 403 before any upstream call', async () => {
    h.sim.reset();
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { origin: 'https://evil.example' } });
    assertError(reply, 403, 'origin_forbidden');
    assert.equal(reply.headers.get('access-control-allow-origin'), null);
    assertError(await h.post('/otp/verify', { session: 'x', otp: '1234' }, { headers: { origin: 'null' } }), 403, 'origin_forbidden');
    assert.equal(h.sim.calls.length, 0);
  });

  it('accepts the same origin', async () => {
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { origin: h.url } });
    assert.equal(reply.status, 200);
  });

  it('accepts a listed origin and says so in CORS headers', async () => {
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' }, { headers: { origin: 'https://landing.example' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('access-control-allow-origin'), 'https://landing.example');
    assert.match(reply.headers.get('vary') ?? '', /origin/i);
  });

  it('keeps CORS headers on errors for a listed origin, so the page can read the code', async () => {
    const reply = await h.post('/otp/send', { msisdn: '1' }, { headers: { origin: 'https://landing.example' } });
    assertError(reply, 400, 'msisdn_invalid');
    assert.equal(reply.headers.get('access-control-allow-origin'), 'https://landing.example');
  });

  it('answers the CORS preflight for listed origins only', async () => {
    const preflight = (origin: string) =>
      h.request('/otp/send', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight('http://localhost:5173');
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /content-type/);
    const refused = await preflight('https://evil.example');
    assertError(refused, 403, 'origin_forbidden');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });
});

describe('mount path and countries', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { basePath: '/api/phone', countries: 'AE,SA', resendAfter: 45 } });
  });
  after(() => h.close());

  it('serves the API under a configured mount path', async () => {
    const reply = await h.post('/api/phone/send', { msisdn: '+966501234567' });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.resendAfter, 45);
    assertError(await h.post('/otp/send', { msisdn: '+966501234567' }), 404, 'not_found');
  });

  it('sends only numbers of allowed countries upstream', async () => {
    h.sim.reset();
    const reply = await h.post('/api/phone/send', { msisdn: '+44 7400 123456' });
    assertError(reply, 400, 'country_not_allowed');
    assert.equal(reply.json.field, 'msisdn');
    assert.equal(h.sim.calls.length, 0);
  });
});
