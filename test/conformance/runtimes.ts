/**
 * Drives the conformance cases on each runtime and brings the results back
 * to Node: Node in this process, Deno and Bun as child processes running
 * the TypeScript sources against this checkout's node_modules, workerd
 * through Miniflare on the neutral bundle (no `nodejs_compat`).
 *
 * Besides the cases, each of Deno, Bun and workerd serves the README's
 * snippet for it, and a short walk over real HTTP checks it: the code flow,
 * the client's address as the budgets see it, and the default logger's
 * lines on the runtime's own output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { bundleNeutral } from './bundle.js';
import { CASES, RESULTS_MARK, runCases, type CaseResult, type ConformanceConfig } from './cases.js';
import { startNodeSide, type NodeSide } from './upstream.js';

export const RUNTIMES = ['node', 'deno', 'bun', 'workerd'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** Not newer than what the installed workerd supports, or it refuses to start. */
export const COMPATIBILITY_DATE = '2026-04-01';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD_TIMEOUT_MS = 90_000;

export interface ServedCheck {
  /** The HTTP replies of the walk, in order, for the test to read. */
  steps: Array<{ what: string; status: number; error?: string }>;
  /** What the runtime printed while serving (the default logger's JSON lines among it). */
  output: string;
  /** The Offer18 key the server was given, to look for in the output. */
  key: string;
}

export interface RuntimeRun {
  /** The runtime's own name and version. */
  about: string;
  /** Wall time of the whole run, start to results. */
  ms: number;
  results: CaseResult[];
  served?: ServedCheck;
  /** What the runtime reports of Node's globals, where it matters (workerd). */
  globals?: { process: string; Buffer: string };
}

/** The binary an npm devDependency brings, or an error saying in one line how to get it. */
function binary(name: 'deno' | 'bun'): string {
  const path = join(ROOT, 'node_modules', '.bin', name);
  if (!existsSync(path)) throw new Error(`${name} is not installed: run \`npm ci\` (the npm package "${name}" brings its binary)`);
  return path;
}

/** Environments for the children: nothing to download from, nothing to update. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
    // Should either runtime try to fetch a package after all, it fails here instead of downloading.
    NPM_CONFIG_REGISTRY: 'http://127.0.0.1:9/',
    ...extra,
  };
}

/**
 * Deno against the sources: `.js` specifiers to `.ts` files (what tsc and
 * tsx do), packages from this checkout's node_modules, nothing remote, no
 * lock file written, and no permission beyond loopback (and the environment
 * for the snippet).
 */
const DENO_FLAGS = ['run', '--unstable-sloppy-imports', '--node-modules-dir=manual', '--cached-only', '--no-remote', '--no-lock', '--allow-net=127.0.0.1'];

function command(runtime: 'deno' | 'bun', file: string, extraDeno: string[] = []): [string, string[]] {
  return runtime === 'deno' ? [binary('deno'), [...DENO_FLAGS, ...extraDeno, file]] : [binary('bun'), ['--no-install', 'run', file]];
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function resultsFrom(out: Finished, what: string): CaseResult[] {
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULTS_MARK));
  if (!line) throw new Error(`${what} reported no results (exit ${out.code}):\n${out.stderr.slice(-3000)}\n${out.stdout.slice(-2000)}`);
  return JSON.parse(line.slice(RESULTS_MARK.length)) as CaseResult[];
}

/** A server child: resolves with its URL once it prints one. */
function startServer(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    const stop = async () => {
      child.kill('SIGTERM');
      await closed;
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${cmd} printed no address within 20 s:\n${output.slice(-3000)}`));
    }, 20_000);
    const seen = (d: Buffer) => {
      output += d;
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, output: () => output, stop });
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code}) before serving:\n${output.slice(-3000)}`));
    });
  });
}

/** The snippet's configuration: `otp-flow serve`'s variables, pointing at this run's simulator. */
function snippetEnv(config: ConformanceConfig): Record<string, string> {
  return {
    OFFER18_KEY: config.key,
    OFFER18_AID: config.aid,
    OFFER18_MID: config.mid,
    OFFER18_PARTNER: 'acme',
    OFFER18_API_BASE: config.apiBase,
    OTP_SESSION_SECRET: config.secret,
    OTP_COUNTRIES: 'AE',
    OTP_RESEND_AFTER: '0',
    // Two sends per client address: the walk spends them from 127.0.0.1, then sends from 127.0.0.2.
    OTP_CLIENT_LIMIT: '2',
  };
}

/** A JSON POST from a chosen loopback address, so the server sees a real, distinct peer. */
function post(url: string, body: unknown, localAddress = '127.0.0.1'): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, json: { raw: text } });
        }
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** send → wrong code → right code, then the per-client budget by peer address. */
async function walk(base: string, side: NodeSide, output: () => string): Promise<ServedCheck> {
  const steps: ServedCheck['steps'] = [];
  const step = async (what: string, path: string, body: unknown, from?: string) => {
    const reply = await post(base + path, body, from);
    steps.push({ what, status: reply.status, ...(reply.json?.error ? { error: reply.json.error } : {}) });
    return reply;
  };
  side.sim.reset();
  const sent = await step('send', '/otp/send', { msisdn: '050 123 4567', country: 'AE' });
  const code = side.sim.lastCode() ?? '';
  await step('wrong code', '/otp/verify', { session: sent.json.session, otp: code === '000000' ? '111111' : '000000' });
  await step('right code', '/otp/verify', { session: sent.json.session, otp: code });
  await step('2nd send from 127.0.0.1', '/otp/send', { msisdn: '+971501112233' });
  await step('3rd send from 127.0.0.1', '/otp/send', { msisdn: '+971501112244' });
  await step('send from 127.0.0.2', '/otp/send', { msisdn: '+971501112255' }, '127.0.0.2');
  // The default logger writes as the request ends; give the runtime's pipe a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { steps, output: output(), key: side.config.key };
}

type Run = Omit<RuntimeRun, 'ms'>;

async function onNode(side: NodeSide): Promise<Run> {
  return { about: `Node ${process.version}`, results: await runCases(side.config) };
}

async function onChild(runtime: 'deno' | 'bun', side: NodeSide): Promise<Run> {
  const [cmd, args] = command(runtime, 'test/conformance/run.ts');
  const version = (await run(cmd, ['--version'], childEnv())).stdout.trim().split('\n')[0] ?? '';
  // One after the other: the cases and the walk share the simulator.
  const results = resultsFrom(await run(cmd, [...args, JSON.stringify(side.config)], childEnv()), runtime);
  const [serveCmd, serveArgs] = command(runtime, `test/conformance/snippets/${runtime}.ts`, ['--allow-env']);
  const server = await startServer(serveCmd, serveArgs, childEnv({ ...snippetEnv(side.config), PORT: '0' }));
  try {
    const served = await walk(server.url, side, server.output);
    return { about: runtime === 'bun' ? `Bun ${version}` : version, results, served };
  } finally {
    await server.stop();
  }
}

async function onWorkerd(side: NodeSide): Promise<Run> {
  const bundle = await bundleNeutral(join(ROOT, 'test/conformance/worker.ts'));
  if (bundle.findings.length) throw new Error(`the Worker bundle is not runtime-neutral:\n${bundle.findings.join('\n')}`);
  let output = '';
  const sink = () => new Writable({ write: (chunk, _encoding, done) => ((output += chunk), done()) });
  const mf = new Miniflare({
    modules: true,
    script: bundle.code,
    compatibilityDate: COMPATIBILITY_DATE,
    // Deliberately none: the core must run without nodejs_compat.
    compatibilityFlags: [],
    bindings: snippetEnv(side.config),
    host: '127.0.0.1',
    port: 0,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.pipe(sink());
      stderr.pipe(sink());
    },
  });
  try {
    const base = String(await mf.ready).replace(/\/$/, '');
    const results: CaseResult[] = [];
    let about = '';
    let globals: RuntimeRun['globals'];
    for (const c of CASES) {
      const response = await fetch(`${base}/__conformance/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ config: side.config, names: [c.name] }),
      });
      const text = await response.text();
      if (!response.ok) {
        results.push({ name: c.name, ok: false, ms: 0, error: `workerd answered ${response.status}: ${text.slice(0, 2000)}\n${output.slice(-2000)}` });
        continue;
      }
      const reply = JSON.parse(text) as { results: CaseResult[]; about: { userAgent: string; process: string; Buffer: string } };
      results.push(...reply.results);
      about = `workerd (${reply.about.userAgent}, compatibility date ${COMPATIBILITY_DATE}, no flags)`;
      globals = { process: reply.about.process, Buffer: reply.about.Buffer };
    }
    const served = await walk(base, side, () => output);
    return { about, results, served, ...(globals ? { globals } : {}) };
  } finally {
    await mf.dispose();
  }
}

/** Runs one runtime end to end against its own simulator. */
export async function runRuntime(runtime: Runtime): Promise<RuntimeRun> {
  const started = Date.now();
  const side = await startNodeSide(runtime);
  try {
    const run = runtime === 'node' ? await onNode(side) : runtime === 'workerd' ? await onWorkerd(side) : await onChild(runtime, side);
    return { ...run, ms: Date.now() - started };
  } finally {
    await side.close();
  }
}
