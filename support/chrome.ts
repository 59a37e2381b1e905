// Finds Debian's Chromium (or CHROME_PATH); the tests never download a browser.
import { existsSync } from 'node:fs';

/** What to run when a browser the tests use is missing: one line, every engine. */
export const INSTALL_BROWSERS = 'apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb';

const CANDIDATES: Array<string | undefined> = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChrome(): string {
  const found = CANDIDATES.find((p) => p && existsSync(p));
  if (!found) {
    console.error(`Chromium not found (or set CHROME_PATH); install the browsers with: ${INSTALL_BROWSERS}`);
    process.exit(1);
  }
  return found!;
}

export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
];
