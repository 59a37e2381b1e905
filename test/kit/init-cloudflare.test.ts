/** `otp-flow init --target cloudflare`: the folder it writes, read back the way wrangler and Cloudflare read it. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import ts from 'typescript';
import { runCli } from '../../support/cli.js';
import { runCommand, WRANGLER, wranglerEnv } from '../helpers/wrangler.js';
import { strictPolicy } from '../../src/shared/page-policy.js';
import { TRACKERS } from '../../src/kit/trackers.js';

const KEY = `cf-kit-key-${crypto.randomUUID()}`;
const ARGS = ['--target', 'cloudflare', '--aid', '1234', '--mid', '5678', '--country', 'AE'];
const POSTBACK = 'https://tracker.example/postback?cid={clickid}&payout={payout}&txid={txid}';

/** wrangler.jsonc as wrangler reads it: JSON with comments and trailing commas. */
function jsonc(text: string): any {
  const { config, error } = ts.parseConfigFileTextToJson('wrangler.jsonc', text);
  assert.equal(error, undefined, 'wrangler.jsonc parses');
  return config;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('otp-flow init --target cloudflare', () => {
  let root: string;
  let dir: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-init-cf-'));
    dir = join(root, 'Gulf Quiz');
    const result = await runCli(
      ['init', dir, ...ARGS, '--partner', 'Acme Media #1', '--countries', 'AE,SA', '--lang', 'ar', '--title', 'Daily "Quiz"', '--user-id', "o'brien", '--origin', 'https://quiz.example.com', '--postback-url', POSTBACK, '--postback-payout', '2'],
      // As if the affiliate had the key in their shell: init must not pick it up.
      { env: { OFFER18_KEY: KEY }, timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /npm install[\s\S]*npm run simulate[\s\S]*wrangler secret put OFFER18_KEY[\s\S]*npm run deploy/);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('writes the Worker, its configuration and the same page, and no key anywhere', async () => {
    const files = await filesIn(dir);
    const bundle = files.find((f) => /^public\/otp-flow\.[0-9a-f]{10}\.js$/.test(f));
    assert.ok(bundle, files.join(', '));
    const chunks = ['solver', 'sms', 'country-list', 'preview-controller'].map((kind) => files.find((f) => new RegExp(`^public/otp-flow\\.${kind}\\.[\\w-]+\\.js$`).test(f)));
    assert.ok(chunks.every(Boolean), files.join(', '));
    assert.deepEqual(files, ['.dev.vars.example', '.gitignore', 'README.md', 'package.json', bundle, ...chunks, 'public/_headers', 'public/index.html', 'simulate.js', 'worker.js', 'wrangler.jsonc'].sort());
    for (const file of files) assert.ok(!(await readFile(join(dir, file), 'utf8')).includes(KEY), `the key is not in ${file}`);
    const html = await readFile(join(dir, 'public/index.html'), 'utf8');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.ok(html.includes(`import('./${bundle!.slice('public/'.length)}')`));
  });

  it('configures the Worker with its Durable Objects, without nodejs_compat, and the campaign in vars', async () => {
    const config = jsonc(await readFile(join(dir, 'wrangler.jsonc'), 'utf8'));
    assert.equal(config.name, 'gulf-quiz');
    assert.equal(config.main, 'worker.js');
    assert.ok(config.compatibility_date <= '2026-04-26', 'a date the pinned wrangler’s runtime supports');
    assert.equal(config.compatibility_flags, undefined, 'no nodejs_compat');
    // The Worker runs first for the page only: to tell it the visitor's country (CF-IPCountry).
    assert.deepEqual(config.assets, { directory: './public', binding: 'ASSETS', run_worker_first: ['/'] });
    assert.deepEqual(config.durable_objects.bindings, [
      { name: 'OTP_BUDGETS', class_name: 'OtpBudget' },
      { name: 'OTP_SESSIONS', class_name: 'OtpSession' },
      { name: 'OTP_POSTBACKS', class_name: 'OtpPostback' },
    ]);
    // A kit made before postbacks deploys the new class as a migration of its own.
    assert.deepEqual(config.migrations, [
      { tag: 'v1', new_sqlite_classes: ['OtpBudget', 'OtpSession'] },
      { tag: 'v2', new_sqlite_classes: ['OtpPostback'] },
    ]);
    assert.deepEqual(config.vars, {
      OFFER18_AID: '1234',
      OFFER18_MID: '5678',
      OFFER18_PARTNER: 'Acme Media #1',
      OFFER18_USER_ID: "o'brien",
      OTP_COUNTRIES: 'AE,SA',
      OTP_PUBLIC_ORIGIN: 'https://quiz.example.com',
      OTP_POSTBACK_URL: POSTBACK,
      OTP_POSTBACK_PAYOUT: '2',
    });
    assert.match(await readFile(join(dir, 'wrangler.jsonc'), 'utf8'), /\/\/ "routes": \[\{ "pattern": "quiz\.example\.com", "custom_domain": true \}\]/);
  });

  it('keeps secrets out of git and lists them for .dev.vars', async () => {
    const ignored = (await readFile(join(dir, '.gitignore'), 'utf8')).split('\n');
    for (const entry of ['.dev.vars', 'node_modules/', '.wrangler/']) assert.ok(ignored.includes(entry), entry);
    const example = parseEnv(await readFile(join(dir, '.dev.vars.example'), 'utf8'));
    assert.deepEqual(Object.keys(example).sort(), ['OFFER18_API_BASE', 'OFFER18_KEY', 'OTP_SESSION_SECRET']);
    assert.equal(example.OFFER18_KEY, '');
  });

  it('pins wrangler and has dev, simulate and deploy scripts', async () => {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.devDependencies, { wrangler: '4.86.0' });
    assert.equal(pkg.scripts.dev, 'wrangler dev');
    assert.match(pkg.scripts.simulate, /^wrangler dev simulate\.js /);
    assert.equal(pkg.scripts.deploy, 'wrangler deploy');
    assert.match(await readFile(join(dir, 'README.md'), 'utf8'), /Node\.js 20\.3 or newer/);
  });

  it('says in its README how to fill the postback URL for the common trackers, as lines of wrangler.jsonc’s vars', async () => {
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    const postbacks = readme.slice(readme.indexOf('## Postbacks to your tracker'));
    for (const { name, postback } of TRACKERS) {
      const line = postbacks.split(`**${name}**`)[1]?.match(/```\n(.+)\n```/)?.[1];
      assert.deepEqual(jsonc(`{ ${line} }`), { OTP_POSTBACK_URL: postback }, `${name}'s template`);
    }
    assert.match(postbacks, /Durable Object of its own, which delivers it from its alarm/);
  });

  it('sends the page with the Node kit’s strict policy, and the bundle cached for a year', async () => {
    const headers = await readFile(join(dir, 'public/_headers'), 'utf8');
    const html = await readFile(join(dir, 'public/index.html'), 'utf8');
    const rules = headers.split('\n').filter((l) => l && !l.startsWith('#'));
    const all = rules.indexOf('/*');
    assert.equal(rules[all + 1], `  Content-Security-Policy: ${strictPolicy(html)}`);
    assert.ok(rules.includes('  X-Content-Type-Options: nosniff'));
    assert.ok(rules.includes('  Referrer-Policy: strict-origin-when-cross-origin'));
    const component = (await readdir(join(dir, 'public'))).filter((f) => f.startsWith('otp-flow.'));
    assert.equal(component.length, 5, 'the bundle, its solver, its SMS reader, its picker list and its preview');
    for (const file of component) assert.equal(rules[rules.indexOf(`/${file}`) + 1], '  Cache-Control: public, max-age=31536000, immutable');
  });

  it('ships a Worker with no Node built-in in it', async () => {
    const worker = await readFile(join(dir, 'worker.js'), 'utf8');
    assert.doesNotMatch(worker, /["']node:/);
    assert.match(worker, /export\s*\{[^}]*\bOtpBudget\b[^}]*\}/);
    assert.match(worker, /export\s*\{[^}]*\bOtpSession\b[^}]*\}/);
  });

  it('deploys no simulator: the bundle wrangler deploy --dry-run makes has none of it, simulate.js has it', async () => {
    const out = join(root, 'deployed');
    const dry = await runCommand(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--outdir', out], { cwd: dir, env: wranglerEnv(join(root, 'dry-run-logs')) });
    assert.equal(dry.code, 0, dry.output);
    const deployed = await readFile(join(out, 'worker.js'), 'utf8');
    assert.match(deployed, /\bOtpBudget\b/, 'the deployed bundle is the Worker');
    // What only the simulator carries: the line it prints for each "SMS", its banner, its own address.
    const simulator = ['[offer18-simulator]', 'SIMULATION MODE', 'offer18-simulator.invalid'];
    for (const marker of simulator) assert.ok(!deployed.includes(marker), `the deployed Worker has no ${marker}`);
    const simulate = await readFile(join(dir, 'simulate.js'), 'utf8');
    for (const marker of simulator) assert.ok(simulate.includes(marker), `simulate.js has ${marker}`);
  });

  it('refuses an unknown target with one clear line', async () => {
    const result = await runCli(['init', join(root, 'nope'), '--aid', '1', '--mid', '2', '--partner', 'p', '--country', 'AE', '--target', 'lambda']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^otp-flow init: --target: no target "lambda"; choose node or cloudflare$/m);
    await assert.rejects(readdir(join(root, 'nope')));
  });
});
