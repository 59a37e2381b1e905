/**
 * The engines the component suite and `npm run bench:challenge` run in, all from Debian packages, nothing
 * downloaded: Chromium and Firefox ESR through the puppeteer-core that
 * @web/test-runner-chrome bundles (CDP and WebDriver BiDi), WebKit through
 * WebKitWebDriver and MiniBrowser (classic WebDriver).
 *
 * `ENGINES=webkit npm run test:browser` runs a subset while working on one.
 */
import { existsSync } from 'node:fs';
import type { BrowserLauncher } from '@web/test-runner-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome, INSTALL_BROWSERS } from './chrome.js';
import { findMiniBrowser, webkitLauncher } from './webkit.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

function missing(what: string): never {
  console.error(`${what} not found; install the browsers with: ${INSTALL_BROWSERS}`);
  process.exit(1);
}

const onPath = (command: string) => (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${command}`));

function firefox(): BrowserLauncher {
  const executablePath = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
  if (!executablePath) missing('Firefox (firefox-esr)');
  const launcher = chromeLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      // Its driver cannot emulate media: the Firefox run is one for people who asked for less motion.
      extraPrefsFirefox: { 'ui.prefersReducedMotion': 1 },
    },
  });
  launcher.name = 'Firefox';
  return launcher;
}

function chromium(): BrowserLauncher {
  const launcher = chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS } });
  launcher.name = 'Chromium';
  return launcher;
}

async function webkit(): Promise<BrowserLauncher> {
  const miniBrowser = findMiniBrowser();
  if (!miniBrowser || !onPath('WebKitWebDriver')) missing('WebKitWebDriver and MiniBrowser (webkit2gtk-driver)');
  if (!onPath('Xvfb')) missing('Xvfb (xvfb)');
  return webkitLauncher(miniBrowser);
}

export function selectedEngines(): Engine[] {
  const wanted = (process.env.ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim().toLowerCase());
  const unknown = wanted.filter((e) => !(ENGINES as readonly string[]).includes(e));
  if (unknown.length) throw new Error(`ENGINES: unknown ${unknown.join(', ')}; choose from ${ENGINES.join(', ')}`);
  return wanted as Engine[];
}

export async function launchers(engines: Engine[]): Promise<BrowserLauncher[]> {
  const make = { chromium, firefox, webkit } satisfies Record<Engine, () => BrowserLauncher | Promise<BrowserLauncher>>;
  return Promise.all(engines.map((e) => make[e]()));
}

/** Which engine a request comes from, so each gets its own proxy and simulator. */
export function engineOf(userAgent: string | undefined): Engine {
  if (/Firefox\//.test(userAgent ?? '')) return 'firefox';
  if (/Chrome\//.test(userAgent ?? '')) return 'chromium';
  return 'webkit';
}
