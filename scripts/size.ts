/**
 * `npm run size`: what each kind of page loads, gzipped, against the budgets
 * in package.json. Fails when anything is over its budget, or when a
 * language or a chunk with a budget is missing.
 */
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { buildComponentBundle, LANGUAGES, measure, type Measured } from '../src/build/component-bundle.js';

interface Budget {
  name: string;
  /** A built file to measure, or… */
  file?: string;
  /** …every language chunk next to a built file, each against the budget, or… */
  languageChunksOf?: string;
  /** …the chunk named `chunk` next to a built file (`otp-flow.solver.<hash>.js`), or… */
  chunkOf?: string;
  chunk?: string;
  /** …every numbering-plan chunk next to a built file, each against the budget, or… */
  planChunksOf?: string;
  /** …a tailored bundle to build. */
  countries?: string[];
  languages?: string[];
  gzipKB: number;
}

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { sizeBudgets: Budget[] };
const dir = await mkdtemp(join(tmpdir(), 'otp-flow-size-'));
const problems: string[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The chunks of a kind written beside `file` (`<file>.<kind>.<what>.<hash>.js`), by what each holds (a language, a calling code). */
async function chunksBeside(file: string, kind: string): Promise<Map<string, Measured>> {
  const pattern = new RegExp(`^${basename(file, '.js').replace(/\W/g, '\\$&')}\\.${kind}\\.(?:(.+)\\.)?[\\w-]+\\.js$`);
  const chunks = new Map<string, Measured>();
  for (const name of await readdir(dirname(file))) {
    const match = name.match(pattern);
    if (match) chunks.set(match[1] ?? kind, await measure(join(dirname(file), name)));
  }
  return chunks;
}

function row(name: string, result: Measured, budget: Budget): void {
  const ok = result.gzip <= budget.gzipKB * 1024;
  if (!ok) problems.push(`${name} is over its budget`);
  console.log(name.padEnd(56), kb(result.bytes).padStart(9), kb(result.gzip).padStart(9), kb(result.brotli).padStart(9), `${budget.gzipKB} KB`.padStart(9), ok ? 'ok' : 'OVER BUDGET');
}

try {
  console.log('bundle'.padEnd(56), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9), 'budget'.padStart(9));
  for (const budget of pkg.sizeBudgets) {
    if (budget.chunkOf && budget.chunk) {
      const chunk = (await chunksBeside(budget.chunkOf, budget.chunk)).get(budget.chunk);
      if (chunk) row(budget.name, chunk, budget);
      else problems.push(`no ${budget.chunk} chunk beside ${budget.chunkOf}: run npm run build`);
      continue;
    }
    const of = budget.languageChunksOf ?? budget.planChunksOf;
    if (of) {
      const chunks = await chunksBeside(of, budget.languageChunksOf ? 'lang' : 'plan');
      const missing = budget.languageChunksOf ? LANGUAGES.filter((l) => l !== 'en' && !chunks.has(l)) : chunks.size ? [] : ['any calling code'];
      if (missing.length) problems.push(`no chunk for ${missing.join(', ')} beside ${of}: run npm run build`);
      const largestFirst = [...chunks].sort(([, a], [, b]) => b.gzip - a.gzip);
      for (const [i, [code, chunk]] of largestFirst.entries()) {
        if (i === 0) row(`${budget.name}: ${code}, the largest of ${chunks.size}`, chunk, budget);
        else if (chunk.gzip > budget.gzipKB * 1024) row(`${budget.name}: ${code}`, chunk, budget);
      }
      continue;
    }
    const result = budget.file
      ? await measure(budget.file)
      : await buildComponentBundle({ countries: budget.countries, languages: budget.languages, outFile: join(dir, 'bundle.js') });
    row(budget.name, result, budget);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
