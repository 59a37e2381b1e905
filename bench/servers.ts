/**
 * One server per process for `npm run bench:proxy`, from the built code in
 * dist/lib: what ships is what is measured. Prints its URL on stdout.
 *
 *   node bench/servers.ts simulator
 *   node bench/servers.ts forwarder <upstream api base>
 *   node bench/servers.ts proxy <upstream api base> [redis url]
 */
import http from 'node:http';

const [mode, upstream, redisUrl] = process.argv.slice(2);
const lib = (path: string) => import(new URL(`../dist/lib/${path}`, import.meta.url).href);
const CREDENTIALS = { key: 'bench-key-0123456789', aid: '1', mid: '2' };
const say = (url: string) => process.stdout.write(`listening on ${url}\n`);

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
  const { createOtpProxy } = await lib('proxy/index.js');
  const { serve, createUndiciTransport } = await lib('adapters/node.js');
  const redis = redisUrl ? new (await import('ioredis')).Redis(redisUrl, { enableOfflineQueue: false }) : undefined;
  if (redis) await new Promise((r) => redis.once('ready', r));
  const proxy = createOtpProxy({
    offer18: { ...CREDENTIALS, partner: 'bench', apiBase: upstream },
    sessionSecret: 'bench-secret-bench-secret-0123456789',
    transport: createUndiciTransport(),
    logger: () => {},
    redis,
    // Every budget still runs on every request; they are only large enough not to refuse.
    numberLimit: 1_000,
    numberWindow: 1,
    clientLimit: 1_000_000,
    hourlyLimit: 10_000_000,
  });
  const running = await serve(proxy);
  say(running.url);
} else {
  throw new Error(`unknown mode ${mode}`);
}
