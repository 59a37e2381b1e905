/** The simulator's `/challenge` control: the demo switches OTP_CHALLENGE on the running proxy, in simulation only. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONTROL_PREFIX, createSimulatedApp, type SimulatedApp } from '../../src/simulator/index.js';

describe('the simulator switches OTP_CHALLENGE', () => {
  let app: SimulatedApp;
  before(async () => {
    app = await createSimulatedApp({ print: () => {}, proxy: { logger: () => {}, challenge: 'off' } });
  });
  after(() => app.close());

  const call = async (path: string, body?: unknown) => {
    const response = await app.fetch(
      new Request(`http://127.0.0.1${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      { remoteAddress: '127.0.0.1' },
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  let n = 0;
  const send = () => call('/otp/send', { msisdn: `05012345${String(n++).padStart(2, '0')}`, country: 'AE' });

  it('asks every send for a proof of work once switched to always, none once off, and /reset puts back the mode it started with', async () => {
    assert.deepEqual((await call(`${CONTROL_PREFIX}/challenge`)).json, { ok: true, challenge: 'off' });
    assert.equal((await send()).status, 200);

    assert.deepEqual((await call(`${CONTROL_PREFIX}/challenge`, { challenge: 'always' })).json, { ok: true, challenge: 'always' });
    const asked = await send();
    assert.equal(asked.status, 428);
    assert.equal(asked.json.error, 'challenge_required');
    assert.ok(asked.json.challenge, 'with the challenge');

    for (const bad of [{ challenge: 'sometimes' }, { challenge: 'off', extra: 1 }, 'always']) {
      const refused = await call(`${CONTROL_PREFIX}/challenge`, bad);
      assert.equal(refused.status, 400, JSON.stringify(bad));
      assert.equal(refused.json.error, 'invalid_request');
    }
    assert.equal((await call(`${CONTROL_PREFIX}/challenge`)).json.challenge, 'always', 'a refused switch changes nothing');

    await call(`${CONTROL_PREFIX}/reset`, {});
    assert.equal((await call(`${CONTROL_PREFIX}/challenge`)).json.challenge, 'off');
    assert.equal((await send()).status, 200);
  });
});
