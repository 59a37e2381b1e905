import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import { DOCUMENTED_VARIANTS, type SimulatorFault } from '../../src/simulator/index.js';
import { createOffer18Client, REQUEST_ID_MAX_CHARS } from '../../src/proxy/offer18.js';
import { PROXY_DEFAULTS } from '../../src/proxy/config.js';

describe('Offer18 reply variants', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const variant of DOCUMENTED_VARIANTS) {
    it(`walks send → wrong code → verify with ${JSON.stringify(variant)}`, async () => {
      h.sim.reset();
      h.sim.setVariant(variant);
      const { session, code } = await h.sendCode();
      const wrong = await h.post('/otp/verify', { session, otp: code === '000000' ? '111111' : '000000' });
      assertError(wrong, 422, 'otp_invalid');
      assert.equal(wrong.json.attemptsLeft, 4);
      const right = await h.post('/otp/verify', { session, otp: code });
      assert.equal(right.status, 200, right.text);
      assert.deepEqual(right.json, { ok: true, verified: true });

      const verify = h.sim.calls.filter((c) => c.endpoint === 'otp_verify').at(-1)!;
      assert.equal(verify.method, 'POST');
      assert.equal(verify.params.msisdn, '971501234567');
      assert.equal(verify.params.otp, code);
      assert.equal(verify.params.partner, 'acme');
      assert.equal(verify.params.userId, 'u-42');
      // The requestId travels in the session token, not through the browser.
      const issued = h.sim.inbox.at(-1)!.requestId;
      assert.equal(verify.params.request_id, issued ?? '');
    });
  }

  it('accepts a code with spaces or in Arabic-Indic digits', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    const arabic = [...code].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
    const reply = await h.post('/otp/verify', { session, otp: ` ${arabic.slice(0, 3)} ${arabic.slice(3)} ` });
    assert.equal(reply.status, 200, reply.text);
  });

  it('refuses a malformed code without an upstream call', async () => {
    h.sim.reset();
    const { session } = await h.sendCode();
    for (const otp of ['12', 'abcdef', '123456789', '12.34']) {
      assertError(await h.post('/otp/verify', { session, otp }), 400, 'otp_malformed');
    }
    assert.equal(h.sim.calls.filter((c) => c.endpoint === 'otp_verify').length, 0);
  });

});

describe('a requestId', () => {
  const generate = async (data: unknown) => {
    const client = createOffer18Client(PROXY_DEFAULTS.offer18, async () => ({ status: 200, body: JSON.stringify({ status: '200', response: 'otp_sent', data }) }));
    return (await client.generate('971501234567')).requestId;
  };

  it('is kept as given when the session token can carry it: printable ASCII, at most 256 characters', async () => {
    assert.equal(await generate('6a1b00f3fa55a0c9e7d5567a'), '6a1b00f3fa55a0c9e7d5567a');
    assert.equal(await generate({ requestId: 123456 }), '123456');
    assert.equal(await generate(` ${'"\\ ~'.repeat(REQUEST_ID_MAX_CHARS / 4)} `), '"\\ ~'.repeat(REQUEST_ID_MAX_CHARS / 4).trim());
  });

  it('is left out, as a missing one is, when it could make the token too long', async () => {
    for (const data of ['x'.repeat(REQUEST_ID_MAX_CHARS + 1), 'id\u0000', 'id\n2', 'идентификатор', '']) assert.equal(await generate(data), undefined, JSON.stringify(data));
  });
});

describe('optional upstream parameters', () => {
  it('sends type when configured and leaves out userId when not', async () => {
    const h = await startHarness({ offer18: { type: 'subscription', userId: undefined } });
    try {
      await h.sendCode();
      const params = h.sim.calls[0]!.params;
      assert.equal(params.type, 'subscription');
      assert.equal('userId' in params, false);
    } finally {
      await h.close();
    }
  });
});

describe('Offer18 faults', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: {} });
  });
  after(() => h.close());

  const faults: Array<[SimulatorFault, number, string]> = [
    ['html_500', 502, 'upstream_unavailable'],
    ['json_503', 502, 'upstream_unavailable'],
    ['non_json', 502, 'upstream_bad_reply'],
    ['truncated_json', 502, 'upstream_bad_reply'],
    ['wrong_shape', 502, 'upstream_bad_reply'],
    ['unknown_response', 502, 'upstream_bad_reply'],
    ['invalid_credentials', 502, 'upstream_rejected'],
    ['redirect', 502, 'upstream_bad_reply'],
    ['reset', 502, 'upstream_unavailable'],
  ];
  for (const [fault, status, code] of faults) {
    it(`turns ${fault} on send into ${status} ${code}, calls once, and stays healthy`, async () => {
      h.sim.reset();
      h.sim.setFault(fault);
      assertError(await h.post('/otp/send', { msisdn: '+971501234567' }), status, code);
      // A generate is never retried: each one may send an SMS and records a click.
      assert.equal(h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length, 1);
      h.sim.setFault('none');
      const ok = await h.post('/otp/send', { msisdn: '+971501234567' });
      assert.equal(ok.status, 200);
    });

    it(`turns ${fault} on verify into ${status} ${code} and leaves the session usable`, async () => {
      h.sim.reset();
      const { session, code: otp } = await h.sendCode();
      h.sim.setFault(fault, { endpoint: 'otp_verify' });
      assertError(await h.post('/otp/verify', { session, otp }), status, code);
      h.sim.setFault('none');
      const ok = await h.post('/otp/verify', { session, otp });
      assert.equal(ok.status, 200, ok.text);
    });
  }

  it('logs what the upstream said for the operator, never for the user', async () => {
    h.sim.reset();
    h.sim.setFault('invalid_credentials');
    const reply = await h.post('/otp/send', { msisdn: '+971501234567' });
    assert.ok(!reply.text.includes('invalid_user_credentials'));
    assert.ok(h.logs.some((l) => l.includes('invalid_user_credentials') && l.includes('request.failed')));
  });
});

describe('Offer18 timeouts', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ offer18: { timeoutMs: 300 } });
  });
  after(() => h.close());

  it('turns a hanging generate into 504 upstream_timeout after the configured timeout, then recovers', async () => {
    h.sim.setFault('hang');
    const started = Date.now();
    assertError(await h.post('/otp/send', { msisdn: '+971501234567' }), 504, 'upstream_timeout');
    assert.ok(Date.now() - started < 5_000, 'answered within a few seconds, not at the socket timeout');
    assert.equal(h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length, 1);
    h.sim.setFault('none');
    assert.equal((await h.post('/otp/send', { msisdn: '+971501234567' })).status, 200);
  });

  it('turns a slow verify into 504 and lets the user try the same code again', async () => {
    h.sim.reset();
    const { session, code } = await h.sendCode();
    h.sim.setFault('slow', { endpoint: 'otp_verify', delayMs: 2_000 });
    assertError(await h.post('/otp/verify', { session, otp: code }), 504, 'upstream_timeout');
    h.sim.setFault('none');
    assert.equal((await h.post('/otp/verify', { session, otp: code })).status, 200);
  });

  it('turns an unreachable upstream into 502 upstream_unavailable', async () => {
    const dead = await startHarness({ offer18: { apiBase: 'http://127.0.0.1:9/api/af' } });
    try {
      assertError(await dead.post('/otp/send', { msisdn: '+971501234567' }), 502, 'upstream_unavailable');
    } finally {
      await dead.close();
    }
  });
});
