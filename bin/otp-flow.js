#!/usr/bin/env node
// Runs the built CLI; from a source checkout, `npm run build` first.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/lib/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('otp-flow: not built yet. Run `npm run build` in the otp-flow folder first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
