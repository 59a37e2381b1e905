/**
 * The package's types and its built files agree: every value an entry's
 * `.d.ts` promises (a class, a function, a constant) is there when the built
 * file is imported, and the file exports nothing its types leave out. Needs
 * `npm run build`, as the package's other tests do.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.js';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
};
const entries = Object.entries(pkg.exports).flatMap(([entry, target]) => (typeof target === 'string' ? [] : [{ entry, ...target }]));

/** The one-script-tag bundle registers `<otp-flow>` as it loads: it runs in a browser only. */
const BROWSER_ONLY = new Set(['.']);

/** The names each entry's declarations export as values (not types), `export *` followed, by `types` file. */
function valueExports(): Map<string, string[]> {
  const files = entries.map(({ types }) => fileURLToPath(new URL(types, root)));
  // Declarations only, and no lib: what is exported, not whether it typechecks.
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const typeOnly = (symbol: ts.Symbol) =>
    (symbol.declarations ?? []).some((d) => (ts.isExportSpecifier(d) || ts.isImportSpecifier(d)) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
  const values = (file: string) =>
    checker
      .getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!)
      .filter((symbol) => {
        if (typeOnly(symbol)) return false;
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return !!(target.flags & ts.SymbolFlags.Value);
      })
      .map((symbol) => symbol.name)
      .sort();
  return new Map(entries.map(({ types }, i) => [types, values(files[i]!)]));
}
const promises = valueExports();

describe('the types of each package entry and its built file', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    // dist/ as a static site, for the browser-only entries.
    server = createServer(async (req, res) => {
      try {
        const body = await readFile(new URL(`.${new URL(req.url!, 'http://x').pathname}`, root));
        res.writeHead(200, { 'content-type': extname(req.url!) === '.js' ? 'text/javascript' : 'text/html' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** The names the built file exports when it is imported where it runs. */
  async function runtimeExports(entry: string, file: string): Promise<string[]> {
    if (!BROWSER_ONLY.has(entry)) {
      const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
      const module = (await import(specifier)) as Record<string, unknown>;
      return Object.keys(module).filter((name) => module[name] !== undefined).sort();
    }
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${origin}/package.json`);
      const names = await page.evaluate(async (url) => {
        const module = (await import(url)) as Record<string, unknown>;
        return Object.keys(module).filter((name) => module[name] !== undefined);
      }, `${origin}/${file.replace(/^\.\//, '')}`);
      assert.deepEqual(errors, []);
      return names.sort();
    } finally {
      await page.close();
    }
  }

  for (const { entry, types, default: file } of entries) {
    it(`${entry}: every value ${types} names is in ${file}, and no other`, async () => {
      const promised = promises.get(types)!;
      assert.ok(promised.length > 0, `${types} names values`);
      assert.deepEqual(await runtimeExports(entry, file), promised);
    });
  }

  it('documents in the manifest an element class an entry exports', async () => {
    const manifest = JSON.parse(await readFile(new URL('dist/custom-elements.json', root), 'utf8')) as {
      modules: Array<{ declarations?: Array<{ name: string; tagName?: string; customElement?: boolean }> }>;
    };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    assert.deepEqual(
      elements.map((d) => d.tagName),
      ['otp-flow'],
    );
    const exported = [...promises.values()].flat();
    assert.ok(exported.includes(elements[0]!.name), `${elements[0]!.name} is exported by an entry`);
  });
});
