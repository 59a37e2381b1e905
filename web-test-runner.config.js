// Component tests in Chromium, Firefox and WebKit (Debian's packages; see support/engines.ts),
// with the real proxy and the Offer18 simulator behind /otp.
// Run through `npm run test:browser`, which loads tsx so this file can import the TypeScript sources.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { launchers, selectedEngines } from './support/engines.ts';
import { proxyMiddleware } from './test/helpers/proxy-middleware.ts';
import { realInputPlugin } from './test/helpers/real-input.ts';

const proxy = await proxyMiddleware();
const engines = selectedEngines();

export default {
  files: ['test/component/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time per engine: an engine's tests share its simulator and reset it between tests.
  concurrency: 1,
  concurrentBrowsers: engines.length,
  // Room for a WebKit session that must be started again (support/webkit.ts).
  browserStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  middleware: [proxy.middleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), realInputPlugin()],
  browsers: await launchers(engines),
  testFramework: { config: { timeout: 20_000 } },
  filterBrowserLogs: () => true,
};
