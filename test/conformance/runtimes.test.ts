/**
 * The conformance cases on Node, Deno, Bun and workerd: one test per case
 * per runtime, so a failure names both. Each runtime also serves the
 * README's snippet for it, walked over real HTTP.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CASES } from './cases.js';
import { RUNTIMES, runRuntime, type RuntimeRun } from './runtimes.js';

// Side by side: each runtime has its own simulator, and most of a run is waiting on another process.
const runs = Object.fromEntries(
  RUNTIMES.map((runtime) => {
    const run = runRuntime(runtime);
    run.catch(() => {}); // Reported by that runtime's tests; not an unhandled rejection meanwhile.
    return [runtime, run];
  }),
) as Record<(typeof RUNTIMES)[number], Promise<RuntimeRun>>;

const SNIPPETS = { deno: 'Deno.serve', bun: 'Bun.serve', workerd: 'Worker fetch' } as const;

for (const runtime of RUNTIMES) {
  describe(`on ${runtime}`, () => {
    // Awaited in each test rather than in a hook: a runtime that cannot start fails every test with
    // its reason (a missing binary says how to get it) instead of leaving them cancelled.
    const result = () => runs[runtime];

    it('reports every case once', async (t) => {
      const run = await result();
      t.diagnostic(`${run.about}: ${run.results.length} cases in ${(run.ms / 1000).toFixed(1)} s`);
      assert.deepEqual(run.results.map((r) => r.name), CASES.map((c) => c.name));
    });

    for (const c of CASES) {
      it(c.name, async () => {
        const found = (await result()).results.find((r) => r.name === c.name);
        assert.ok(found, `${runtime} reported nothing for this case`);
        assert.ok(found.ok, found.error);
      });
    }

    if (runtime === 'workerd') {
      it('has no Node in it: no process, no Buffer (no nodejs_compat)', async () => {
        assert.deepEqual((await result()).globals, { process: 'undefined', Buffer: 'undefined' });
      });
    }

    if (runtime !== 'node') {
      it(`serves the README's ${SNIPPETS[runtime]} snippet: the code flow, budgets by peer address, JSON log lines without the key`, async () => {
        const served = (await result()).served!;
        assert.deepEqual(
          served.steps.map((s) => `${s.what}: ${s.status}${s.error ? ` ${s.error}` : ''}`),
          [
            'send: 200',
            'wrong code: 422 otp_invalid',
            'right code: 200',
            '2nd send from 127.0.0.1: 200',
            '3rd send from 127.0.0.1: 429 rate_limited',
            'send from 127.0.0.2: 200',
          ],
          served.output,
        );
        const events = served.output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line).event);
        for (const event of ['otp.sent', 'otp.rejected', 'otp.verified']) assert.ok(events.includes(event), `the default logger wrote ${event}`);
        assert.ok(!served.output.includes(served.key), 'no key in what the runtime printed');
        assert.ok(!served.output.includes('971501234567'), 'no whole number in what the runtime printed');
      });
    }
  });
}
