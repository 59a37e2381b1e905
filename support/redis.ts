/** A real redis-server for the tests, on a free loopback port, without persistence. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net.js';

function redisBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('redis-server not found: install it with `apt-get install -y redis-server`.');
  return found;
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis on port ${port} did not ${up ? 'start' : 'stop'} within ${timeoutMs} ms`);
}

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Sends a signal to redis-server: SIGSTOP freezes it with its connections open, SIGCONT wakes it. */
  signal(name: NodeJS.Signals): void;
}

/**
 * `persistent`: with the append-only file (in a folder of its own), as the
 * README asks production to run, so a restart keeps every write; otherwise
 * nothing is kept and a restart comes back empty.
 */
export async function startRedis({ persistent = false }: { persistent?: boolean } = {}): Promise<TestRedis> {
  const binary = redisBinary();
  const port = await freePort();
  // The OS keeps what Redis wrote when the process is killed: no fsync is needed for a restart to find it.
  let persistence = ['--appendonly', 'no'];
  if (persistent) {
    const dir = mkdtempSync(join(tmpdir(), 'otp-flow-redis-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    persistence = ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'no'];
  }
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--protected-mode', 'yes'], {
      stdio: 'ignore',
    });
    await waitForPort(port, true);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await waitForPort(port, false);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, signal: (name) => void child?.kill(name) };
}
