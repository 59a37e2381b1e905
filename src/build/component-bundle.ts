/**
 * Builds `<otp-flow>` into one self-contained ES module.
 *
 * The full bundle (`npm run build`) and every campaign's tailored bundle
 * (`otp-flow init`) come from here, differing only in which countries'
 * metadata and which languages the generated entry hands to `defineOtpFlow`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { MetadataJson } from 'libphonenumber-js/core';
import { build, type Plugin } from 'vite';
import { sliceMetadata } from './metadata.js';
import { LANGUAGES } from '../component/translations/index.js';

const require = createRequire(import.meta.url);

export { LANGUAGES };

export interface BundleOptions {
  /** ISO codes; all countries when absent. */
  countries?: readonly string[] | undefined;
  /** Language codes; English is always added as the fallback. All when absent. */
  languages?: readonly string[] | undefined;
  outFile: string;
  minify?: boolean;
}

export interface BundleResult {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

/** Source when run from a checkout (tsx, vite), compiled JS when run from dist. */
function sibling(path: string): string {
  const ts = fileURLToPath(new URL(`../component/${path}.ts`, import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL(`../component/${path}.js`, import.meta.url));
}

async function loadMetadata(countries: readonly string[] | undefined): Promise<MetadataJson> {
  const full = JSON.parse(await readFile(require.resolve('libphonenumber-js/metadata.mobile.json'), 'utf8')) as MetadataJson;
  return countries?.length ? sliceMetadata(full, countries) : full;
}

export function resolveLanguages(languages: readonly string[] | undefined): string[] {
  if (!languages?.length) return [...LANGUAGES];
  const unknown = languages.filter((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (unknown.length) throw new Error(`unknown language ${unknown.join(', ')}; built in: ${LANGUAGES.join(', ')}`);
  return [...new Set(['en', ...languages])];
}

function entryPlugin(source: string): Plugin {
  const id = '\0otp-flow-entry.js';
  return {
    name: 'otp-flow-entry',
    enforce: 'pre',
    // Library mode resolves the entry against the root first, so match the tail.
    resolveId: (request) => (request.endsWith('otp-flow:entry') ? id : undefined),
    load: (request) => (request === id ? source : undefined),
  };
}

export async function buildComponentBundle(options: BundleOptions): Promise<BundleResult> {
  const languages = resolveLanguages(options.languages);
  const metadata = await loadMetadata(options.countries);
  const source = [
    `import { defineOtpFlow } from ${JSON.stringify(sibling('define'))};`,
    // Codes like zh-Hans are not identifiers: each language is imported under its index.
    ...languages.map((l, i) => `import t${i} from ${JSON.stringify(sibling(`translations/${l}`))};`),
    `export const OtpFlow = defineOtpFlow({ metadata: ${JSON.stringify(metadata)}, translations: { ${languages.map((l, i) => `${JSON.stringify(l)}: t${i}`).join(', ')} } });`,
  ].join('\n');

  const outDir = dirname(options.outFile);
  const fileName = options.outFile.slice(outDir.length + 1).replace(/\.js$/, '');
  await mkdir(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [entryPlugin(source)],
    build: {
      outDir,
      emptyOutDir: false,
      minify: options.minify ?? true,
      target: 'es2021',
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: 'otp-flow:entry', formats: ['es'], fileName: () => `${fileName}.js` },
      // Library mode keeps whitespace to preserve annotations for re-bundlers; this file is the end product.
      rolldownOptions: { output: { minify: options.minify ?? true } },
    },
  });
  return measure(options.outFile);
}

export async function measure(file: string): Promise<BundleResult> {
  const bytes = await readFile(file);
  return {
    file,
    bytes: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes).byteLength,
  };
}
