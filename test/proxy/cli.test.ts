import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli } from '../../support/cli.js';
import { startSimulator, Offer18Simulator, type RunningSimulator } from '../../src/simulator/index.js';
import { postJson } from '../../support/net.js';

const FULL_ENV = { OFFER18_KEY: 'cli-test-key-7f3a9c', OFFER18_AID: '11', OFFER18_MID: '22', OFFER18_PARTNER: 'acme', PORT: '0' };

describe('otp-flow serve: configuration', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otp-flow-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a missing key', { ...FULL_ENV, OFFER18_KEY: '' }, /OFFER18_KEY is required/],
    ['a missing partner', { ...FULL_ENV, OFFER18_PARTNER: '' }, /OFFER18_PARTNER is required/],
    ['a malformed affiliate id', { ...FULL_ENV, OFFER18_AID: 'abc' }, /OFFER18_AID must be a whole number/],
    ['an unknown country', { ...FULL_ENV, OTP_COUNTRIES: 'AE,QQ' }, /OTP_COUNTRIES must be/],
    ['a bad origin list', { ...FULL_ENV, OTP_ALLOWED_ORIGINS: 'example.com' }, /OTP_ALLOWED_ORIGINS must be/],
    ['a bad timeout', { ...FULL_ENV, OFFER18_TIMEOUT_MS: 'soon' }, /OFFER18_TIMEOUT_MS must be/],
    ['a bad port', { ...FULL_ENV, PORT: '99999' }, /PORT must be a port number/],
    ['production without a session secret', { ...FULL_ENV, NODE_ENV: 'production' }, /OTP_SESSION_SECRET is required when NODE_ENV=production/],
    ['a short session secret', { ...FULL_ENV, OTP_SESSION_SECRET: 'short' }, /OTP_SESSION_SECRET must be at least 32 characters/],
  ];
  for (const [what, env, message] of cases) {
    it(`stops with one clear line on ${what}`, async () => {
      const result = await runCli(['serve'], { env, cwd: dir });
      assert.equal(result.code, 1);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /^otp-flow: configuration error: /);
      assert.match(lines[0]!, message);
      assert.ok(!result.stderr.includes('cli-test-key-7f3a9c'), 'the key is never echoed');
      assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
    });
  }

  it('reads .env from the working directory, with the real environment taking precedence', async () => {
    await writeFile(join(dir, '.env'), 'OFFER18_KEY=from-dotenv-key\nOFFER18_AID=not-a-number\nOFFER18_MID=22\nOFFER18_PARTNER=acme\n');
    const fromFile = await runCli(['serve'], { env: { PORT: '0' }, cwd: dir });
    assert.match(fromFile.stderr, /OFFER18_AID must be a whole number/);
    const overridden = await runCli(['serve'], { env: { PORT: '0', OFFER18_AID: '11', OFFER18_MID: 'x' }, cwd: dir });
    assert.match(overridden.stderr, /OFFER18_MID must be a whole number/);
    await rm(join(dir, '.env'));
  });

  it('prints help', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /otp-flow serve/);
    assert.match(result.stdout, /--simulate/);
  });

  it('refuses an unknown command with one line', async () => {
    const result = await runCli(['frobnicate']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^otp-flow: unknown command "frobnicate"/);
  });
});

describe('otp-flow serve: against an upstream from the environment', () => {
  let upstream: RunningSimulator;
  const sim = new Offer18Simulator({ credentials: { key: FULL_ENV.OFFER18_KEY, aid: '11', mid: '22' }, print: () => {} });
  before(async () => {
    upstream = await startSimulator(sim);
  });
  after(() => upstream.close());

  it('sends and verifies, and never logs the key, the full number or the code', async () => {
    const app = await startCli(['serve'], {
      env: { ...FULL_ENV, OFFER18_API_BASE: upstream.apiBase, OTP_SESSION_SECRET: 'x'.repeat(32) },
    });
    try {
      const sent = await postJson(`${app.url}/otp/send`, { msisdn: '+971 50 123 4567' });
      assert.equal(sent.status, 200);
      const code = sim.lastCode()!;
      const verified = await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code });
      assert.equal(verified.status, 200);
      await app.waitFor(/otp\.verified/);
      const log = app.output();
      assert.ok(!log.includes(FULL_ENV.OFFER18_KEY), 'no key in the log');
      assert.ok(!log.includes('971501234567'), 'no full number in the log');
      assert.ok(!log.includes(code), 'no code in the log');
      assert.match(log, /9715\*+67/);
    } finally {
      await app.stop();
    }
  });
});

describe('otp-flow serve --simulate', () => {
  it('needs no credentials, says so, and walks send → verify with codes printed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otp-flow-static-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>landing</title><otp-flow></otp-flow>' + ' '.repeat(400));
    const app = await startCli(['serve', dir, '--simulate', '--port', '0']);
    try {
      assert.match(app.output(), /SIMULATION MODE: no SMS is sent/);
      const sent = await postJson(`${app.url}/otp/send`, { msisdn: '0501234567', country: 'AE' });
      assert.equal(sent.status, 200);
      const [, code] = await app.waitFor(/your code is (\d+)/);
      const verified = await postJson(`${app.url}/otp/verify`, { session: sent.json.session, otp: code });
      assert.deepEqual(verified.json, { ok: true, verified: true });

      const page = await fetch(`${app.url}/`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<otp-flow>/);
      assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${app.url}/../../etc/passwd`)).status, 404);
      assert.ok(!/sim_[0-9a-f]{24}/.test(app.output()), 'the simulator key is not printed either');
    } finally {
      await app.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
