/**
 * Builds a Cloudflare kit's Worker into one ES module: `src/kit/cloudflare/worker.ts`,
 * which every Cloudflare kit ships as `worker.js`, or `simulate.ts`, its
 * `simulate.js` for `npm run simulate`.
 *
 * Everything is bundled in but the runtime's own `cloudflare:workers`, and
 * modules resolve as in a web worker: the kit runs without `nodejs_compat`,
 * so a Node built-in reaching the bundle is a build error here rather than a
 * failed deploy.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildWorkerBundle(outFile: string, entry: 'worker' | 'simulate' = 'worker'): Promise<{ bytes: number }> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: fileURLToPath(new URL(`../src/kit/cloudflare/${entry}.ts`, import.meta.url)),
      outDir: dirname(outFile),
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['cloudflare:workers'],
        output: { entryFileNames: basename(outFile), codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'webworker' },
  });
  const code = await readFile(outFile, 'utf8');
  const nodeImport = /\bfrom\s*["'](node:[\w/]+)["']|\bimport\(\s*["'](node:[\w/]+)["']\)/.exec(code);
  if (nodeImport) throw new Error(`${outFile} imports ${nodeImport[1] ?? nodeImport[2]}: the Worker must run without nodejs_compat`);
  return { bytes: Buffer.byteLength(code) };
}
