// Component tests in Debian's Chromium, with the real proxy and the Offer18 simulator behind /otp.
// Run through `npm run test:browser`, which loads tsx so this file can import the TypeScript sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS } from './test/helpers/chrome.ts';
import { proxyMiddleware } from './test/helpers/proxy-middleware.ts';

const proxy = await proxyMiddleware();

export default {
  files: ['test/component/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: the tests share one simulator and reset it between tests.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 240_000,
  middleware: [proxy.middleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS } })],
  testFramework: { config: { timeout: 10_000 } },
  filterBrowserLogs: () => true,
};
