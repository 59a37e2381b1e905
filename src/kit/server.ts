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
import { ConfigError } from '../proxy/config.js';
import { loadEnv } from '../cli/env.js';
import { startServe } from '../cli/serve.js';

const here = dirname(fileURLToPath(import.meta.url));

try {
  const app = await startServe({
    env: loadEnv(here, process.env, ['campaign.env', '.env']),
    staticDir: join(here, 'public'),
    simulate: process.argv.includes('--simulate'),
  });
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`landing: configuration error: ${error.message} (see .env.example)\n`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`landing: that port is already in use; set PORT to another one\n`);
    process.exit(1);
  }
  throw error;
}
