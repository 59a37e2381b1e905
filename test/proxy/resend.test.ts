/**
 * The resend wait is for an SMS that may be on its way (issue 16, item 7): a
 * send Offer18 refused (a wrong key) or never got (nothing listening) leaves
 * no wait behind, so trying again is not answered by "wait 0:30"; one that may
 * have sent an SMS (a 5xx, no answer in time) keeps it; and every send that
 * reached for Offer18 still counts against the number's budget.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness, type Harness } from '../helpers/harness.js';
import type { SimulatorFault } from '../../src/simulator/index.js';

const MSISDN = '+971501234567';

describe('the resend wait after a send that failed', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ proxy: { resendAfter: 30, numberLimit: 3 }, offer18: { timeoutMs: 300 } });
  });
  after(() => h.close());

  it('is given back when Offer18 refused the send: the next one goes', async () => {
    h.sim.reset();
    h.sim.setFault('invalid_credentials', { endpoint: 'otp_gen' });
    assertError(await h.post('/otp/send', { msisdn: '+971501234561' }), 502, 'upstream_rejected');
    h.sim.setFault('none');
    const again = await h.post('/otp/send', { msisdn: '+971501234561' });
    assert.equal(again.status, 200, again.text);
    // And it started the wait of its own.
    assertError(await h.post('/otp/send', { msisdn: '+971501234561' }), 429, 'resend_too_soon');
  });

  for (const fault of ['json_503', 'hang'] satisfies SimulatorFault[]) {
    it(`stays when Offer18 may have sent the SMS (${fault})`, async () => {
      h.sim.reset();
      h.sim.setFault(fault, { endpoint: 'otp_gen' });
      const msisdn = fault === 'hang' ? '+971501234562' : '+971501234563';
      const failed = await h.post('/otp/send', { msisdn });
      assert.equal(failed.status, fault === 'hang' ? 504 : 502, failed.text);
      h.sim.setFault('none');
      assertError(await h.post('/otp/send', { msisdn }), 429, 'resend_too_soon');
    });
  }

  it('still counts refused sends against the number: they are calls to Offer18', async () => {
    h.sim.reset();
    h.sim.setFault('invalid_credentials', { endpoint: 'otp_gen' });
    for (let i = 0; i < 3; i++) assertError(await h.post('/otp/send', { msisdn: '+971501234564' }), 502, 'upstream_rejected');
    assertError(await h.post('/otp/send', { msisdn: '+971501234564' }), 429, 'rate_limited');
    assert.equal(h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length, 3);
  });
});

describe('the resend wait when Offer18 cannot be reached', () => {
  it('is given back: the next send reaches for Offer18 again, not "wait"', async () => {
    // Nothing listens on port 9: the connection is refused before anything is sent.
    const dead = await startHarness({ proxy: { resendAfter: 30 }, offer18: { apiBase: 'http://127.0.0.1:9/api/af' } });
    try {
      assertError(await dead.post('/otp/send', { msisdn: MSISDN }), 502, 'upstream_unavailable');
      assertError(await dead.post('/otp/send', { msisdn: MSISDN }), 502, 'upstream_unavailable');
    } finally {
      await dead.close();
    }
  });
});
