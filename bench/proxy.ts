/**
 * `npm run bench:proxy`: requests per second and latency, side by side in one
 * run, for a send (POST /otp/send → otp_gen):
 *   1. the simulated upstream alone,
 *   2. a bare forwarding proxy (node:http, keep-alive agent, no checks),
 *   3. otp-flow's proxy with in-memory budgets,
 *   4. otp-flow's proxy with budgets and records in Redis,
 *   5. and 6. the same two with the fraud shield off (`OTP_CHALLENGE=off`, no
 *      prefix guard): what the shield itself costs honest traffic.
 * All on 127.0.0.1, each server in its own process, bounded in time.
 *
 * The machine is shared (2 cores, and whatever else runs), so rows 2–4 are
 * measured in ROUNDS interleaved rounds and each figure is the median: a
 * burst of outside load then lowers one round of every server instead of
 * every round of one.
 *
 *   DURATION=10 CONNECTIONS=50 ROUNDS=3 npm run bench:proxy
 *   PROFILE_DIR=/tmp/prof npm run bench:proxy   # also writes a V8 CPU profile of each proxy process
 *   BASELINE_LIB=/elsewhere/dist/lib npm run bench:proxy   # adds that build's proxy to every round
 *
 * "CPU µs/req" is the server process's own CPU time per request under load:
 * unlike req/s, it hardly moves when other work shares the cores.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Agent, request } from 'undici';
import { startProcess, type Started } from '../support/cli.js';
import { startRedis } from '../support/redis.js';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WARMUP = 2;
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 2_000);
const PROFILE_DIR = process.env.PROFILE_DIR;
const BASELINE_LIB = process.env.BASELINE_LIB;
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/**
 * CPU seconds a process has used (user + system), from /proc. Unlike req/s,
 * CPU time per request hardly moves when other work shares the cores.
 */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

let serial = 0;
const NDC = ['50', '52', '54', '55', '56', '58'];
/**
 * A fresh valid number for every request, spread over every range (a prime
 * stride): the per-number budget, the resend wait and the shield's range
 * counts stay on, as deployed.
 */
const nextBody = () => {
  const n = serial++;
  return JSON.stringify({ msisdn: `+971${NDC[n % NDC.length]}${String(1_000_000 + ((n * 7_919) % 9_000_000))}` });
};
let visitor = 0;
/**
 * Each request from a visitor of its own, each in a /24 of its own (through
 * the one hop the proxies trust): honest traffic, which the shield lets
 * through without a challenge. 4 million of them, more than a run sends: a
 * visitor met again would have a code out it never verified, and be asked
 * for a proof of work (a cheap 428, not a send).
 */
const nextVisitor = () => {
  const n = visitor++;
  return { 'x-forwarded-for': `${11 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}.1` };
};

const server = (profile: boolean, args: string[], env: Record<string, string> = {}) =>
  startProcess(
    process.execPath,
    [...(profile && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), '--import', 'tsx', 'bench/servers.ts', ...args],
    { env },
  );

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server's own CPU time per request under load, µs. */
  cpu: number;
  /** One request at a time, µs precision: what the proxy itself adds, without queueing. */
  alone50: number;
  alone99: number;
}

async function sequential(url: string, withBody: boolean): Promise<{ p50: number; p99: number }> {
  const dispatcher = new Agent({ connections: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < SEQUENTIAL; i++) {
      const started = process.hrtime.bigint();
      const response = await request(url, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', ...nextVisitor() },
        body: withBody ? nextBody() : undefined,
      });
      await response.body.text();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await dispatcher.close();
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! };
}

async function measure(url: string, pid: number, withBody: boolean): Promise<Sample> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    requests: [
      {
        setupRequest: (req: autocannon.Request) => (withBody ? { ...req, headers: { ...req.headers, ...nextVisitor() }, body: nextBody() } : req),
      },
    ],
  };
  await autocannon({ ...options, duration: WARMUP });
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ ...options, duration: DURATION });
  const cpu = ((cpuSeconds(pid) - cpuBefore) * 1e6) / result.requests.total;
  const alone = await sequential(url, withBody);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cpu,
    alone50: alone.p50,
    alone99: alone.p99,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function summarise(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  return {
    rps: of('rps'),
    p50: of('p50'),
    p99: of('p99'),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    cpu: of('cpu'),
    alone50: of('alone50'),
    alone99: of('alone99'),
  };
}

const started: Started[] = [];
const redis = await startRedis();
try {
  const simulator = await server(false, ['simulator']);
  started.push(simulator);
  const apiBase = `${simulator.url}/api/af`;
  const [forwarder, memory, withRedis, memoryOff, redisOff, ...baseline] = await Promise.all([
    server(false, ['forwarder', apiBase]),
    server(true, ['proxy', apiBase]),
    server(true, ['proxy', apiBase, redis.url]),
    server(false, ['proxy', apiBase], { SHIELD: 'off' }),
    server(false, ['proxy', apiBase, redis.url], { SHIELD: 'off' }),
    ...(BASELINE_LIB
      ? [server(true, ['proxy', apiBase], { BASELINE_LIB }), server(true, ['proxy', apiBase, redis.url], { BASELINE_LIB })]
      : []),
  ]);
  started.push(forwarder!, memory!, withRedis!, memoryOff!, redisOff!, ...baseline);

  const query = new URLSearchParams({ key: 'bench-key-0123456789', aid: '1', mid: '2', msisdn: '971501234567', partner: 'bench' });
  const upstream = await measure(`${apiBase}/otp_gen?${query}`, simulator.child.pid!, false);
  const targets = [
    { name: 'bare forwarder (node:http + keep-alive)', url: `${forwarder!.url}/otp/send`, pid: forwarder!.child.pid! },
    { name: 'otp-flow proxy, memory store', url: `${memory!.url}/otp/send`, pid: memory!.child.pid! },
    { name: 'otp-flow proxy, Redis store', url: `${withRedis!.url}/otp/send`, pid: withRedis!.child.pid! },
    { name: 'the same, memory store, shield off', url: `${memoryOff!.url}/otp/send`, pid: memoryOff!.child.pid! },
    { name: 'the same, Redis store, shield off', url: `${redisOff!.url}/otp/send`, pid: redisOff!.child.pid! },
    ...baseline.map((b, i) => ({ name: `baseline proxy, ${i ? 'Redis' : 'memory'} store`, url: `${b.url}/otp/send`, pid: b.child.pid! })),
  ];
  if (PROFILE_DIR) for (const t of targets.slice(1)) process.stderr.write(`${t.name}: profiled as ${PROFILE_DIR}/CPU.*.${t.pid}.0.*.cpuprofile\n`);
  const samples: Sample[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) samples[i]!.push(await measure(target.url, target.pid, true));
    const [floor, ...proxies] = samples.map((s) => s[round]!);
    const shares = proxies.map((p) => `${((p.rps / floor!.rps) * 100).toFixed(0)}% (${Math.round(p.cpu)} µs)`);
    process.stderr.write(`round ${round + 1}: ${shares.join(', ')} of ${Math.round(floor!.rps)} req/s (${Math.round(floor!.cpu)} µs); load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}\n`);
  }

  console.log(`Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per row after ${WARMUP} s warm-up, median of ${ROUNDS} interleaved rounds`);
  console.log(`| server | req/s | p50 ms | p99 ms | non-2xx | errors | CPU µs/req | alone p50 ms | alone p99 ms |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const ms = (n: number) => n.toFixed(3);
  const rows = [{ name: 'simulated upstream alone', ...upstream }, ...targets.map((t, i) => ({ name: t.name, ...summarise(samples[i]!) }))];
  for (const r of rows) {
    console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${Math.round(r.cpu)} | ${ms(r.alone50)} | ${ms(r.alone99)} |`);
  }
  const floor = rows[1]!;
  for (const [i, r] of rows.slice(2).entries()) {
    // The median of each round's own ratio: both sides of a ratio were measured minutes apart at most.
    const ratio = median(samples[i + 1]!.map((s, round) => s.rps / samples[0]![round]!.rps));
    const added = r.alone50 - floor.alone50;
    console.log(
      `${r.name}: ${(ratio * 100).toFixed(0)}% of the forwarder's throughput, ${Math.round(r.cpu - floor.cpu)} µs more CPU a request; adds ${ms(added)} ms at p50 alone, ${r.p50 - floor.p50} ms at p50 under load`,
    );
  }
} finally {
  await Promise.all(started.map((s) => s.stop()));
  await redis.stop();
}
