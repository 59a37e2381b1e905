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
import { envFiles, loadEnv } from '../../server/env.js';
import { serveUntilStopped } from '../../server/serve.js';

const here = dirname(fileURLToPath(import.meta.url));
const SETTINGS = ['campaign.env', '.env'];

await serveUntilStopped(
  {
    env: loadEnv(here, process.env, SETTINGS),
    envFiles: envFiles(here, SETTINGS),
    staticDir: join(here, 'public'),
    // The page init wrote, and what the affiliate edits into it: scripts from this origin or inline.
    pagePolicy: 'strict',
    simulate: process.argv.includes('--simulate'),
  },
  { name: 'landing', configHint: ' (see .env.example)' },
);
