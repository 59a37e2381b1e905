/**
 * Builds `<otp-flow>` into ES modules a page loads with one script tag.
 *
 * The full bundle (`npm run build`) carries English and the table of calling
 * codes, and fetches the rest the first time a page needs it, each a small
 * chunk next to the bundle (its URL taken relative to the bundle's own, so a
 * copy on a CDN finds its chunks): any other language, and each calling
 * code's numbering plans with their example numbers. A campaign's tailored
 * bundle (`otp-flow init`) is one self-contained file: its countries, its
 * languages. Both are the same `defineOtpFlow` call in a generated entry.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { MetadataJson } from 'libphonenumber-js/core';
import { build, type Plugin } from 'vite';
import { tailoredPlans } from './metadata.js';
import { encodeCallingCodes, planSlice } from '../component/phone-plans.js';
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
  /** The numbering-plan chunks written next to the file (the full bundle's), by calling code. */
  planChunks: Record<string, Measured>;
  /** Other chunks. */
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

/** The generated entry, and a module per on-demand language (its texts only, never its page texts). */
function entryPlugin(modules: { entry: string }): Plugin {
  return {
    name: 'otp-flow-entry',
    enforce: 'pre',
    resolveId(request) {
      // Library mode resolves the entry against the root first, so match the tail.
      if (request.endsWith('otp-flow:entry')) return ENTRY;
      const language = request.indexOf('otp-flow:language/');
      if (language >= 0) return LANGUAGE + request.slice(language + 'otp-flow:language/'.length);
      return undefined;
    },
    load(id) {
      if (id === ENTRY) return modules.entry;
      if (id.startsWith(LANGUAGE)) return `export { default } from ${JSON.stringify(sibling(`translations/${id.slice(LANGUAGE.length)}`))};`;
      return undefined;
    },
  };
}

/**
 * The styles' CSS as the browser needs it: comments out, each run of white space one space. The minifier
 * leaves template text alone, and the indentation of a readable stylesheet is a fair share of its bytes.
 */
export function compactCss(source: string): string {
  const start = source.indexOf('css`');
  const end = source.lastIndexOf('`');
  if (start < 0 || end <= start + 3) return source;
  let css = source.slice(start + 4, end);
  // No `${…}` in the styles: the template is plain CSS.
  if (css.includes('${')) return source;
  for (let open = css.indexOf('/*'); open >= 0; open = css.indexOf('/*', open)) {
    const close = css.indexOf('*/', open + 2);
    css = css.slice(0, open) + (close < 0 ? '' : css.slice(close + 2));
  }
  css = css.split(/\s+/).join(' ').trim();
  return `${source.slice(0, start + 4)}${css}${source.slice(end)}`;
}

/**
 * libphonenumber-js's own modern build (`es6-modern/`, the same sources) instead of the one its exports
 * name: without a copy of Babel's class helpers in every module it is 2.8 KB smaller gzipped. The
 * bundle's target still applies, so the syntax is ES2021 either way.
 */
function modernPlugin(): Plugin {
  return {
    name: 'otp-flow-modern-libphonenumber',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && resolved.id.includes('/libphonenumber-js/es6/')) return { ...resolved, id: resolved.id.replace('/libphonenumber-js/es6/', '/libphonenumber-js/es6-modern/') };
      return resolved;
    },
  };
}

interface Node {
  type?: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The text parts of every `html` template in an ESTree, as [start, end] offsets. */
function templateTexts(node: unknown, found: Array<[number, number]> = []): Array<[number, number]> {
  if (Array.isArray(node)) for (const child of node) templateTexts(child, found);
  else if (node && typeof node === 'object') {
    const n = node as Node & { tag?: Node & { name?: string }; quasi?: { quasis: Node[] } };
    if (n.type === 'TaggedTemplateExpression' && n.tag?.type === 'Identifier' && n.tag.name === 'html') for (const text of n.quasi!.quasis) found.push([text.start, text.end]);
    for (const value of Object.values(n)) if (value && typeof value === 'object') templateTexts(value, found);
  }
  return found;
}

/**
 * Lit's templates as the browser needs them: each run of white space in their text one space. As with the
 * styles, the minifier leaves template text alone, and a readable template's indentation is a fair share of
 * its bytes; HTML shows one space as it shows many (nothing here is preformatted).
 */
function templatesPlugin(): Plugin {
  return {
    name: 'otp-flow-compact-templates',
    // After TypeScript is gone, so the code parses as JavaScript.
    enforce: 'post',
    transform(code, id) {
      if (!/[/\\]component[/\\][\w.-]+\.[jt]s$/.test(id) || !code.includes('html`')) return undefined;
      let out = code;
      // From the end, so the offsets before each edit still hold.
      for (const [start, end] of templateTexts(this.parse(code)).sort((a, b) => b[0] - a[0])) {
        out = out.slice(0, start) + out.slice(start, end).replace(/\s+/g, ' ') + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

function stylesPlugin(): Plugin {
  return {
    name: 'otp-flow-compact-styles',
    transform(code, id) {
      return /\.styles\.[jt]s$/.test(id) ? compactCss(code) : undefined;
    },
  };
}

export async function buildComponentBundle(options: BundleOptions): Promise<BundleResult> {
  const onDemand = !options.languages?.length;
  const inline = onDemand ? ['en'] : resolveLanguages(options.languages);
  const lazy = onDemand ? LANGUAGES.filter((l) => l !== 'en') : [];
  const full = await loadJson<MetadataJson>('metadata.mobile.json');
  const examples = await loadJson<Record<string, string>>('examples.mobile.json');
  const table = (full as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes;
  const outDir = dirname(options.outFile);
  const name = basename(options.outFile).replace(/\.js$/, '');
  await mkdir(outDir, { recursive: true });

  // Every country's plan inline in a campaign's bundle; in the full one, a chunk per calling code. The table
  // comes whole either way: a number from a country the page does not serve is told as such.
  let phone: string;
  const planFiles: Record<string, string> = {};
  if (options.countries?.length) {
    const { callingCodes, plans } = tailoredPlans(full, examples, options.countries);
    phone = `{ callingCodes: ${JSON.stringify(encodeCallingCodes(callingCodes as Record<string, string[]>))}, plans: ${JSON.stringify(plans)} }`;
  } else {
    const modules = Object.keys(table).map((code) => [code, `export default ${JSON.stringify(planSlice(full, examples, code))};`] as const);
    // One hash for the set, so the entry names every chunk with one pattern; it changes when any plan does.
    const hash = createHash('sha256').update(modules.map(([, m]) => m).join('\n')).digest('base64url').slice(0, 8);
    for (const [code, module] of modules) {
      planFiles[code] = join(outDir, `${name}.plan.${code}.${hash}.js`);
      await writeFile(planFiles[code], module);
    }
    phone = `{ callingCodes: ${JSON.stringify(encodeCallingCodes(table))}, load: (code) => import(/* @vite-ignore */ \`./${name}.plan.\${code}.${hash}.js\`).then((m) => m.default) }`;
  }

  // The other languages, each a module of its own (its texts only, never its page texts), built first and named
  // with one hash for the set, as the plans are: the entry names them all with one pattern instead of a name
  // and a hash each (600 B gzip for 47 languages).
  const languageChunks: Record<string, Measured> = {};
  let languages = '{}';
  if (lazy.length) {
    const built = await bundle({ entry: Object.fromEntries(lazy.map((l) => [l, `otp-flow:language/${l}`])), fileName: (_, language) => `${name}.lang.${language}.js` });
    const files = built.map((chunk) => join(outDir, chunk.fileName)).sort();
    const sources = await Promise.all(files.map((file) => readFile(file)));
    const hash = createHash('sha256').update(Buffer.concat(sources)).digest('base64url').slice(0, 8);
    for (const chunk of built) {
      const file = join(outDir, chunk.fileName.replace(/\.js$/, `.${hash}.js`));
      await rename(join(outDir, chunk.fileName), file);
      languageChunks[chunk.name] = await measure(file);
    }
    languages = `Object.fromEntries(${JSON.stringify(lazy.join(' '))}.split(' ').map((l) => [l, () => import(/* @vite-ignore */ \`./${name}.lang.\${l}.${hash}.js\`).then((m) => m.default)]))`;
  }

  // A bundle that can only serve one country has no use for the picker.
  const picker = !options.countries || options.countries.length > 1;
  const source = [
    `import { defineOtpFlow } from ${JSON.stringify(sibling('define'))};`,
    picker ? `import { CountryPicker } from ${JSON.stringify(sibling('country-picker'))};` : '',
    ...inline.map((l, i) => `import t${i} from ${JSON.stringify(sibling(`translations/${l}`))};`),
    'export const OtpFlow = defineOtpFlow({',
    `  phone: ${phone},`,
    picker ? '  picker: CountryPicker,' : '',
    `  translations: { ${inline.map((l, i) => `${JSON.stringify(l)}: t${i}`).join(', ')} },`,
    `  languages: ${languages},`,
    '});',
    // The other values src/component/otp-flow.ts exports, whose declarations are the package's types.
    `export * from ${JSON.stringify(sibling('events'))};`,
  ].join('\n');

  const chunks = (await bundle({ entry: 'otp-flow:entry', fileName: () => `${name}.js` }, source)).filter((c) => !c.isEntry);
  const otherChunks = await Promise.all(chunks.map((chunk) => measure(join(outDir, chunk.fileName))));
  const planChunks: Record<string, Measured> = {};
  for (const [code, file] of Object.entries(planFiles)) planChunks[code] = await measure(file);
  return { ...(await measure(options.outFile)), languageChunks, planChunks, otherChunks };

  /** Builds modules into `outDir`, returning the chunks written. */
  async function bundle(lib: { entry: string | Record<string, string>; fileName: (format: string, entry: string) => string }, source = '') {
    const output = await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [entryPlugin({ entry: source }), modernPlugin(), stylesPlugin(), templatesPlugin()],
      build: {
        outDir,
        emptyOutDir: false,
        minify: options.minify ?? true,
        target: 'es2021',
        sourcemap: false,
        reportCompressedSize: false,
        lib: { ...lib, formats: ['es'] },
        rolldownOptions: {
          // Constants written into the code that reads them: a chunk takes `OTP_MAX_DIGITS` without importing it.
          optimization: { inlineConst: { mode: 'all', pass: 2 } },
          output: {
            // Library mode keeps whitespace to preserve annotations for re-bundlers; these files are the end product.
            minify: options.minify ?? true,
            // Licences stay; pure annotations and coverage hints are of no use to a browser.
            comments: { legal: true, annotation: false, jsdoc: false },
            // Content-hashed, so a CDN may cache them for a year; named, so a person can tell them apart.
            chunkFileNames: `${name}.[name].[hash].js`,
          },
        },
      },
    });
    const all = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).filter((c): c is Extract<typeof c, { type: 'chunk' }> => c.type === 'chunk');
    // Every file stands alone: a chunk that imported the entry would name a file a kit renames and a URL a page
    // may have loaded with a query (a second copy of everything), and the entry would export what its types
    // do not name; a chunk both import would be one more request before the first paint. What a lazy chunk
    // needs from the entry, it is handed when it is called.
    for (const chunk of all) {
      if (chunk.imports.length) throw new Error(`${chunk.fileName} imports ${chunk.imports.join(', ')}: a module fetched on demand must import nothing but types`);
    }
    return all;
  }
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
