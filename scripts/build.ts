/**
 * `npm run build`, after tsc has compiled dist/lib:
 * - dist/otp-flow.js: the component with English and the calling-code table (the one-script-tag bundle),
 *   and next to it a chunk per other language (otp-flow.lang.<code>.<hash>.js) and per calling code, its
 *   numbering plans and example numbers (otp-flow.plan.<code>.<hash>.js);
 * - dist/kit/server.mjs: the proxy and static server in one file, copied into every landing kit;
 * - dist/kit/worker.js: the same proxy as a Cloudflare Worker with its Durable Objects, for Cloudflare kits,
 *   and dist/kit/simulate.js, that Worker with the Offer18 simulator for their `npm run simulate`;
 * - dist/demo: the demo page (vite.config.ts).
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'vite';
import { buildComponentBundle } from '../src/build/component-bundle.js';
import { buildWorkerBundle } from './build-worker.js';
import { STAMP } from './built.js';

// Chunk names carry content hashes: yesterday's would pile up beside today's.
await Promise.all(
  (await readdir('dist').catch(() => [])).filter((f) => /^otp-flow\..+\.js$/.test(f)).map((f) => rm(`dist/${f}`)),
);
const component = await buildComponentBundle({ outFile: 'dist/otp-flow.js' });
const chunks = Object.values(component.languageChunks);
const largest = Math.max(...chunks.map((c) => c.gzip));
console.log(`dist/otp-flow.js        ${(component.bytes / 1024).toFixed(1)} KB, ${(component.gzip / 1024).toFixed(1)} KB gzip`);
console.log(`dist/otp-flow.lang.*.js ${chunks.length} languages, at most ${(largest / 1024).toFixed(1)} KB gzip each`);
const plans = Object.values(component.planChunks);
console.log(`dist/otp-flow.plan.*.js ${plans.length} calling codes, at most ${(Math.max(...plans.map((c) => c.gzip)) / 1024).toFixed(1)} KB gzip each`);

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/kit/node/server.ts',
    outDir: 'dist/kit',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    rolldownOptions: { output: { entryFileNames: 'server.mjs', codeSplitting: false } },
  },
  // Everything inside: a kit runs with no node_modules.
  ssr: { noExternal: true, target: 'node' },
});
console.log('dist/kit/server.mjs     built');

// After server.mjs, whose build empties dist/kit.
const worker = await buildWorkerBundle('dist/kit/worker.js');
console.log(`dist/kit/worker.js      ${(worker.bytes / 1024).toFixed(1)} KB`);
const simulate = await buildWorkerBundle('dist/kit/simulate.js', 'simulate');
console.log(`dist/kit/simulate.js    ${(simulate.bytes / 1024).toFixed(1)} KB`);

await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('dist/demo/              built');

// What `scripts/built.ts` compares the sources with.
await writeFile(STAMP, `${new Date().toISOString()}\n`);
