/**
 * The browser side of `npm run bench:challenge` (bench/challenge.ts): solves
 * challenges of the proxy's own making with the component's solver, one after
 * another, under each CPU profile the server applies, timing each solve and
 * watching the page's thread meanwhile.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Challenge } from '../src/contract/wire.js';
import { solve } from '../src/component/solver.js';

interface Plan {
  runs: number;
  lanes: number[];
  profiles: string[];
}

export interface Sample {
  ms: number;
  counter: number;
  /** Longest the page's thread was late for a 4 ms timer during the solve. */
  stallMs: number;
  /** Long tasks (over 50 ms) the engine reported during the solve; Chromium only. */
  longTasks: number | undefined;
  valid: boolean;
}

/** How late a chain of 4 ms timers ran at worst, and the long tasks the engine saw, while something runs. */
function watchThread(): () => { stallMs: number; longTasks: number | undefined } {
  let last = performance.now();
  let stallMs = 0;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 4);
    last = now;
    timer = setTimeout(tick, 4);
  };
  timer = setTimeout(tick, 4);
  let longTasks: number | undefined;
  let observer: PerformanceObserver | undefined;
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    longTasks = 0;
    observer = new PerformanceObserver((list) => (longTasks! += list.getEntries().length));
    observer.observe({ type: 'longtask' });
  }
  return () => {
    clearTimeout(timer);
    observer?.disconnect();
    return { stallMs, longTasks };
  };
}

const plan = await executeServerCommand<Plan, unknown>('bench-plan');

describe('proof-of-work solve time', () => {
  for (const profile of plan.profiles) {
    for (const lanes of plan.lanes) {
      it(`${profile}, ${lanes} in flight`, async () => {
        if (!(await executeServerCommand<boolean, unknown>('slowdown', { profile }))) return;
        try {
          // Once unmeasured: the first derivation sets up the engine's crypto.
          await solve(await executeServerCommand<Challenge, unknown>('challenge'), new AbortController().signal, lanes);
          const samples: Sample[] = [];
          for (let run = 0; run < plan.runs; run++) {
            const challenge = await executeServerCommand<Challenge, unknown>('challenge');
            const stop = watchThread();
            const start = performance.now();
            const solution = await solve(challenge, new AbortController().signal, lanes);
            const ms = performance.now() - start;
            const thread = stop();
            if (!solution) throw new Error('no solution');
            const valid = await executeServerCommand<boolean, unknown>('check', { challenge, solution });
            samples.push({ ms, counter: solution.counter, ...thread, valid });
          }
          await executeServerCommand('report', { profile, lanes, samples });
        } finally {
          await executeServerCommand('slowdown', { profile: 'none' });
        }
      });
    }
  }
});
