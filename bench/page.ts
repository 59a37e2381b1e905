/**
 * `npm run bench:page`: Lighthouse on a landing kit's page, several runs per
 * profile, medians. Not part of `npm test`: it measures, it does not judge.
 *
 *   RUNS=5 npm run bench:page
 *   COUNTRIES=AE,SA npm run bench:page   # a kit with the country picker
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { init } from '../src/cli/init.js';
import { startProcess } from '../support/cli.js';
import { CHROME_ARGS, findChrome } from '../support/chrome.js';

const RUNS = Number(process.env.RUNS ?? 5);
const COUNTRIES = (process.env.COUNTRIES ?? 'AE').split(',');
const PROFILES: Array<{ name: string; flags: Flags }> = [
  { name: 'default mobile', flags: {} },
  {
    name: 'slow (rtt 400 ms, 400 kbps, CPU ×4)',
    flags: { throttling: { rttMs: 400, throughputKbps: 400, cpuSlowdownMultiplier: 4, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } },
  },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const root = await mkdtemp(join(tmpdir(), 'otp-flow-bench-'));
const kit = join(root, 'landing');
await init({ dir: kit, aid: '1', mid: '2', partner: 'bench', country: COUNTRIES[0]!, countries: COUNTRIES.join(','), lang: 'ar', title: 'Daily Quiz' });
// Started as an affiliate would: the kit's own server.mjs, here against the simulator.
const server = await startProcess(process.execPath, ['server.mjs', '--simulate'], { cwd: kit, env: { PORT: '0' } });
const chrome = await chromeLauncher.launch({ chromePath: findChrome(), chromeFlags: CHROME_ARGS });

try {
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${RUNS} runs per profile, medians; page: landing kit (${COUNTRIES.join(', ')}; ar)`);
  console.log(['profile', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'TTI ms', 'CLS', 'bytes'].join(' | '));
  for (const profile of PROFILES) {
    const runs: Array<Record<string, number>> = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.url}/`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        formFactor: 'mobile',
        ...profile.flags,
      });
      const audits = result!.lhr.audits;

      runs.push({
        score: Math.round((result!.lhr.categories.performance!.score ?? 0) * 100),
        fcp: audits['first-contentful-paint']!.numericValue!,
        lcp: audits['largest-contentful-paint']!.numericValue!,
        tbt: audits['total-blocking-time']!.numericValue!,
        tti: audits.interactive!.numericValue!,
        cls: audits['cumulative-layout-shift']!.numericValue!,
        bytes: audits['total-byte-weight']!.numericValue!,
      });
    }
    const m = (k: string) => median(runs.map((r) => r[k]!));
    console.log(
      [profile.name, m('score'), Math.round(m('fcp')), Math.round(m('lcp')), Math.round(m('tbt')), Math.round(m('tti')), m('cls').toFixed(3), Math.round(m('bytes'))].join(' | '),
    );
  }
} finally {
  await chrome.kill();
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
