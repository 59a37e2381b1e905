/**
 * The landing kit's server: the proxy and the kit's static files in one
 * bundled file, so an affiliate runs `npm start` with no `npm install`.
 *
 * Configuration: `campaign.env` (what `otp-flow init` knew: IDs, countries),
 * then `.env` (the key and secret the affiliate adds), then the environment,
 * each overriding the one before. With `--simulate` it runs against the
 * built-in Offer18 simulator instead.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from '../cli/env.js';
import { serveUntilStopped } from '../cli/serve.js';

const here = dirname(fileURLToPath(import.meta.url));

await serveUntilStopped(
  {
    env: loadEnv(here, process.env, ['campaign.env', '.env']),
    staticDir: join(here, 'public'),
    simulate: process.argv.includes('--simulate'),
  },
  { name: 'landing', configHint: ' (see .env.example)' },
);
