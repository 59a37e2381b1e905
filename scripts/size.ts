/**
 * `npm run size`: what each kind of page loads, gzipped, against the budgets
 * in package.json. Fails when a bundle is over its budget.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildComponentBundle, measure } from '../src/build/component-bundle.js';

interface Budget {
  name: string;
  /** A built file to measure, or… */
  file?: string;
  /** …a tailored bundle to build. */
  countries?: string[];
  languages?: string[];
  gzipKB: number;
}

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { sizeBudgets: Budget[] };
const dir = await mkdtemp(join(tmpdir(), 'otp-flow-size-'));
let over = 0;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
try {
  console.log('bundle'.padEnd(52), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9), 'budget'.padStart(9));
  for (const budget of pkg.sizeBudgets) {
    const result = budget.file
      ? await measure(budget.file)
      : await buildComponentBundle({ countries: budget.countries, languages: budget.languages, outFile: join(dir, 'bundle.js') });
    const ok = result.gzip <= budget.gzipKB * 1024;
    if (!ok) over++;
    console.log(
      budget.name.padEnd(52),
      kb(result.bytes).padStart(9),
      kb(result.gzip).padStart(9),
      kb(result.brotli).padStart(9),
      `${budget.gzipKB} KB`.padStart(9),
      ok ? 'ok' : 'OVER BUDGET',
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget`);
  process.exit(1);
}
