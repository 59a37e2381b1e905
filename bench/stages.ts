/**
 * What each check of a send costs on its own, in µs, in this process, with no
 * network: the part of the proxy's CPU time per request that a bare forwarder
 * does not spend. From the built code in dist/lib, like `bench:proxy`.
 *
 *   npm run build && npx tsx bench/stages.ts
 */
import metadata from 'libphonenumber-js/max/metadata';

const lib = (path: string) => import(new URL(`../dist/lib/${path}`, import.meta.url).href);
const { canonicalMobile } = await lib('shared/phone.js');
const { createSessions, randomId } = await lib('proxy/session.js');
const { nodeSessionCrypto, NodeResponse, toRequest, responseParts } = await lib('adapters/node.js');
const { MemoryBudgetStore } = await lib('proxy/index.js');
const { SendRequest } = await lib('contract/wire.js');
const { redacting } = await lib('proxy/log.js');
const { clientKeys } = await lib('proxy/client.js');
const { createOtpProxy, NON_GEOGRAPHIC_CODES, createOffer18Client, parseOptions } = await lib('proxy/index.js');

const ROUNDS = 3;
const N = Number(process.env.N ?? 50_000);
let serial = 0;
const number = () => `+97150${1_000_000 + (serial++ % 9_000_000)}`;

async function stage(name: string, run: () => unknown): Promise<number> {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < 2_000; i++) await run();
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i++) await run();
    const used = process.cpuUsage(cpu);
    timings.push((used.user + used.system) / N);
  }
  const best = Math.min(...timings);
  console.log(`| ${name} | ${best.toFixed(1)} |`);
  return best;
}

const SECRET = 'bench-secret-bench-secret-0123456789';
const sessions = createSessions(SECRET, nodeSessionCrypto);
const store = new MemoryBudgetStore();
const log = redacting(() => {}, ['bench-key-0123456789', SECRET]);
const rawHeaders = ['Host', '127.0.0.1:8787', 'Content-Type', 'application/json', 'Content-Length', '27', 'Connection', 'keep-alive'];
const REPLY = JSON.stringify({ status: '200', response: 'otp_sent', data: 'req-123456' });
const handle = createOtpProxy({
  offer18: { key: 'bench-key-0123456789', aid: '1', mid: '2', partner: 'bench', apiBase: 'http://127.0.0.1:1/api/af' },
  sessionSecret: SECRET,
  crypto: nodeSessionCrypto,
  Response: NodeResponse,
  logger: () => {},
  countries: ['AE'],
  numberLimit: 1_000,
  numberWindow: 1,
  clientLimit: 1_000_000,
  hourlyLimit: 10_000_000,
  // Offer18 answers at once: what is left is the proxy's own work.
  transport: async () => ({ status: 200, body: REPLY }),
});
const offer18 = createOffer18Client(parseOptions({ offer18: { key: 'bench-key-0123456789', aid: '1', mid: '2', partner: 'bench' } }).offer18, async () => ({ status: 200, body: REPLY }));
const fakeRequest = (body: Buffer) => ({ method: 'POST', url: '/otp/send', rawHeaders, socket: { remoteAddress: '127.0.0.1' } }) as never;

console.log(`Node ${process.version}, best of ${ROUNDS} rounds of ${N}; CPU µs per call`);
console.log('| stage | µs |');
console.log('| --- | --- |');
const parts = [
  await stage('body: JSON.parse + zod (SendRequest)', () => SendRequest.safeParse(JSON.parse(`{"msisdn":"${number()}"}`))),
  await stage('number: libphonenumber-js, full metadata', () => canonicalMobile(number(), { allowed: ['AE'], refused: NON_GEOGRAPHIC_CODES }, metadata)),
  await stage('client address', () => clientKeys({} as Request, '127.0.0.1', 0)),
  await stage('two store keys: HMAC-SHA-256 ×2', async () => Promise.all([sessions.tag(`n:${number()}`), sessions.tag('c:127.0.0.1')])),
  await stage('budgets: five counters, all or nothing (memory)', () =>
    store.take([
      { key: 'c:x', limit: 1e9, windowMs: 600_000 },
      { key: `n:${serial++}`, limit: 3, windowMs: 900_000 },
      { key: `r:${serial}`, limit: 1, windowMs: 30_000 },
      { key: 'h:all', limit: 1e9, windowMs: 3_600_000 },
    ]),
  ),
  await stage('session: AES-256-GCM seal + id', () => sessions.seal({ id: randomId(), msisdn: '971501234567', requestId: 'req-123456', expiresAt: Date.now() + 600_000 })),
  await stage('Offer18 call: query, reply parsed and classified (transport stubbed)', () => offer18.generate('971501234567')),
  await stage('request facade in, JSON answer out', async () => {
    const request = toRequest(fakeRequest(Buffer.alloc(0)), Buffer.from('{}'));
    void request.headers.get('content-type');
    await responseParts(new NodeResponse(JSON.stringify({ ok: true, session: 'v2.x' }), { status: 200, headers: { 'content-type': 'application/json' } }));
  }),
  await stage('log line, scrubbed', () => log({ level: 'info', event: 'otp.sent', msisdn: '9715******67', country: 'AE', requestId: 'req-123456', ms: 3 })),
];
console.log(`| sum of the stages | ${parts.reduce((a, b) => a + b, 0).toFixed(1)} |`);
await stage('a refusal before any check (404) through the Node fast path', async () => {
  await responseParts(await handle(toRequest({ ...(fakeRequest(Buffer.alloc(0)) as object), url: '/nowhere' } as never, Buffer.from('{}')), { remoteAddress: '127.0.0.1', clientGone: () => false }));
});
await stage('a whole send through the Node fast path (Offer18 stubbed)', async () => {
  const response = await handle(toRequest(fakeRequest(Buffer.alloc(0)), Buffer.from(`{"msisdn":"${number()}"}`)), { remoteAddress: '127.0.0.1', clientGone: () => false });
  await responseParts(response);
});
