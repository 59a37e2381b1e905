/**
 * Prometheus metrics from a running `otp-flow serve`, scraped over HTTP on
 * their own port: what each outcome counts, Offer18's latency, the store's
 * state, and that no number, code, address or key ever shows up in them.
 */
import { campaignEnv } from '../helpers/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { runCli, startCli, type Started } from '../../support/cli.js';
import { startRedis, type TestRedis } from '../../support/redis.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { LABEL_VALUES } from '../../src/adapters/node-metrics.js';
import { postJson } from '../../support/net.js';
import { scrape, value } from '../helpers/metrics.js';

const KEY = `metrics-key-${crypto.randomUUID()}`;
const SECRET = 'metrics-secret-metrics-secret-0123456789';
const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1', mid: '2' }, print: () => {} });
let upstream: RunningSimulator;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...campaignEnv(KEY, upstream.apiBase, SECRET),
    OFFER18_TIMEOUT_MS: '1000',
    OTP_COUNTRIES: 'AE',
    OTP_NUMBER_LIMIT: '2',
    OTP_RESEND_AFTER: '0',
    // Counted outcomes of the budgets here; the shield's series are counted in its own tests.
    OTP_CHALLENGE: 'off',
    OTP_PREFIX_MIN_SENDS: '0',
    OTP_METRICS_PORT: '0',
    ...extra,
  };
}

before(async () => {
  upstream = await startSimulator(sim);
});
after(() => upstream.close());

describe('metrics on their own port', () => {
  let app: Started;
  before(async () => {
    app = await startCli(['serve'], { env: env() });
  });
  after(() => app.stop());

  it('listen on loopback, on a port of their own; the public port has no /metrics', async () => {
    const [, url] = await app.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
    const metrics = new URL(url!);
    assert.equal(metrics.hostname, '127.0.0.1');
    assert.notEqual(metrics.port, new URL(app.url).port);
    const onPublic = await fetch(`${app.url}/metrics`);
    assert.equal(onPublic.status, 404);
    assert.equal(((await onPublic.json()) as { error: string }).error, 'not_found');
    // And the metrics port serves nothing but metrics.
    const proxyThere = await fetch(`${metrics.origin}/otp/send`, { method: 'POST' });
    assert.equal(proxyThere.status, 404);
    assert.equal(((await proxyThere.json()) as { error: string }).error, 'not_found');
  });

  it('count sends and verifies by outcome and reason, and time Offer18 by endpoint', async () => {
    sim.reset();
    const before = (await scrape(app)).samples;
    assert.equal(value(before, 'otp_flow_sends_total', { outcome: 'sent' }), 0, 'the series exist before the first send');
    assert.equal(value(before, 'otp_flow_store_up', { store: 'memory' }), 1);

    const sent = await postJson(`${app.url}/otp/send`, { msisdn: '+971501234567' });
    assert.equal(sent.status, 200);
    const code = sim.lastCode()!;
    assert.equal((await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code === '000000' ? '111111' : '000000' })).status, 422);
    assert.equal((await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code })).status, 200);
    assert.equal((await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code })).status, 409);
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+1 202 555 0143' })).status, 400); // country_not_allowed
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: 'not a number' })).status, 400); // msisdn_invalid
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+971501234567' })).status, 200);
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+971501234567' })).status, 429); // number budget of 2
    sim.setFault('json_503', { endpoint: 'otp_gen' });
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+971501234568' })).status, 502);
    sim.setFault('hang', { endpoint: 'otp_gen' });
    assert.equal((await postJson(`${app.url}/otp/send`, { msisdn: '+971501234569' })).status, 504);
    sim.reset();

    const { samples } = await scrape(app);
    const sends = (labels: Record<string, string>) => value(samples, 'otp_flow_sends_total', labels);
    const verifies = (labels: Record<string, string>) => value(samples, 'otp_flow_verifies_total', labels);
    assert.equal(sends({ outcome: 'sent' }), 2);
    assert.equal(sends({ outcome: 'refused', reason: 'country_not_allowed' }), 1);
    assert.equal(sends({ outcome: 'refused', reason: 'msisdn_invalid' }), 1);
    assert.equal(sends({ outcome: 'refused', reason: 'rate_limited' }), 1);
    assert.equal(sends({ outcome: 'upstream_error', reason: 'upstream_unavailable' }), 1);
    assert.equal(sends({ outcome: 'upstream_error', reason: 'upstream_timeout' }), 1);
    assert.equal(verifies({ outcome: 'verified' }), 1);
    assert.equal(verifies({ outcome: 'wrong_code' }), 1);
    assert.equal(verifies({ outcome: 'refused', reason: 'session_used' }), 1);

    const calls = (endpoint: string, outcome: string) => value(samples, 'otp_flow_offer18_request_duration_seconds_count', { endpoint, outcome });
    assert.equal(calls('otp_gen', 'answered'), 2);
    assert.equal(calls('otp_gen', 'unavailable'), 1);
    assert.equal(calls('otp_gen', 'timeout'), 1);
    assert.equal(calls('otp_verify', 'answered'), 2, 'a wrong code is a clear answer too');
    // The timeout waited for OFFER18_TIMEOUT_MS (1 s): it is past the 0.5 s bucket, within the 2 s one.
    const bucket = (le: string) => value(samples, 'otp_flow_offer18_request_duration_seconds_bucket', { endpoint: 'otp_gen', outcome: 'timeout', le });
    assert.equal(bucket('0.5'), 0);
    assert.equal(bucket('2'), 1);
  });

  it('never carry a number, a code, an address or the key: every label of the proxy’s series is a fixed word', async () => {
    sim.reset();
    const sent = await postJson(`${app.url}/otp/send`, { msisdn: '+971 50 765 4321' }, { 'x-forwarded-for': '198.51.100.23' });
    const code = sim.lastCode()!;
    await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code });
    const { text, samples } = await scrape(app);
    for (const secret of ['971507654321', '507654321', '7654321', code, '198.51.100.23', KEY, SECRET, sent.json.session]) {
      assert.ok(!text.includes(secret), `${secret} is not in the metrics`);
    }
    const ours = samples.filter((s) => s.name.startsWith('otp_flow_'));
    assert.ok(ours.length > 10);
    for (const sample of ours) {
      for (const [name, label] of Object.entries(sample.labels)) {
        if (name === 'le') assert.match(label, /^(\+Inf|\d+(\.\d+)?)$/, 'histogram bounds are the fixed buckets');
        else assert.ok(LABEL_VALUES.has(label), `${sample.name}{${name}="${label}"} is from the closed list`);
      }
    }
  });
});

/** A GET naming any Host, as a page that rebound its domain to this machine would send it. */
function getWithHost(url: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('metrics against DNS rebinding and without credentials', () => {
  const TOKEN = 'scrape-token-0123456789abcdef';
  let app: Started;
  before(async () => {
    app = await startCli(['serve'], { env: env({ OTP_METRICS_TOKEN: TOKEN }) });
  });
  after(() => app.stop());

  it('answers only requests naming this machine: a rebound page is refused with 421', async () => {
    const [, url] = await app.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
    const { port } = new URL(url!);
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const host of ['rebound.example', `rebound.example:${port}`, 'metrics.attacker.example']) {
      const reply = await getWithHost(url!, host, auth);
      assert.equal(reply.status, 421, host);
      assert.ok(!reply.body.includes('otp_flow_'), 'no figure leaves');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, '[::1]']) assert.equal((await getWithHost(url!, host, auth)).status, 200, host);
  });

  it('asks for the bearer token Prometheus sends, when one is set', async () => {
    const [, url] = await app.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
    const host = new URL(url!).host;
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }, { authorization: `Basic ${btoa(`x:${TOKEN}`)}` }]) {
      const reply = await getWithHost(url!, host, headers);
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.equal(JSON.parse(reply.body).error, 'unauthorized');
    }
    const ok = await getWithHost(url!, host, { authorization: `Bearer ${TOKEN}` });
    assert.equal(ok.status, 200);
    assert.match(ok.body, /otp_flow_sends_total/);
    assert.ok(!app.output().includes(TOKEN), 'the token is never printed');
  });
});

describe('metrics with Redis', () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.stop());

  it('report the Redis store up while connected, down while it is gone, and up again', { timeout: 60_000 }, async () => {
    const app = await startCli(['serve'], { env: env({ REDIS_URL: redis.url }) });
    const storeUp = async () => value((await scrape(app)).samples, 'otp_flow_store_up', { store: 'redis' });
    const until = async (expected: number) => {
      const deadline = Date.now() + 15_000;
      let seen = await storeUp();
      while (seen !== expected && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await storeUp();
      }
      return seen;
    };
    try {
      assert.equal(await until(1), 1);
      assert.equal(value((await scrape(app)).samples, 'otp_flow_store_up', { store: 'memory' }), undefined);
      await redis.stop();
      assert.equal(await until(0), 0);
      const refused = await postJson(`${app.url}/otp/send`, { msisdn: '+971501234567' });
      assert.equal(refused.status, 503);
      assert.equal(value((await scrape(app)).samples, 'otp_flow_sends_total', { outcome: 'failed', reason: 'service_unavailable' }), 1);
      await redis.start();
      assert.equal(await until(1), 1);
    } finally {
      await app.stop();
    }
  });
});

describe('metrics settings', () => {
  const base = { OFFER18_KEY: KEY, OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p', PORT: '8799' };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a metrics port that is no port', { ...base, OTP_METRICS_PORT: 'nine' }, /OTP_METRICS_PORT must be a port number/],
    ['the metrics port on the public port', { ...base, OTP_METRICS_PORT: '8799' }, /OTP_METRICS_PORT must differ from PORT/],
    ['a metrics host without a port', { ...base, OTP_METRICS_HOST: '0.0.0.0' }, /OTP_METRICS_HOST is set but OTP_METRICS_PORT is not/],
    ['a metrics host that is no address', { ...base, OTP_METRICS_PORT: '9464', OTP_METRICS_HOST: 'a b' }, /OTP_METRICS_HOST must be an address/],
  ];
  for (const [what, vars, message] of cases) {
    it(`stops with one clear line on ${what}`, async () => {
      const result = await runCli(['serve'], { env: vars });
      assert.equal(result.code, 1);
      assert.match(result.stderr.trim(), /^otp-flow: configuration error: /);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    });
  }
});
