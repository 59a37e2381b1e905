/**
 * One server per process for `npm run bench:proxy`, from the built code in
 * dist/lib: what ships is what is measured. Prints its URL on stdout.
 *
 *   node bench/servers.ts simulator
 *   node bench/servers.ts forwarder <upstream api base>
 *   node bench/servers.ts proxy <upstream api base> [redis url]
 *   BASELINE_LIB=/elsewhere/dist/lib node bench/servers.ts proxy …   (another build)
 */
import http from 'node:http';

const [mode, upstream, redisUrl] = process.argv.slice(2);
// BASELINE_LIB: another build's dist/lib, to measure a change against what it replaces in the same run.
const libRoot = process.env.BASELINE_LIB ? `file://${process.env.BASELINE_LIB.replace(/\/?$/, '/')}` : new URL('../dist/lib/', import.meta.url).href;
const lib = (path: string) => import(new URL(path, libRoot).href);
const CREDENTIALS = { key: 'bench-key-0123456789', aid: '1', mid: '2' };
const say = (url: string) => process.stdout.write(`listening on ${url}\n`);
// Exit rather than die on the bench's SIGTERM, so `--cpu-prof` gets to write its profile.
process.once('SIGTERM', () => process.exit(0));

if (mode === 'simulator') {
  const { Offer18Simulator, startSimulator } = await lib('simulator/index.js');
  const running = await startSimulator(new Offer18Simulator({ credentials: CREDENTIALS, print: () => {} }));
  say(running.url);
} else if (mode === 'forwarder') {
  // The floor any Node proxy pays: read the body, one keep-alive request upstream, pipe the answer back. No checks.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(`${upstream}/otp_gen`);
  const query = new URLSearchParams({ ...CREDENTIALS, msisdn: '971501234567', partner: 'bench' });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const out = http.request(
        { host: target.hostname, port: target.port, path: `${target.pathname}?${query}`, method: 'POST', agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
          answer.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end();
    });
  });
  server.listen(0, '127.0.0.1', () => say(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
} else if (mode === 'proxy') {
  // The proxy as `otp-flow serve` runs it (undici transport, node:crypto sessions, Redis stores
  // with REDIS_URL), with every check on; only the log lines are dropped.
  // A baseline built before serve.ts moved to src/server/ has it in src/cli/.
  const { startServe } = await lib('server/serve.js').catch(() => lib('cli/serve.js'));
  const running = await startServe({
    env: {
      OFFER18_KEY: CREDENTIALS.key,
      OFFER18_AID: CREDENTIALS.aid,
      OFFER18_MID: CREDENTIALS.mid,
      OFFER18_PARTNER: 'bench',
      OFFER18_API_BASE: upstream,
      OTP_SESSION_SECRET: 'bench-secret-bench-secret-0123456789',
      OTP_COUNTRIES: 'AE',
      // Every budget still runs on every request; they are only large enough not to refuse.
      OTP_NUMBER_LIMIT: '1000',
      OTP_NUMBER_WINDOW: '1',
      OTP_CLIENT_LIMIT: '1000000',
      OTP_HOURLY_LIMIT: '10000000',
      // Every visitor its own address, through one trusted hop (bench/proxy.ts sets X-Forwarded-For).
      OTP_TRUST_PROXY: '1',
      // The fraud shield's whole send path runs (its counts read and charged, its claims sealed) with its limits
      // out of reach: honest traffic, no attack. A build before the shield ignores these.
      OTP_SHIELD_UNVERIFIED: '1000000',
      OTP_PREFIX_MIN_SENDS: '1000000',
      // The same build with the shield off (bench/proxy.ts's "shield off" rows): what the shield itself costs.
      ...(process.env.SHIELD === 'off' ? { OTP_CHALLENGE: 'off', OTP_PREFIX_MIN_SENDS: '0' } : {}),
      PORT: '0',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    },
    logger: () => {},
    say: () => {},
  });
  say(running.url);
} else {
  throw new Error(`unknown mode ${mode}`);
}
