/**
 * `npm run bench:proxy`: requests per second and latency, side by side in one
 * run, for a send (POST /otp/send → otp_gen):
 *   1. the simulated upstream alone,
 *   2. a bare forwarding proxy (node:http, keep-alive agent, no checks),
 *   3. otp-flow's proxy with in-memory budgets,
 *   4. otp-flow's proxy with budgets and records in Redis.
 * All on 127.0.0.1, each server in its own process, bounded in time.
 *
 *   DURATION=10 CONNECTIONS=50 npm run bench:proxy
 */
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { startProcess, type Started } from '../test/helpers/cli.js';
import { startRedis } from '../test/helpers/redis.js';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const WARMUP = 2;
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 2_000);

let serial = 0;
/** A fresh valid number for every request: the per-number budget (3 per 15 min) stays on, as deployed. */
const nextBody = () => JSON.stringify({ msisdn: `+97150${String(1_000_000 + (serial++ % 9_000_000))}` });

const server = (...args: string[]) => startProcess(process.execPath, ['--import', 'tsx', 'bench/servers.ts', ...args]);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
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
        headers: { 'content-type': 'application/json' },
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

async function measure(name: string, url: string, withBody: boolean): Promise<Row> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
    requests: [{ setupRequest: (req: Record<string, unknown>) => (withBody ? { ...req, body: nextBody() } : req) }],
  };
  await autocannon({ ...options, duration: WARMUP });
  const result = await autocannon({ ...options, duration: DURATION });
  const alone = await sequential(url, withBody);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    alone50: alone.p50,
    alone99: alone.p99,
  };
}

const started: Started[] = [];
const redis = await startRedis();
try {
  const simulator = await server('simulator');
  started.push(simulator);
  const apiBase = `${simulator.url}/api/af`;
  const [forwarder, memory, withRedis] = await Promise.all([
    server('forwarder', apiBase),
    server('proxy', apiBase),
    server('proxy', apiBase, redis.url),
  ]);
  started.push(forwarder, memory, withRedis);

  const query = new URLSearchParams({ key: 'bench-key-0123456789', aid: '1', mid: '2', msisdn: '971501234567', partner: 'bench' });
  const rows = [
    await measure('simulated upstream alone', `${apiBase}/otp_gen?${query}`, false),
    await measure('bare forwarder (node:http + keep-alive)', `${forwarder.url}/otp/send`, true),
    await measure('otp-flow proxy, memory store', `${memory.url}/otp/send`, true),
    await measure('otp-flow proxy, Redis store', `${withRedis.url}/otp/send`, true),
  ];

  console.log(`Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per row after ${WARMUP} s warm-up`);
  console.log(`| server | req/s | p50 ms | p99 ms | non-2xx | errors | alone p50 ms | alone p99 ms |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const ms = (n: number) => n.toFixed(3);
  for (const r of rows) {
    console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${ms(r.alone50)} | ${ms(r.alone99)} |`);
  }
  const floor = rows[1]!;
  for (const r of rows.slice(2)) {
    const added = r.alone50 - floor.alone50;
    console.log(`${r.name}: ${((r.rps / floor.rps) * 100).toFixed(0)}% of the forwarder's throughput; adds ${ms(added)} ms at p50 alone, ${r.p50 - floor.p50} ms at p50 under load`);
  }
} finally {
  await Promise.all(started.map((s) => s.stop()));
  await redis.stop();
}
