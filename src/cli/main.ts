/** The `otp-flow` command. */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envFiles, loadEnv } from '../server/env.js';
import { serveUntilStopped } from '../server/serve.js';
import { init, InitError, INIT_HELP } from './init.js';

const HELP = `otp-flow: Offer18 OTP landing flow

Usage:
  otp-flow serve [dir] [--simulate] [--port N] [--host H]
      Run the OTP proxy (POST /otp/send, POST /otp/verify, GET /healthz),
      serving the static files in [dir] beside it when given.
      --simulate   use the built-in Offer18 simulator: no credentials needed,
                   no SMS sent; codes are printed to the terminal.
      Configuration comes from the environment and ./.env (see README).

  otp-flow init <dir> --aid <id> --mid <id> --partner <name> --country <ISO> [options]
      Write a ready-to-deploy landing folder for one campaign.
      otp-flow init --help lists every option.

  otp-flow --help | --version
`;

function version(): string {
  // Built code sits two folders deeper than the source; look upward for our own package.json.
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'otp-flow') return pkg.version;
    } catch {
      // Not here; keep climbing.
    }
  }
  return 'unknown';
}

function fail(message: string): never {
  process.stderr.write(`otp-flow: ${message}\n`);
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return;
  }
  if (command === 'init') return runInit(rest);
  if (command !== 'serve') fail(`unknown command "${command}". Run otp-flow --help.`);

  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        simulate: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}. Run otp-flow --help.`);
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (parsed.positionals.length > 1) fail('serve takes at most one folder');
  const port = parsed.values.port === undefined ? undefined : Number(parsed.values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) fail('--port must be a port number from 0 to 65535');

  await serveUntilStopped(
    {
      env: loadEnv(),
      envFiles: envFiles(process.cwd(), ['.env']),
      staticDir: parsed.positionals[0],
      // Built, this is dist/lib/cli/: the component's bundle is in dist/.
      bundleDir: fileURLToPath(new URL('../../', import.meta.url)),
      simulate: parsed.values.simulate,
      port,
      host: parsed.values.host,
    },
    { name: 'otp-flow' },
  );
}

async function runInit(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        aid: { type: 'string' },
        mid: { type: 'string' },
        partner: { type: 'string' },
        country: { type: 'string' },
        countries: { type: 'string' },
        lang: { type: 'string' },
        title: { type: 'string' },
        'success-url': { type: 'string' },
        origin: { type: 'string' },
        'user-id': { type: 'string' },
        type: { type: 'string' },
        'otp-length': { type: 'string' },
        'postback-url': { type: 'string' },
        'postback-payout': { type: 'string' },
        target: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`init: ${(error as Error).message}. Run otp-flow init --help.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(INIT_HELP);
    return;
  }
  if (positionals.length > 1) fail('init: give one folder, e.g. otp-flow init ./my-landing …');
  try {
    const result = await init({
      dir: positionals[0]!,
      aid: values.aid!,
      mid: values.mid!,
      partner: values.partner!,
      country: values.country!,
      countries: values.countries,
      lang: values.lang,
      title: values.title,
      successUrl: values['success-url'],
      origin: values.origin,
      userId: values['user-id'],
      type: values.type,
      otpLength: values['otp-length'],
      postbackUrl: values['postback-url'],
      postbackPayout: values['postback-payout'],
      target: values.target,
      force: values.force,
    });
    const where = positionals[0]!;
    const next =
      result.target === 'cloudflare'
        ? [
            '  npm install                          # wrangler, Cloudflare\'s tool',
            '  npm run simulate                     # try it now: no credentials, no SMS, codes in the terminal',
            '  npx wrangler secret put OFFER18_KEY  # and OTP_SESSION_SECRET; for npm run dev, in .dev.vars',
            '  npm run deploy',
          ]
        : [
            '  npm run simulate        # try it now: no credentials, no SMS, codes in the terminal',
            '  cp .env.example .env    # then put your Offer18 key in .env',
            '  npm start',
          ];
    process.stdout.write(
      [
        `Wrote ${where}: ${result.files.join(', ')}`,
        `Component bundle: ${(result.bundle.gzip / 1024).toFixed(1)} KB gzip.`,
        '',
        'Next:',
        `  cd ${where}`,
        ...next,
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (error instanceof InitError) {
      for (const line of error.lines) process.stderr.write(`otp-flow init: ${line}\n`);
      process.exit(1);
    }
    throw error;
  }
}
