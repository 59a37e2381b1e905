/**
 * Bundles a module the way a Worker or a browser gets it: no Node built-ins
 * to resolve and no Node globals to lean on. What it finds is reported, not
 * shimmed, so a bundle that comes out of here runs on any runtime that has
 * the web platform (and workerd without `nodejs_compat` is the proof).
 *
 * Found:
 * - any import of a Node built-in (`node:crypto`, `fs`, …), with the chain
 *   of importers that pulled it in;
 * - any free reference to a Node global (`process`, `Buffer`, `global`,
 *   `__dirname`, `setImmediate`, …) outside a bare `typeof` feature test;
 * - any `import()` or `require()` of a computed specifier: a bundler cannot
 *   follow it, and workerd refuses it at run time.
 *
 * esbuild, with the conditions wrangler bundles Workers with.
 */
import { builtinModules } from 'node:module';
import { build, type Metafile, type Plugin } from 'esbuild';

/**
 * Not `require`: a CommonJS dependency's `require('./lib')` is bundled like an import. One the
 * bundler cannot resolve is left to esbuild's require shim, which the computed-specifier check finds.
 */
export const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'] as const;

const MARK = '__node_global__';
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export interface NeutralBundle {
  /** The bundle, ESM; empty when there are findings. */
  code: string;
  /** One line per problem; none means the module is runtime-neutral. */
  findings: string[];
  /** Every file that went in (for size and for telling which package pulled what). */
  inputs: string[];
}

/** Refuses every Node built-in, naming the file that asked for it. */
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
      return { errors: [{ text: `imports the Node built-in "${args.path}" (from ${args.importer || 'the entry'})` }] };
    });
  },
};

/** Who imported whom, to explain a finding from deep inside a dependency. */
function importChain(metafile: Metafile | undefined, file: string): string {
  if (!metafile) return file;
  const chain = [file];
  for (let current = file; chain.length < 8; ) {
    const parent = Object.entries(metafile.inputs).find(([, input]) => input.imports.some((i) => i.path === current))?.[0];
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain.join(' → ');
}

export async function bundleNeutral(entry: string): Promise<NeutralBundle> {
  const findings: string[] = [];
  let result;
  try {
    result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      // Neutral: no Node resolution defaults, no browser shims; the package fields and conditions are wrangler's.
      platform: 'neutral',
      mainFields: ['browser', 'module', 'main'],
      conditions: ['workerd', 'worker', 'browser'],
      metafile: true,
      logLevel: 'silent',
      plugins: [noNodeBuiltins],
      // A free reference to a Node global becomes a marker we can find; bound names are left alone.
      define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, `${MARK}${name}`])),
      // Every dynamic import goes through esbuild's require shim, whose message we can find; literal
      // imports of bundled modules are inlined instead, so only computed specifiers leave the shim behind.
      supported: { 'dynamic-import': false },
    });
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors;
    if (!errors) throw error;
    for (const e of errors) findings.push(e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text);
    return { code: '', findings, inputs: [] };
  }

  const code = result.outputFiles[0]!.text;
  const lines = code.split('\n');
  // esbuild heads each inlined file with a `// path` comment: the last one above a line names its file.
  let file = entry;
  for (const line of lines) {
    const header = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(line);
    if (header) file = header[1]!;
    for (const match of line.matchAll(new RegExp(`(typeof\\s+)?${MARK}(\\w+)`, 'g'))) {
      if (match[1]) continue; // `typeof process !== 'undefined'`: a feature test, harmless anywhere
      findings.push(`uses the Node global "${match[2]}" in ${importChain(result.metafile, file)}: ${line.trim().slice(0, 160)}`);
    }
  }
  if (code.includes('Dynamic require of')) {
    findings.push('imports or requires a computed specifier: bundlers cannot follow it and workerd refuses it');
  }
  return { code: findings.length ? '' : code, findings, inputs: Object.keys(result.metafile.inputs) };
}
