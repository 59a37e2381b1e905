/**
 * WebKit for web-test-runner from Debian's webkit2gtk-driver: WebKitWebDriver
 * driving MiniBrowser on a private Xvfb display, both started here and stopped
 * with the launcher, so `npm test` needs nothing running beforehand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestRunnerCoreConfig } from '@web/test-runner-core';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { freePort } from './net.js';

const LIBDIR = '/usr/lib/x86_64-linux-gnu';

/** MiniBrowser ships inside the versioned WebKitGTK library folder (webkit2gtk-4.1, webkitgtk-6.0…). */
export function findMiniBrowser(): string | undefined {
  const folders = existsSync(LIBDIR) ? readdirSync(LIBDIR).filter((d) => /^webkit(2)?gtk-/.test(d)) : [];
  return folders.map((d) => join(LIBDIR, d, 'MiniBrowser')).find((p) => existsSync(p));
}

// MiniBrowser's toolbar keeps its window from shrinking under ~447 px, too wide for the 320 and
// 360 px phone checks. Shrinking every GTK widget (never the page: WebKit draws that itself) lets
// the window go as narrow as a phone.
const GTK_CSS = '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n';
// WebKitGTK answers prefers-reduced-motion from this setting, and WebDriver cannot emulate media:
// the WebKit run is the one for people who asked for less motion.
const GTK_SETTINGS = '[Settings]\ngtk-enable-animations=0\n';

/** Xvfb picks a free display itself and writes its number to the pipe we hand it. */
function startXvfb(): Promise<{ process: ChildProcess; display: string }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    xvfb.stderr!.on('data', (chunk) => (stderr += chunk));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
    let out = '';
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ process: xvfb, display: `:${out.trim()}` });
    });
  });
}

async function waitForDriver(port: number, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not start within 15 s');
}

/** One WebKitWebDriver on a port of its own, in a process group of its own so MiniBrowser ends with it. */
type Driver = { port: number; kill: () => void };

async function startDriver(env: NodeJS.ProcessEnv): Promise<Driver> {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env, detached: true });
  const kill = () => {
    try {
      process.kill(-driver.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  try {
    await waitForDriver(port, driver);
  } catch (error) {
    kill();
    throw error;
  }
  return { port, kill };
}

// Now and then (about one run in ten on two busy cores) MiniBrowser never answers WebKitWebDriver's
// new-session request and the driver holds the request open for good. A bounded wait and a fresh
// driver get past it; a second attempt has always come up within seconds.
const SESSION_ATTEMPTS = 3;
const SESSION_TIMEOUT_MS = 25_000;

type LauncherInternals = { options: { port: number; connectionRetryTimeout?: number; connectionRetryCount?: number } };

class WebKitLauncher extends WebdriverLauncher {
  /** Shared with the exit hook, which must kill whichever driver is current. */
  readonly #current: { driver?: Driver };
  readonly #env: NodeJS.ProcessEnv;
  readonly #cleanup: () => Promise<void>;
  #starting = false;

  constructor(
    options: ConstructorParameters<typeof WebdriverLauncher>[0],
    current: { driver?: Driver },
    env: NodeJS.ProcessEnv,
    cleanup: () => Promise<void>,
  ) {
    super(options);
    this.#current = current;
    this.#env = env;
    this.#cleanup = cleanup;
    // TypeScript calls the base class's method private; the instance's own property wins at run time.
    (this as unknown as { createDriverManager: () => Promise<unknown> }).createDriverManager = () => this.#createDriverManager();
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    await super.initialize(config);
    this.name = 'WebKit';
  }

  /** The base class's session start, bounded, on a fresh driver each time it hangs. */
  async #createDriverManager(): Promise<unknown> {
    const internals = this as unknown as LauncherInternals;
    const base = (WebdriverLauncher.prototype as unknown as { createDriverManager: () => Promise<unknown> }).createDriverManager;
    this.#starting = true;
    try {
      for (let attempt = 1; ; attempt++) {
        internals.options.port = this.#current.driver!.port;
        try {
          return await base.call(this);
        } catch (error) {
          if (attempt === SESSION_ATTEMPTS) throw error;
          console.warn(`WebKit: no session after ${SESSION_TIMEOUT_MS / 1000} s (${(error as Error).message}); starting a fresh WebKitWebDriver`);
          this.#current.driver?.kill();
          this.#current.driver = undefined;
          this.#current.driver = await startDriver(this.#env);
        }
      }
    } finally {
      this.#starting = false;
    }
  }

  override async stop(): Promise<void> {
    await super.stop();
    // The base class calls stop() when a session fails to start: keep the display for the next attempt.
    if (!this.#starting) await this.#cleanup();
  }
}

export async function webkitLauncher(miniBrowser: string): Promise<WebdriverLauncher> {
  const home = await mkdtemp(join(tmpdir(), 'otp-flow-webkit-'));
  await mkdir(join(home, 'gtk-3.0'));
  await writeFile(join(home, 'gtk-3.0', 'gtk.css'), GTK_CSS);
  await writeFile(join(home, 'gtk-3.0', 'settings.ini'), GTK_SETTINGS);

  const xvfb = await startXvfb();
  const env = { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: home };
  const current: { driver?: Driver } = {};
  // Whatever ends the run (a crash, Ctrl+C), the display and the driver end with it.
  const kill = () => {
    current.driver?.kill();
    xvfb.process.kill();
  };
  process.once('exit', kill);
  const cleanup = async () => {
    process.off('exit', kill);
    kill();
    await rm(home, { recursive: true, force: true });
  };
  try {
    current.driver = await startDriver(env);
  } catch (error) {
    await cleanup();
    throw error;
  }

  return new WebKitLauncher(
    {
      hostname: '127.0.0.1',
      port: current.driver.port,
      path: '/',
      logLevel: 'error',
      // Bounds every request to the driver, the new-session one above all; nothing a test asks of
      // a local driver takes this long. No retries: a repeated key press is not the same test.
      connectionRetryTimeout: SESSION_TIMEOUT_MS,
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver refuses webdriverio 9's default request for a BiDi session.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    },
    current,
    env,
    cleanup,
  );
}
