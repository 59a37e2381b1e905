/** Runs the built `otp-flow` command as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/otp-flow.js', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs to completion (bounded by `timeoutMs`). */
export function runCli(args: string[], { env = {}, cwd, timeoutMs = 20_000 }: { env?: Record<string, string>; cwd?: string } & { timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`otp-flow ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Started {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output, waiting for it. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Starts `otp-flow …` and waits for its "listening on" line. */
export function startCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Started> {
  return startProcess(process.execPath, [BIN, ...args], options);
}

/**
 * Starts any long-running command (`npm start` in a kit, say) in its own
 * process group, so stopping it stops its children too.
 */
export async function startProcess(
  command: string,
  args: string[],
  {
    env = {},
    cwd,
    ready = /listening on (http:\/\/\S+)/,
    readyTimeoutMs,
  }: { env?: Record<string, string>; cwd?: string; /** Its first group is the URL. */ ready?: RegExp; readyTimeoutMs?: number } = {},
): Promise<Started> {
  const child = spawn(command, args, { env: cleanEnv(env), cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d;
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      // Every listener is removed once the wait is over: a test may wait on one process many times.
      const done = () => {
        waiters.delete(check);
        clearTimeout(timer);
        child.off('exit', exited);
      };
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          done();
          resolve(match);
        }
      };
      const exited = () => {
        if (output.match(pattern)) return;
        done();
        reject(new Error(`process exited before ${pattern}:\n${output}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} in output within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      waiters.add(check);
      child.once('exit', exited);
      check();
    });
  const [, url] = await waitFor(ready, readyTimeoutMs);
  return {
    url: url!,
    child,
    output: () => output,
    waitFor,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        const signal = (name: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, name);
          } catch {
            // Already gone.
          }
        };
        signal('SIGTERM');
        setTimeout(() => signal('SIGKILL'), 3_000).unref();
      }),
  };
}

/** The parent's PATH and nothing else of its environment, so a developer's own OFFER18_* never leaks in. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
}
