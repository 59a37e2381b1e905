/**
 * Which pages may use the proxy is decided by the configured origins, never
 * by the client-controlled `Host`: DNS rebinding, absolute-form targets and
 * forged hosts are refused; a reverse proxy that rewrites `Host` to loopback
 * (nginx's default) still works.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'undici';
import { Agent, postRaw } from '../helpers/load.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { startCli } from '../../support/cli.js';

const SEND = JSON.stringify({ msisdn: '+971501234567' });
const gens = (h: Harness) => h.sim.calls.filter((c) => c.endpoint === 'otp_gen').length;

/** A request with any Host and Origin, the way a non-browser (or a rebound browser) sends it. */
async function post(dispatcher: Agent, h: Harness, headers: Record<string, string>) {
  return postRaw(dispatcher, `${h.url}/otp/send`, SEND, { 'content-type': 'application/json', ...headers });
}

/** Absolute-form request target, written on a raw socket. */
function absoluteForm(h: Harness, target: string, headers: Record<string, string>): Promise<string> {
  const { port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      const lines = [`POST ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'content-type: application/json', `content-length: ${SEND.length}`, 'connection: close', '', SEND];
      socket.write(lines.join('\r\n'));
    });
    let reply = '';
    socket.on('data', (d) => (reply += d));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('with OTP_PUBLIC_ORIGIN set', () => {
  let h: Harness;
  let dispatcher: Agent;
  before(async () => {
    h = await startHarness({ proxy: { publicOrigins: 'https://landing.example', allowedOrigins: 'https://partner.example' } });
    dispatcher = new Agent();
  });
  after(async () => {
    await dispatcher.close();
    await h.close();
  });

  it('serves its own page, whether the reverse proxy passes Host on (Caddy) or rewrites it to loopback (nginx’s default)', async () => {
    for (const host of ['landing.example', '127.0.0.1:8787', 'localhost']) {
      const reply = await post(dispatcher, h, { host, origin: 'https://landing.example' });
      assert.equal(reply.status, 200, `Host ${host}: ${reply.text}`);
    }
  });

  it('serves a listed partner site, with CORS', async () => {
    const reply = await post(dispatcher, h, { host: 'landing.example', origin: 'https://partner.example' });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['access-control-allow-origin'], 'https://partner.example');
  });

  it('refuses a DNS-rebound page: its Origin and Host both name the attacker', async () => {
    h.sim.reset();
    const reply = await post(dispatcher, h, { host: 'evil.example', origin: 'http://evil.example' });
    assert.equal(reply.status, 421);
    assert.equal(reply.body.error, 'misdirected_request');
    assert.equal(gens(h), 0);
  });

  it('refuses a host it does not serve, even with an Origin that looks local', async () => {
    h.sim.reset();
    const misdirected = await post(dispatcher, h, { host: 'evil.example', origin: 'http://localhost' });
    assert.equal(misdirected.status, 421);
    const local = await post(dispatcher, h, { host: '127.0.0.1', origin: 'http://localhost' });
    assert.equal(local.status, 403);
    assert.equal(local.body.error, 'origin_forbidden');
    assert.equal(gens(h), 0);
  });

  it('refuses an absolute-form request target naming another host', async () => {
    h.sim.reset();
    const reply = await absoluteForm(h, 'http://evil.example/otp/send', { host: 'landing.example', origin: 'http://evil.example' });
    assert.match(reply, /^HTTP\/1\.1 421 /);
    assert.match(reply, /"error":"misdirected_request"/);
    const own = await absoluteForm(h, 'http://landing.example/otp/send', { host: 'evil.example', origin: 'https://landing.example' });
    assert.match(own, /^HTTP\/1\.1 200 /, 'the target’s own host counts, not Host');
    assert.equal(gens(h), 1);
  });

  it('still answers /healthz for any host: platforms probe by address', async () => {
    const reply = await request(`${h.url}/healthz`, { dispatcher, headers: { host: '10.0.0.7:8787' } });
    assert.equal(reply.statusCode, 200);
    await reply.body.text();
  });
});

describe('with no origin configured', () => {
  let h: Harness;
  let dispatcher: Agent;
  before(async () => {
    h = await startHarness();
    dispatcher = new Agent();
  });
  after(async () => {
    await dispatcher.close();
    await h.close();
  });

  it('serves pages on this machine only', async () => {
    h.sim.reset();
    for (const origin of [h.url, 'http://localhost:5173', 'http://[::1]:8080']) {
      assert.equal((await post(dispatcher, h, { origin })).status, 200, origin);
    }
    const rebound = await post(dispatcher, h, { host: `evil.example:${new URL(h.url).port}`, origin: `http://evil.example:${new URL(h.url).port}` });
    assert.equal(rebound.status, 421);
    const foreign = await post(dispatcher, h, { origin: 'https://landing.example' });
    assert.equal(foreign.status, 403);
    assert.equal(gens(h), 3);
  });

  it('says so at start: by the option to an app that gave options, by the variable in serve’s log and on its terminal', async () => {
    const given = h.logs.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.event === 'config.public_origin_unset');
    assert.match(given?.message, /^publicOrigins is not set, so only pages on this machine can use the proxy/);
    assert.doesNotMatch(h.logs.join('\n'), /OTP_[A-Z_]+ is/, 'the core names no environment variable to an app that gave it options');
    const app = await startCli(['serve'], { env: { OFFER18_KEY: 'k-origins', OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p', OTP_COUNTRIES: 'AE', PORT: '0' } });
    try {
      const warning = /WARNING: (OTP_PUBLIC_ORIGIN is not set, so only pages on this machine can use the proxy.*)/.exec(app.output());
      assert.ok(warning, app.output());
      const logged = app.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.event === 'config.public_origin_unset');
      assert.equal(logged?.message, warning[1], 'the terminal and the log say it in the same words, from one list');
    } finally {
      await app.stop();
    }
  });
});
