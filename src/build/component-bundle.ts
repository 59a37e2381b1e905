/**
 * Builds `<otp-flow>` into ES modules a page loads with one script tag.
 *
 * The full bundle (`npm run build`) carries every country and English, and
 * fetches any other language the first time a page asks for it, as a small
 * chunk next to the bundle (its URL taken relative to the bundle's own, so a
 * copy on a CDN finds its chunks). A campaign's tailored bundle
 * (`otp-flow init`) is one self-contained file: its countries, its languages.
 * Both are the same `defineOtpFlow` call in a generated entry.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
  /**
   * Languages carried in the file (English is always added, as the fallback).
   * When absent: English in the file and every other built-in language in a
   * chunk of its own, fetched when a page asks for it.
   */
  languages?: readonly string[] | undefined;
  outFile: string;
  minify?: boolean;
}

export interface Measured {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface BundleResult extends Measured {
  /** The language chunks written next to the file, by language code. */
  languageChunks: Record<string, Measured>;
  /** Other chunks: the example numbers `preview` shows. */
  otherChunks: Measured[];
}

/** Source when run from a checkout (tsx, vite), compiled JS when run from dist. */
function sibling(path: string): string {
  const ts = fileURLToPath(new URL(`../component/${path}.ts`, import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL(`../component/${path}.js`, import.meta.url));
}

async function loadJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(require.resolve(`libphonenumber-js/${name}`), 'utf8')) as T;
}

function resolveLanguages(languages: readonly string[] | undefined): string[] {
  if (!languages?.length) return [...LANGUAGES];
  const unknown = languages.filter((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (unknown.length) throw new Error(`unknown language ${unknown.join(', ')}; built in: ${LANGUAGES.join(', ')}`);
  return [...new Set(['en', ...languages])];
}

const ENTRY = '\0otp-flow-entry.js';
const LANGUAGE = '\0otp-flow-language:';
const EXAMPLES = '\0otp-flow-examples.js';

/** The generated entry, a module per on-demand language (its texts only, never its page texts), and the examples. */
function entryPlugin(modules: { entry: string; examples: string }): Plugin {
  return {
    name: 'otp-flow-entry',
    enforce: 'pre',
    resolveId(request) {
      // Library mode resolves the entry against the root first, so match the tail.
      if (request.endsWith('otp-flow:entry')) return ENTRY;
      if (request.startsWith('otp-flow:language/')) return LANGUAGE + request.slice('otp-flow:language/'.length);
      if (request === 'otp-flow:examples') return EXAMPLES;
      return undefined;
    },
    load(id) {
      if (id === ENTRY) return modules.entry;
      if (id === EXAMPLES) return modules.examples;
      if (id.startsWith(LANGUAGE)) return `export { default } from ${JSON.stringify(sibling(`translations/${id.slice(LANGUAGE.length)}`))};`;
      return undefined;
    },
  };
}

export async function buildComponentBundle(options: BundleOptions): Promise<BundleResult> {
  const onDemand = !options.languages?.length;
  const inline = onDemand ? ['en'] : resolveLanguages(options.languages);
  const lazy = onDemand ? LANGUAGES.filter((l) => l !== 'en') : [];
  const full = await loadJson<MetadataJson>('metadata.mobile.json');
  const metadata = options.countries?.length ? sliceMetadata(full, options.countries) : full;
  const allExamples = await loadJson<Record<string, string>>('examples.mobile.json');
  const examples = Object.fromEntries(Object.entries(allExamples).filter(([country]) => country in metadata.countries));

  const source = [
    `import { defineOtpFlow } from ${JSON.stringify(sibling('define'))};`,
    ...inline.map((l, i) => `import t${i} from ${JSON.stringify(sibling(`translations/${l}`))};`),
    'export const OtpFlow = defineOtpFlow({',
    `  metadata: ${JSON.stringify(metadata)},`,
    `  translations: { ${inline.map((l, i) => `${JSON.stringify(l)}: t${i}`).join(', ')} },`,
    `  languages: { ${lazy.map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(`otp-flow:language/${l}`)}).then((m) => m.default)`).join(', ')} },`,
    // Example numbers serve only `preview`: the full bundle fetches them when a page shows one.
    onDemand ? `  examples: () => import('otp-flow:examples').then((m) => m.default),` : `  examples: ${JSON.stringify(examples)},`,
    '});',
    // The other values src/component/otp-flow.ts exports, whose declarations are the package's types.
    `export * from ${JSON.stringify(sibling('events'))};`,
  ].join('\n');

  const outDir = dirname(options.outFile);
  const name = basename(options.outFile).replace(/\.js$/, '');
  await mkdir(outDir, { recursive: true });
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [entryPlugin({ entry: source, examples: `export default ${JSON.stringify(examples)};` })],
    build: {
      outDir,
      emptyOutDir: false,
      minify: options.minify ?? true,
      target: 'es2021',
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: 'otp-flow:entry', formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: {
        output: {
          // Library mode keeps whitespace to preserve annotations for re-bundlers; these files are the end product.
          minify: options.minify ?? true,
          // Content-hashed, so a CDN may cache them for a year; named, so a person can tell them apart.
          chunkFileNames: (chunk) => {
            const id = chunk.facadeModuleId ?? '';
            if (id.startsWith(LANGUAGE)) return `${name}.lang.${id.slice(LANGUAGE.length)}.[hash].js`;
            return id === EXAMPLES ? `${name}.examples.[hash].js` : `${name}.${chunk.name}.[hash].js`;
          },
        },
      },
    },
  });

  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).filter((c): c is Extract<typeof c, { type: 'chunk' }> => c.type === 'chunk' && !c.isEntry);
  const languageChunks: Record<string, Measured> = {};
  const otherChunks: Measured[] = [];
  for (const chunk of chunks) {
    const measured = await measure(join(outDir, chunk.fileName));
    const id = chunk.facadeModuleId ?? '';
    if (id.startsWith(LANGUAGE)) languageChunks[id.slice(LANGUAGE.length)] = measured;
    else otherChunks.push(measured);
  }
  return { ...(await measure(options.outFile)), languageChunks, otherChunks };
}

export async function measure(file: string): Promise<Measured> {
  const bytes = await readFile(file);
  return {
    file,
    bytes: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes).byteLength,
  };
}
