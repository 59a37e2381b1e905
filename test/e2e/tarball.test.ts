/**
 * The way in before otp-flow is published, on a machine without the
 * repository: `npm pack` here, then, in a folder holding nothing but the
 * tarball, every command the README and the demo's snippet show that runs
 * otp-flow from the tarball (`npx … otp-flow init …`, `npm install
 * ./otp-flow-….tgz`), read from them rather than copied here, and run as
 * written in a terminal where nobody answers (npx asks before installing).
 * Dependencies come from the npm registry into an empty npm cache, as on a
 * fresh machine. Then each kit is started the way its README says and answers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, type Started } from '../../support/cli.js';
import { freePort } from '../../support/net.js';
import { devArgs, READY, runCommand, wranglerEnv } from '../helpers/wrangler.js';
import { Offer18Simulator, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { initCommand, TARBALL } from '../../demo/snippet.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const KEY = `tarball-key-${crypto.randomUUID()}`;
/** Downloads from the registry: generous, but bounded. */
const NETWORK_MS = 240_000;

/** The commands in README.md's sh blocks that run otp-flow from its tarball, comments cut. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  return lines.map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => /^(npx|npm install) .*\.\/otp-flow-\S+\.tgz/.test(line));
}

describe('otp-flow from its tarball, outside the repository', { timeout: 15 * 60_000 }, () => {
  let work: string;
  let tarball: string;
  let env: Record<string, string>;
  let shown: { node: string; cloudflare: string; install: string; demo: string };
  const running: Started[] = [];

  before(async () => {
    assert.ok(existsSync(join(REPO, 'dist/kit/worker.js')), 'npm run build first: the tarball ships dist/');
    work = await mkdtemp(join(tmpdir(), 'otp-flow-tarball-'));
    const campaigns = join(work, 'campaigns');
    await mkdir(campaigns);
    // Without its prepack build: npm test built dist/ just before (checked above); no need to build it twice.
    const packed = await runCommand('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', campaigns], { cwd: REPO, timeoutMs: 60_000 });
    assert.equal(packed.code, 0, packed.output);
    tarball = JSON.parse(packed.stdout)[0].filename;
    assert.match(tarball, /^otp-flow-\d+\.\d+\.\d+\.tgz$/);
    env = {
      // An empty cache: everything the tarball depends on comes from the registry, as on a fresh machine.
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    const commands = await readmeCommands();
    const inits = commands.filter((c) => c.startsWith('npx '));
    shown = {
      node: inits.find((c) => !c.includes('--target'))!,
      cloudflare: inits.find((c) => c.includes('--target cloudflare'))!,
      install: commands.find((c) => c.startsWith('npm install '))!,
      demo: initCommand({ country: 'SA', countries: '', lang: 'en' }),
    };
    assert.equal(commands.length, 3, commands.join('\n'));
    assert.equal(TARBALL, tarball);
    for (const command of Object.values(shown)) assert.ok(command?.includes(` ./${tarball}`), `${command} names the tarball npm pack wrote`);
  });

  after(async () => {
    for (const child of running) await child.stop();
    await rm(work, { recursive: true, force: true });
  });

  /**
   * Runs a shown command as written, in a terminal (`script`) whose input is
   * empty: a prompt would wait there, and fail the test at its deadline.
   */
  function runShown(command: string, cwd: string) {
    return runCommand('script', ['--quiet', '--return', '--command', command, '/dev/null'], { cwd, env, timeoutMs: NETWORK_MS });
  }

  /** A shown `init`, in the folder holding the tarball and nothing installed; the kit's folder. */
  async function init(command: string): Promise<string> {
    const campaigns = join(work, 'campaigns');
    assert.ok(!existsSync(join(campaigns, 'node_modules')) && !existsSync(join(campaigns, 'package.json')), 'nothing installed beside the tarball');
    const made = await runShown(command, campaigns);
    assert.equal(made.code, 0, made.output);
    const dir = /otp-flow init (\S+)/.exec(command)![1]!;
    assert.match(made.output, new RegExp(`Wrote ${dir.replace('.', '\\.')}: `));
    return join(campaigns, dir);
  }

  it('writes a Node kit that npm start serves, proxy included', async () => {
    const kit = await init(shown.node);
    for (const file of ['server.mjs', 'public/index.html', '.env.example', 'campaign.env', 'package.json', 'README.md']) {
      assert.ok(existsSync(join(kit, file)), file);
    }
    const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });
    let upstream: RunningSimulator | undefined;
    try {
      upstream = await startSimulator(sim);
      const metricsPort = await freePort();
      await writeFile(
        join(kit, '.env'),
        [`OFFER18_KEY=${KEY}`, `OFFER18_API_BASE=${upstream.apiBase}`, `OTP_SESSION_SECRET=${'t'.repeat(40)}`, 'PORT=0', `OTP_METRICS_PORT=${metricsPort}`].join('\n'),
      );
      const server = await startProcess('npm', ['start'], { cwd: kit, env });
      running.push(server);
      const health = await fetch(`${server.url}/healthz`);
      assert.deepEqual(await health.json(), { ok: true });
      const sent = await fetch(`${server.url}/otp/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msisdn: '050 123 4567', country: 'AE' }),
      });
      assert.equal(sent.status, 200);
      assert.equal(sim.calls.length, 1);
      assert.equal((await fetch(`${server.url}/`)).status, 200);
      // The kit's one-file server carries the metrics too (prom-client bundled in), on their own port.
      const [, metricsUrl] = await server.waitFor(/Prometheus metrics at (http:\/\/\S+)/);
      assert.equal(metricsUrl, `http://127.0.0.1:${metricsPort}/metrics`);
      const metrics = await (await fetch(metricsUrl!)).text();
      assert.match(metrics, /^otp_flow_sends_total\{outcome="sent"\} 1$/m);
      assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
    } finally {
      await upstream?.close();
    }
  });

  it('mounts in an Express app that installed it, with metrics of the app’s own, as the README shows', async () => {
    const app = join(work, 'express-app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'express-app', private: true, type: 'module' }));
    // The README's way in: the tarball copied into the app's folder; the app's own framework from the registry.
    await copyFile(join(work, 'campaigns', tarball), join(app, tarball));
    const installed = await runShown(shown.install, app);
    assert.equal(installed.code, 0, installed.output);
    const framework = await runCommand('npm', ['install', 'express@5'], { cwd: app, env, timeoutMs: NETWORK_MS });
    assert.equal(framework.code, 0, framework.output);
    await writeFile(
      join(app, 'server.mjs'),
      `import express from 'express';
import { otpFlow } from 'otp-flow/node';
import { createMetrics, serveMetrics } from 'otp-flow/node/metrics';

const metrics = createMetrics();
const app = express();
const otp = otpFlow({
  offer18: { key: process.env.OFFER18_KEY, aid: '1234', mid: '5678', partner: 'acme', apiBase: process.env.OFFER18_API_BASE },
  sessionSecret: process.env.OTP_SESSION_SECRET,
  countries: ['AE'],
  observe: metrics.observe,
});
app.use('/otp', otp);
app.use(express.json());
app.get('/hello', (_req, res) => res.send('hello from the app'));
const scrape = await serveMetrics(metrics.registry, { port: 0 });
const server = app.listen(0, '127.0.0.1', () => {
  console.log('metrics at ' + scrape.url + '/metrics');
  console.log('listening on http://127.0.0.1:' + server.address().port);
});
`,
    );
    const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '1234', mid: '5678' }, print: () => {} });
    let upstream: RunningSimulator | undefined;
    try {
      upstream = await startSimulator(sim);
      const server = await startProcess(process.execPath, ['server.mjs'], {
        cwd: app,
        env: { OFFER18_KEY: KEY, OFFER18_API_BASE: upstream.apiBase, OTP_SESSION_SECRET: 's'.repeat(40) },
      });
      running.push(server);
      const sent = await fetch(`${server.url}/otp/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msisdn: '050 123 4567', country: 'AE' }),
      });
      assert.equal(sent.status, 200, await sent.clone().text());
      const { session } = await sent.json();
      const verified = await fetch(`${server.url}/otp/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, otp: sim.lastCode('971501234567') }),
      });
      assert.deepEqual(await verified.json(), { ok: true, verified: true });
      assert.equal(await (await fetch(`${server.url}/hello`)).text(), 'hello from the app');
      const [, metricsUrl] = await server.waitFor(/metrics at (http:\/\/\S+)/);
      const metrics = await (await fetch(metricsUrl!)).text();
      assert.match(metrics, /^otp_flow_sends_total\{outcome="sent"\} 1$/m);
      assert.match(metrics, /^otp_flow_verifies_total\{outcome="verified"\} 1$/m);
    } finally {
      await upstream?.close();
    }
  });

  it('writes a Cloudflare kit whose npm install and npm run simulate work', async () => {
    const kit = await init(shown.cloudflare);
    for (const file of ['worker.js', 'simulate.js', 'wrangler.jsonc', 'public/index.html', 'public/_headers', '.dev.vars.example', 'package.json', 'README.md']) {
      assert.ok(existsSync(join(kit, file)), file);
    }
    // The kit's one set-up step, from the registry.
    const installed = await runCommand('npm', ['install'], { cwd: kit, env, timeoutMs: NETWORK_MS });
    assert.equal(installed.code, 0, installed.output);
    const worker = await startProcess('npm', ['run', 'simulate', '--', ...(await devArgs())], {
      cwd: kit,
      env: { ...env, ...wranglerEnv(join(work, 'wrangler-logs')) },
      ready: READY,
      readyTimeoutMs: 60_000,
    });
    running.push(worker);
    const sent = await fetch(`${worker.url}/otp/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msisdn: '050 123 4567', country: 'AE' }),
    });
    assert.equal(sent.status, 200);
    const { session } = await sent.json();
    const [, code] = await worker.waitFor(/your code is (\d{6})/);
    const verified = await fetch(`${worker.url}/otp/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, otp: code }),
    });
    assert.deepEqual(await verified.json(), { ok: true, verified: true });
  });

  it('writes the kit the demo’s snippet shows', async () => {
    const kit = await init(shown.demo);
    for (const file of ['server.mjs', 'public/index.html', 'campaign.env']) assert.ok(existsSync(join(kit, file)), file);
    assert.match(await readFile(join(kit, 'campaign.env'), 'utf8'), /^OTP_COUNTRIES=SA$/m);
  });
});
