/**
 * Builds the Cloudflare kit's Worker (`src/kit/cloudflare/worker.ts`)
 * into one ES module that every Cloudflare kit ships as `worker.js`.
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

const ENTRY = fileURLToPath(new URL('../src/kit/cloudflare/worker.ts', import.meta.url));

export async function buildWorkerBundle(outFile: string): Promise<{ bytes: number }> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: ENTRY,
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
