/**
 * `npm run bench:challenge`: how long `<otp-flow>`'s solver takes on the
 * proxy's proof of work, in Chromium, Firefox and WebKit, on this machine's
 * CPU and slowed down four times. Not part of `npm test`: it measures, it does
 * not judge.
 *
 *   RUNS=15 npm run bench:challenge          # every engine, every profile
 *   ENGINES=firefox COST=1000 LANES=1,4 npm run bench:challenge
 *
 * The challenges are the proxy's own (createChallenger, at `COST`, the
 * default `OTP_CHALLENGE_COST` unless set), each checked by it afterwards; the
 * browsers are the test suite's (support/engines.ts), one at a time so
 * they do not share the cores. Profiles:
 * - `this CPU`: as it comes (on a shared machine, whatever the others leave);
 * - `CDP ×4` (Chromium only): DevTools' `Emulation.setCPUThrottlingRate`, what
 *   Lighthouse's mobile profile uses. It slows the renderer's main thread
 *   only, not the thread Chromium runs Web Crypto on;
 * - `¼ core`: every process of the engine (its renderer, network and crypto
 *   threads, and for WebKit its display) in a cgroup v1 given 2.5 ms of CPU
 *   every 10 ms, with a high share so other work on the machine does not take
 *   that quarter. Four times slower than one free core for anything, main
 *   thread or not; needs root and /sys/fs/cgroup/cpu, and is skipped without.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rmdir, writeFile, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startTestRunner } from '@web/test-runner';
import type { TestRunnerPlugin } from '@web/test-runner-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import type { Browser as PuppeteerBrowser, Page } from 'puppeteer-core';
import { createChallenger } from '../src/proxy/challenge.js';
import { PROXY_DEFAULTS } from '../src/proxy/config.js';
import type { ChallengeAnswer } from '../src/contract/wire.js';
import { LANES } from '../src/component/solver.js';
import { launchers, selectedEngines } from '../support/engines.js';
import type { Sample } from './challenge.bench.js';

const RUNS = Number(process.env.RUNS ?? 15);
const COST = Number(process.env.COST ?? PROXY_DEFAULTS.challengeCost);
const LANE_COUNTS = (process.env.LANES ?? String(LANES)).split(',').map(Number);
const PROFILES = ['this CPU', 'CDP ×4', '¼ core'];
const SECRET = 'bench-challenge-secret-0123456789abcdef';

const CGROUPS = '/sys/fs/cgroup/cpu';
const GROUP = join(CGROUPS, 'otp-flow-bench');
const PERIOD_US = 10_000;

type Session = { id: string; browser: { name: string; getPage?(id: string): Page; browser?: PuppeteerBrowser } };

/** Every process on the machine with its parent, from /proc. */
function processTree(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": the name may hold spaces and parentheses, so read from the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

const commOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** The engine's processes: its browser and every process under it (for WebKit, the driver's and the display's). */
function engineProcesses(session: Session): number[] {
  const tree = processTree();
  const own = session.browser.browser?.process()?.pid;
  const roots = own ? [own] : (tree.get(process.pid) ?? []).filter((pid) => ['WebKitWebDriver', 'Xvfb'].includes(commOf(pid)));
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    for (const child of tree.get(pid) ?? []) walk(child);
  };
  roots.forEach(walk);
  return all;
}

async function moveTo(group: string, pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      await writeFile(join(group, 'cgroup.procs'), String(pid));
    } catch (error) {
      // Ended meanwhile; any other refusal would leave the figures unslowed.
      if (existsSync(`/proc/${pid}`)) throw new Error(`cannot move ${commOf(pid)} (${pid}) to ${group}: ${(error as Error).message}`);
    }
  }
}

/** Every process the bench slowed back in the machine's own group. */
async function releaseAll(): Promise<void> {
  if (existsSync(GROUP)) await moveTo(CGROUPS, (await readFile(join(GROUP, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean).map(Number));
}

async function slowdown(session: Session, profile: string): Promise<boolean> {
  if (profile === 'this CPU') return true;
  if (profile === 'none') {
    if (session.browser.getPage && session.browser.name === 'Chromium') {
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    await releaseAll();
    return true;
  }
  if (profile === 'CDP ×4') {
    if (session.browser.name !== 'Chromium') return false;
    const cdp = await session.browser.getPage!(session.id).createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return true;
  }
  try {
    await mkdir(GROUP, { recursive: true });
    await writeFile(join(GROUP, 'cpu.cfs_period_us'), String(PERIOD_US));
    await writeFile(join(GROUP, 'cpu.cfs_quota_us'), String(PERIOD_US / 4));
    await writeFile(join(GROUP, 'cpu.shares'), '8192');
    // WebKit runs its IPC threads real-time (SCHED_RR): a group without real-time time refuses them (EINVAL).
    await writeFile(join(GROUP, 'cpu.rt_runtime_us'), String(Number(await readFile(join(CGROUPS, 'cpu.rt_period_us'), 'utf8')) / 4));
  } catch (error) {
    console.log(`¼ core skipped: ${(error as Error).message} (needs root and cgroup v1 at ${CGROUPS})`);
    return false;
  }
  await moveTo(GROUP, engineProcesses(session));
  return true;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
};

const rows: string[] = [];
function report(engine: string, profile: string, lanes: number, samples: Sample[]): void {
  const invalid = samples.filter((s) => !s.valid).length;
  // A solve costs about the same per counter passed, whatever the counter drawn: per counter, the
  // median and 90th percentile at this cost follow without the draw's noise.
  const perCounter = quantile(
    samples.map((s) => s.ms / (s.counter + 1)),
    0.5,
  );
  const longTasks = samples.every((s) => s.longTasks === undefined) ? '–' : String(samples.reduce((n, s) => n + (s.longTasks ?? 0), 0));
  const row = [
    engine,
    profile,
    lanes,
    samples.length,
    Math.round(quantile(samples.map((s) => s.ms), 0.5)),
    (perCounter * 1000).toFixed(0),
    Math.round(perCounter * COST * 0.5),
    Math.round(perCounter * COST * 0.9),
    Math.round(quantile(samples.map((s) => s.stallMs), 0.5)),
    Math.round(Math.max(...samples.map((s) => s.stallMs))),
    longTasks,
    invalid ? `${invalid} INVALID` : 'all valid',
  ].join(' | ');
  rows.push(`| ${row} |`);
  console.log(row);
}

const solver: TestRunnerPlugin = {
  name: 'otp-flow-challenge-bench',
  async executeCommand({ command, payload, session }) {
    const s = session as unknown as Session;
    const p = payload as Record<string, unknown>;
    switch (command) {
      case 'bench-plan':
        return { runs: RUNS, lanes: LANE_COUNTS, profiles: PROFILES };
      case 'challenge':
        // A challenger of its own each time, so each challenge is freshly made (past 20 a second the proxy's hands out recent ones).
        return createChallenger(SECRET, COST).issue();
      case 'check':
        return (await createChallenger(SECRET, COST).check(p as unknown as ChallengeAnswer)).ok;
      case 'slowdown':
        return slowdown(s, p.profile as string);
      case 'report':
        report(s.browser.name, p.profile as string, p.lanes as number, p.samples as Sample[]);
        return true;
      default:
        return undefined;
    }
  },
};

const engines = selectedEngines();
console.log(`${RUNS} solves per row at cost ${COST} (PBKDF2/SHA-256, 1,000 iterations a try); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const runner = await startTestRunner({
  readCliArgs: false,
  readFileConfig: false,
  autoExitProcess: false,
  config: {
    files: ['bench/challenge.bench.ts'],
    nodeResolve: true,
    concurrency: 1,
    // One engine at a time: the figures are each engine's alone.
    concurrentBrowsers: 1,
    browserStartTimeout: 120_000,
    testsFinishTimeout: 1_800_000,
    plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), solver],
    browsers: await launchers(engines),
    testFramework: { config: { timeout: 1_800_000 } },
    staticLogging: true,
  },
});
if (!runner) process.exit(1);
runner.on('stopped', async (passed) => {
  await releaseAll();
  await rmdir(GROUP).catch(() => {});
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log('| engine | profile | in flight | solves | median ms | µs per counter | median ms at cost | p90 ms at cost | main-thread stall ms, median | longest | long tasks | checked |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  process.exit(passed ? 0 : 1);
});
