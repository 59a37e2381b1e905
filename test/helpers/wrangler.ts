/**
 * `wrangler dev` from the repository's own wrangler, run in a Cloudflare kit
 * as its `npm run dev` would: workerd on a free loopback port, Durable
 * Objects persisted where the test says. Offline: wrangler notes it cannot
 * fetch `Request.cf` and goes on.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startProcess, type Started } from '../../support/cli.js';

export const WRANGLER = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url));
/** Where the kit's `npm install` would put `wrangler`, for running the kit's own npm scripts. */
export const REPO_BIN = fileURLToPath(new URL('../../node_modules/.bin', import.meta.url));

/** Quiet, and its debug logs in the test's own folder (`logs`), removed with it. */
export function wranglerEnv(logs: string): Record<string, string> {
  return {
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_LOG_PATH: logs,
    NO_COLOR: '1',
    npm_config_update_notifier: 'false',
  };
}

/** Distinct free loopback ports: all held open at once, so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Loopback, free ports for the Worker and its inspector, so parallel runs never collide. */
export async function devArgs(): Promise<string[]> {
  const [port, inspector] = await freePorts(2);
  return ['--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--show-interactive-dev-session=false'];
}

export const READY = /Ready on (http:\/\/\S+)/;

/** `persistTo` is the Durable Objects' folder; wrangler's own logs go beside it. */
export async function wranglerDev(kit: string, { persistTo, vars = {} }: { persistTo: string; vars?: Record<string, string> }): Promise<Started> {
  const args = ['dev', ...(await devArgs()), '--persist-to', persistTo, ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`])];
  return startProcess(process.execPath, [WRANGLER, ...args], { cwd: kit, env: wranglerEnv(`${persistTo}-logs`), ready: READY, readyTimeoutMs: 60_000 });
}

/** Runs a command to completion, bounded by `timeoutMs`; stdout and stderr together, as a terminal shows them. */
export function runCommand(
  command: string,
  args: string[],
  { cwd, env = {}, timeoutMs = 120_000 }: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      output += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stdout });
    });
  });
}
