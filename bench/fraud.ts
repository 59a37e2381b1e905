/**
 * `npm run bench:fraud`: the fraud scenarios of issue 15 at full scale, side
 * by side in one run, against this build and the build before the shield:
 *   1. quiet: honest visitors only;
 *   2. bots that do not solve: hundreds of addresses, a few sends each to
 *      random valid numbers, never verifying, while visitors keep coming;
 *   3. bots that solve, pumping one range: hundreds of addresses solving
 *      every challenge, numbers in one range of 10,000, never verifying.
 * Each against a fresh `otp-flow serve` with the defaults and
 * `OTP_COUNTRIES=AE`, its Offer18 the simulator, every actor on a loopback
 * address of its own (support/fraud.ts). Reported for each: SMS that reached
 * Offer18 for the attacker, visitors who converted, visitors asked for a
 * proof of work, and what was left of the hourly cap.
 *
 *   npm run bench:fraud                                  # this build, and BASELINE_REV built beside it
 *   BASELINE_DIR=/other/checkout npm run bench:fraud     # a baseline already built (its bin/ and dist/)
 *   SCALE=0.25 npm run bench:fraud                       # a quarter of the actors
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { startProcess, BIN } from '../support/cli.js';
import { runScenario, type ScenarioPlan, type ScenarioResult } from '../support/fraud.js';
import { Offer18Simulator, startSimulator } from '../src/simulator/index.js';

/** The last commit before the fraud shield. */
const BASELINE_REV = process.env.BASELINE_REV ?? '1c2fb1f';
const SCALE = Number(process.env.SCALE ?? 1);
const HOURLY = 1_000;
const KEY = 'bench-fraud-key-0123456789';
const n = (count: number) => Math.max(1, Math.round(count * SCALE));

/**
 * Visitors arrive two a second (7,200 an hour, seven times the default cap) and type their code
 * 1 to 4 seconds later. Much busier honest traffic needs a larger OTP_SHIELD_UNVERIFIED (see README).
 */
const honest = { count: n(200), everyMs: 500, verifyAfterMs: [1_000, 4_000] as [number, number] };
const PLANS: ScenarioPlan[] = [
  { name: 'quiet', honest },
  { name: 'bots that do not solve', honest, bots: { kind: 'unsolved', addresses: n(500), sendsEach: 3, concurrency: 32 } },
  { name: 'bots that solve, pumping one range', honest, bots: { kind: 'pump', addresses: n(300), sendsEach: 3, concurrency: 32, range: '97150555' } },
];

/** A checkout of BASELINE_REV beside this one, built, sharing this one's node_modules. */
function baselineDir(): string {
  if (process.env.BASELINE_DIR) return resolve(process.env.BASELINE_DIR);
  const dir = join(tmpdir(), `otp-flow-baseline-${BASELINE_REV}`);
  if (!existsSync(join(dir, 'dist', 'lib'))) {
    if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE_REV], { stdio: 'inherit' });
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

async function run(bin: string, plan: ScenarioPlan): Promise<ScenarioResult> {
  const sim = new Offer18Simulator({ credentials: { key: KEY, aid: '7', mid: '8' }, print: () => {} });
  const upstream = await startSimulator(sim);
  const app = await startProcess(process.execPath, [bin, 'serve'], {
    env: {
      OFFER18_KEY: KEY,
      OFFER18_AID: '7',
      OFFER18_MID: '8',
      OFFER18_PARTNER: 'bench',
      OFFER18_API_BASE: upstream.apiBase,
      OTP_SESSION_SECRET: 'bench-fraud-secret-0123456789abcdef',
      OTP_COUNTRIES: 'AE',
      PORT: '0',
    },
  });
  try {
    return await runScenario(app.url, sim, plan, HOURLY);
  } finally {
    await app.stop();
    await upstream.close();
  }
}

const builds: Array<[string, string]> = [
  [`before (${BASELINE_REV})`, join(baselineDir(), 'bin', 'otp-flow.js')],
  ['with the shield', BIN],
];
const rows: string[] = [];
for (const plan of PLANS) {
  for (const [build, bin] of builds) {
    const r = await run(bin, plan);
    process.stderr.write(`${plan.name}, ${build}: ${JSON.stringify(r)}\n`);
    rows.push(
      `| ${plan.name} | ${build} | ${r.attackerRequests ? `${r.attackerSms} of ${r.attackerRequests}` : '–'} | ${plan.bots?.range ? r.rangeSms : '–'} | ${r.honestConverted} of ${r.honest} | ${r.honestChallenged} | ${r.hourlyLeft} of ${HOURLY} | ${r.seconds} s |`,
    );
  }
}
console.log('| scenario | build | attacker SMS (of tries) | SMS to the pumped range | visitors converted | visitors challenged | hourly cap left | took |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
