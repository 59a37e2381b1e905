/**
 * SMS pumping under the default configuration: non-geographic ranges, IPv6
 * networks with many /64s, and the resend wait enforced on the server.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startHarness } from '../helpers/harness.js';
import { burst, tally } from '../helpers/load.js';
import { startCli } from '../../support/cli.js';

const gens = (h: { sim: { calls: Array<{ endpoint: string }> } }) => h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length;

describe('non-geographic ranges', () => {
  // Satellite (+881 Iridium/Globalstar, +870 Inmarsat): valid mobiles to libphonenumber, and no country's.
  const satellite = ['+881631234567', '+870773123456'];

  it('refuses them with every country open, before Offer18', async () => {
    const h = await startHarness();
    try {
      for (const msisdn of satellite) {
        const reply = await h.post('/otp/send', { msisdn });
        assertError(reply, 400, 'country_not_allowed');
        assert.equal(reply.json.field, 'msisdn');
      }
      assert.equal(gens(h), 0);
      assert.equal((await h.post('/otp/send', { msisdn: '+971501234567' })).status, 200, 'geographic numbers are still open');
    } finally {
      await h.close();
    }
  });

  it('lets one in when OTP_COUNTRIES names its calling code', async () => {
    const h = await startHarness({ proxy: { countries: 'AE,+881' } });
    try {
      assert.equal((await h.post('/otp/send', { msisdn: '+881631234567' })).status, 200);
      assertError(await h.post('/otp/send', { msisdn: '+870773123456' }), 400, 'country_not_allowed');
      assert.equal(gens(h), 1);
    } finally {
      await h.close();
    }
  });
});

describe('IPv6 networks', () => {
  it('gives one /48 a budget of its own: its 65,536 /64s cannot each spend a full client budget', async () => {
    const h = await startHarness({ proxy: { clientLimit: 20, networkLimit: 50, numberLimit: 3, hourlyLimit: 10_000, trustProxy: 1 } });
    try {
      // 80 sends, each from a different /64 of one /48, each to its own number.
      const outcomes = await burst(() => `${h.url}/otp/send`, 80, (i) => ({ msisdn: `+97150${String(4_000_000 + i)}` }), {
        headers: (i) => ({ 'x-forwarded-for': `2001:db8:77:${i.toString(16)}::1` }),
      });
      assert.deepEqual(tally(outcomes), { '200': 50, '429 rate_limited': 30 });
      // Another /48 is not affected.
      const other = await h.post('/otp/send', { msisdn: '+971509990001' }, { headers: { 'x-forwarded-for': '2001:db8:78::1' } });
      assert.equal(other.status, 200);
    } finally {
      await h.close();
    }
  });
});

describe('the resend wait', () => {
  it('refuses a second send to the same number inside OTP_RESEND_AFTER with 429 and the time left', async () => {
    let clock = Date.now();
    const h = await startHarness({ proxy: { resendAfter: 30, numberLimit: 3, now: () => clock } });
    try {
      assert.equal((await h.post('/otp/send', { msisdn: '+971501234567' })).status, 200);
      clock += 12_000;
      // Any spelling of the same number, from anywhere.
      const early = await h.post('/otp/send', { msisdn: '0501234567', country: 'AE' }, { headers: { 'x-forwarded-for': '198.51.100.1' } });
      assertError(early, 429, 'resend_too_soon');
      assert.equal(early.json.retryAfter, 18);
      assert.equal(early.headers.get('retry-after'), '18');
      assert.equal((await h.post('/otp/send', { msisdn: '+971501234568' })).status, 200, 'another number is not held up');
      clock += 18_000;
      assert.equal((await h.post('/otp/send', { msisdn: '+971501234567' })).status, 200);
      assert.equal(gens(h), 3);
    } finally {
      await h.close();
    }
  });

  it('lets at most one of 50 concurrent sends to one number through', async () => {
    const h = await startHarness({ proxy: { resendAfter: 30, numberLimit: 3 } });
    try {
      const outcomes = await burst(() => `${h.url}/otp/send`, 50, () => ({ msisdn: '+971502223344' }));
      assert.deepEqual(tally(outcomes), { '200': 1, '429 resend_too_soon': 49 });
      assert.equal(gens(h), 1);
    } finally {
      await h.close();
    }
  });
});

describe('otp-flow serve without OTP_COUNTRIES', () => {
  it('says loudly at start that every country is open, and not when countries are set', async () => {
    const env = { OFFER18_KEY: 'k-pumping', OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p', PORT: '0' };
    const open = await startCli(['serve'], { env });
    try {
      assert.match(open.output(), /WARNING: OTP_COUNTRIES is not set, so numbers from EVERY COUNTRY reach Offer18/);
      assert.match(open.output(), /"level":"warn","event":"config\.countries_open"/);
    } finally {
      await open.stop();
    }
    const closed = await startCli(['serve'], { env: { ...env, OTP_COUNTRIES: 'AE' } });
    try {
      assert.doesNotMatch(closed.output(), /EVERY COUNTRY|countries_open/);
    } finally {
      await closed.stop();
    }
  });
});
