import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseEnv } from 'node:util';
import { runCli } from '../../support/cli.js';
import { optionsFromEnv, parseOptions, PROXY_SETTINGS } from '../../src/proxy/config.js';
import { TRACKERS } from '../../src/kit/trackers.js';
import { NODE_SETTINGS } from '../../src/server/env.js';
import { OTP_MAX_DIGITS, OTP_MIN_DIGITS } from '../../src/contract/limits.js';

const KEY = `kit-key-${crypto.randomUUID()}`;
const ARGS = ['--aid', '1234', '--mid', '5678', '--partner', 'acme', '--country', 'AE'];
/** A tracker's postback URL with the characters an env file must quote: & and braces. */
const POSTBACK = 'https://tracker.example/postback?cid={clickid}&s1={sub1}&payout={payout}&txid={txid}';

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('otp-flow init', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'otp-flow-init-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('writes a complete landing folder for one campaign, without the key', async () => {
    const dir = join(root, 'gulf-quiz');
    const result = await runCli(
      ['init', dir, ...ARGS, '--countries', 'AE,SA', '--lang', 'ar', '--title', 'Daily Quiz', '--success-url', 'https://offer.example/thanks', '--user-id', 'u-9', '--otp-length', '6', '--postback-url', POSTBACK, '--postback-payout', '1.50'],
      { env: { OFFER18_KEY: KEY }, timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /npm start/);

    const files = (await filesIn(dir)).map((f) => f.slice(dir.length + 1)).sort();
    const bundle = files.find((f) => /^public\/otp-flow\.[0-9a-f]{10}\.js$/.test(f));
    assert.ok(bundle, `a content-hashed bundle in ${files.join(', ')}`);
    // Beside it, what it fetches when needed: the proof-of-work solver, the SMS reader, the picker's list, the preview.
    const chunks = ['solver', 'sms', 'country-list', 'preview-controller'].map((kind) => files.find((f) => new RegExp(`^public/otp-flow\\.${kind}\\.[\\w-]+\\.js$`).test(f)));
    assert.ok(chunks.every(Boolean), `the chunks beside it in ${files.join(', ')}`);
    assert.deepEqual(files, ['.env.example', '.gitignore', 'README.md', 'campaign.env', 'package.json', bundle, ...chunks, 'public/index.html', 'server.mjs'].sort());
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    for (const chunk of chunks) assert.match(readme, new RegExp(`\\| \`${chunk!.replace(/\./g, '\\.')}\` \\| the (component|country picker)'s `), `the README says what ${chunk} is`);
    const campaign = await readFile(join(dir, 'campaign.env'), 'utf8');
    assert.match(campaign, /^OFFER18_AID=1234$/m);
    assert.match(campaign, /^OTP_COUNTRIES=AE,SA$/m);
    assert.doesNotMatch(campaign, /OFFER18_KEY/);
    // Read back as the kit's server reads it, quoted where it must be.
    assert.equal(parseEnv(campaign).OTP_POSTBACK_URL, POSTBACK);
    assert.equal(parseEnv(campaign).OTP_POSTBACK_PAYOUT, '1.50');

    for (const file of await filesIn(dir)) {
      assert.ok(!(await readFile(file, 'utf8')).includes(KEY), `the key is not in ${file}`);
    }

    const html = await readFile(join(dir, 'public/index.html'), 'utf8');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<title>Daily Quiz<\/title>/);
    assert.match(html, /<otp-flow endpoint="\/otp" country="AE" countries="AE,SA" otp-length="6" success-url="https:\/\/offer.example\/thanks">/);
    assert.ok(html.includes(`import('./${bundle!.slice('public/'.length)}')`), 'the page loads its own bundle');
    assert.match(html, /PRICE AND TERMS/);

    const env = await readFile(join(dir, '.env.example'), 'utf8');
    for (const line of ['OFFER18_KEY=\n', 'OFFER18_AID=1234', 'OFFER18_MID=5678', 'OFFER18_PARTNER=acme', 'OFFER18_USER_ID=u-9', 'OTP_COUNTRIES=AE,SA', 'OTP_SESSION_SECRET=', 'PORT=', 'HOST=']) {
      assert.ok(env.includes(line), `.env.example has ${line.trim()}`);
    }
    // Every setting the kit's server reads is there to be found, set or commented out at its default.
    for (const { env: name } of [...PROXY_SETTINGS, ...NODE_SETTINGS]) {
      assert.match(env, new RegExp(`^(# )?${name}=`, 'm'), `.env.example lists ${name}`);
    }
    assert.match(env, /^# OTP_NUMBER_LIMIT=3$/m, 'budgets left at the proxy’s defaults, not pinned');
    assert.equal(parseEnv(env).OTP_POSTBACK_URL, POSTBACK);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.start, 'node server.mjs');
    assert.equal(pkg.dependencies, undefined, 'nothing to install');
    assert.match(readme, /HTTPS/);
    // How to fill the postback URL for the common trackers, each as a line .env reads back.
    const postbacks = readme.slice(readme.indexOf('## Postbacks to your tracker'));
    for (const { name, postback } of TRACKERS) {
      const line = postbacks.split(`**${name}**`)[1]?.match(/```\n(.+)\n```/)?.[1];
      assert.equal(parseEnv(line ?? '').OTP_POSTBACK_URL, postback, `${name}'s template`);
    }
    assert.match(postbacks, /a restart loses\s+them\*\*.*\s.*REDIS_URL/);

    // Tailored to the campaign: inside the budget of a two-country kit (package.json), and carrying only its languages.
    const js = await readFile(join(dir, bundle!));
    const budgets = (JSON.parse(await readFile('package.json', 'utf8')) as { sizeBudgets: Array<{ countries?: string[]; gzipKB: number }> }).sizeBudgets;
    const budget = budgets.find((b) => b.countries?.join() === 'AE,SA')!.gzipKB;
    assert.ok(gzipSync(js, { level: 9 }).byteLength <= budget * 1024, `bundle is ${gzipSync(js, { level: 9 }).byteLength} bytes gzip, over ${budget} KB`);
    assert.ok(js.includes('رقم الجوال') && js.includes('Mobile number'));
    assert.ok(!js.includes('Numéro de mobile'), 'no French in an Arabic campaign');
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['a missing --aid', ['--mid', '5678', '--partner', 'acme', '--country', 'AE'], /^otp-flow init: --aid is required/m],
    ['a non-numeric --mid', ['--aid', '1', '--mid', 'x5', '--partner', 'acme', '--country', 'AE'], /^otp-flow init: --mid must be a whole number$/m],
    ['an unknown country', [...ARGS.slice(0, 6), '--country', 'XY'], /^otp-flow init: --country: unknown country "XY"/m],
    ['an unknown country in --countries', [...ARGS, '--countries', 'SA,ZZ'], /^otp-flow init: --countries: unknown country "ZZ"/m],
    ['an unknown language', [...ARGS, '--lang', 'kl'], /^otp-flow init: --lang: no built-in language "kl"/m],
    ['a javascript: success URL', [...ARGS, '--success-url', 'javascript:alert(1)'], /--success-url must be an http\(s\) URL/],
    ['an unknown option', [...ARGS, '--colour', 'red'], /^otp-flow: init: Unknown option '--colour'/m],
    // A new line would start a setting of its own in campaign.env.
    ['a partner that injects a setting', ['--aid', '1', '--mid', '2', '--partner', 'acme\nOTP_TRUST_PROXY=10', '--country', 'AE'], /^otp-flow init: --partner must be plain text on one line/m],
    ['a user id with a carriage return', [...ARGS, '--user-id', 'u\rOTP_COUNTRIES='], /^otp-flow init: --user-id must be plain text on one line/m],
    ['a type with a quote', [...ARGS, '--type', 'sub" OTP_TRUST_PROXY="9'], /^otp-flow init: --type must not contain " or \\/m],
    ['a title over two lines', [...ARGS, '--title', 'Quiz\n</title><script>'], /^otp-flow init: --title must be plain text on one line/m],
    ['an origin with a path', [...ARGS, '--origin', 'https://landing.example/page'], /^otp-flow init: --origin must be the page’s origin/m],
    // The range is the proxy's (src/contract/limits.ts): a length outside it would make every code refused.
    ...[String(OTP_MIN_DIGITS - 1), String(OTP_MAX_DIGITS + 1), 'six', '6.5'].map(
      (length): [string, string[], RegExp] => [
        `a code length of ${length}`,
        [...ARGS, '--otp-length', length],
        new RegExp(`^otp-flow init: --otp-length must be a whole number from ${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS}`, 'm'),
      ],
    ),
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with one clear line`, async () => {
      const dir = join(root, `refused-${what.replace(/\W+/g, '-')}`);
      const result = await runCli(['init', dir, ...args]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, message);
      assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
      await assert.rejects(readdir(dir), 'nothing written');
    });
  }

  it('refuses a postback URL the kit’s server would refuse at start, in the server’s words, naming the flag', async () => {
    const server = (env: Record<string, string>) => {
      try {
        parseOptions(optionsFromEnv({ OFFER18_KEY: 'k', OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p', ...env }));
        return 'started';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const cases = [
      { url: 'https://{clickid}.tracker.example/postback' },
      { url: 'https://tracker.example/postback?cid={click_id}' },
      { url: 'https://tracker.example/postback?cid={clickid}&payout={payout}' },
      { url: 'https://tracker.example/postback?cid={clickid}&payout={payout}', payout: 'free' },
    ];
    for (const { url, payout } of cases) {
      const refusal = server({ OTP_POSTBACK_URL: url, ...(payout ? { OTP_POSTBACK_PAYOUT: payout } : {}) });
      assert.match(refusal, /^OTP_POSTBACK_(URL|PAYOUT) /, url);
      const dir = join(root, 'refused-postback');
      const result = await runCli(['init', dir, ...ARGS, '--postback-url', url, ...(payout ? ['--postback-payout', payout] : [])]);
      assert.equal(result.code, 1, url);
      assert.equal(result.stderr, `otp-flow init: ${refusal.replace(/^OTP_POSTBACK_(URL|PAYOUT)/, (_, name: string) => `--postback-${name.toLowerCase()}`)}\n`);
      await assert.rejects(readdir(dir), 'nothing written');
    }
  });

  it('reports every bad argument, one line each', async () => {
    const result = await runCli(['init', join(root, 'many'), '--country', 'QQ', '--lang', 'xx']);
    const lines = result.stderr.trim().split('\n');
    assert.equal(result.code, 1);
    assert.ok(lines.length >= 5, result.stderr);
    for (const line of lines) assert.match(line, /^otp-flow init: /);
  });

  it('quotes what needs quoting, so settings read back exactly as given', async () => {
    const dir = join(root, 'quoted');
    const result = await runCli(
      ['init', dir, '--aid', '1', '--mid', '2', '--partner', 'Acme Media #1', '--country', 'AE', '--user-id', "o'brien", '--origin', 'https://landing.example'],
      { timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    const settings = parseEnv(await readFile(join(dir, 'campaign.env'), 'utf8'));
    assert.equal(settings.OFFER18_PARTNER, 'Acme Media #1');
    assert.equal(settings.OFFER18_USER_ID, "o'brien");
    assert.equal(settings.OTP_PUBLIC_ORIGIN, 'https://landing.example');
    assert.deepEqual(Object.keys(settings).sort(), ['OFFER18_AID', 'OFFER18_MID', 'OFFER18_PARTNER', 'OFFER18_USER_ID', 'OTP_COUNTRIES', 'OTP_PUBLIC_ORIGIN']);
    const example = parseEnv(await readFile(join(dir, '.env.example'), 'utf8'));
    assert.equal(example.OFFER18_PARTNER, 'Acme Media #1');
    assert.equal(example.OTP_TRUST_PROXY, '0', '.env.example names the reverse-proxy setting');
    assert.equal(example.OTP_PUBLIC_ORIGIN, 'https://landing.example');
  });

  it('will not write into a folder that is not empty, unless --force', async () => {
    const dir = join(root, 'occupied');
    await mkdir(dir);
    await writeFile(join(dir, 'mine.txt'), 'keep me');
    const refused = await runCli(['init', dir, ...ARGS]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^otp-flow init: .*occupied is not empty; pass --force/m);
    const forced = await runCli(['init', dir, ...ARGS, '--force'], { timeoutMs: 60_000 });
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(await readFile(join(dir, 'mine.txt'), 'utf8'), 'keep me');
  });

  it('lists every option in --help', async () => {
    const result = await runCli(['init', '--help']);
    assert.equal(result.code, 0);
    for (const flag of ['--aid', '--mid', '--partner', '--country', '--countries', '--lang', '--title', '--success-url', '--origin', '--user-id', '--type', '--otp-length', '--postback-url', '--postback-payout', '--force']) {
      assert.ok(result.stdout.includes(flag), flag);
    }
    assert.match(result.stdout, new RegExp(`--otp-length <n> .*${OTP_MIN_DIGITS} to ${OTP_MAX_DIGITS}`));
  });
});
