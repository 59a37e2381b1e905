/**
 * A real proxy on a real port in front of a real simulator on another port.
 * Every response passes a check that the key is nowhere in it, and every log
 * line of both servers is kept for the same check.
 */
import assert from 'node:assert/strict';
import { createOtpProxy, type OtpProxyOptions } from '../../src/proxy/index.js';
import { createUndiciTransport, nodeSessionCrypto, NodeResponse, serve } from '../../src/adapters/node.js';
import { Offer18Simulator, startSimulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { ErrorReply, SendReply, VerifyReply, ERRORS } from '../../src/contract/index.js';

/** Distinctive enough that finding it anywhere is proof of a leak. */
export const TEST_KEY = `k3y-${crypto.randomUUID()}`;
export const TEST_SECRET = 'test-session-secret-0123456789abcdef';

/** Budgets and the fraud shield out of the way (and no resend wait), for tests about other things. */
export const ROOMY_LIMITS = {
  numberLimit: 1_000,
  clientLimit: 1_000_000,
  networkLimit: 1_000_000,
  hourlyLimit: 10_000_000,
  resendAfter: 0,
  challenge: 'off',
  prefixMinSends: 0,
} as const;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface Harness {
  sim: Offer18Simulator;
  url: string;
  logs: string[];
  post(path: string, body: unknown, init?: { headers?: Record<string, string>; raw?: boolean }): Promise<Reply>;
  request(path: string, init?: RequestInit): Promise<Reply>;
  /** Sends to a number and returns the session and the code the simulator "sent". */
  sendCode(msisdn?: string, country?: string): Promise<{ session: string; code: string }>;
  close(): Promise<void>;
}

/** Every JSON reply the proxy makes is one the shared wire contract describes. */
function assertContract(path: string, status: number, json: unknown): void {
  if (json === undefined || path === '/healthz') return;
  if (status === 200) {
    const schema = path.endsWith('/send') ? SendReply : VerifyReply;
    const parsed = schema.safeParse(json);
    assert.ok(parsed.success, `200 from ${path} does not match the contract: ${JSON.stringify(json)}`);
    return;
  }
  const parsed = ErrorReply.safeParse(json);
  assert.ok(parsed.success, `error from ${path} does not match the contract: ${JSON.stringify(json)}`);
  assert.equal(ERRORS[parsed.data.error as keyof typeof ERRORS].status, status, `${parsed.data.error} comes with its documented status`);
}

export function assertNoKey(where: string, text: string): void {
  assert.ok(!text.includes(TEST_KEY), `the key leaked into ${where}`);
}

export async function startHarness(
  options: {
    proxy?: Partial<Omit<OtpProxyOptions, 'offer18'>>;
    offer18?: Partial<OtpProxyOptions['offer18']>;
    simulator?: SimulatorOptions;
  } = {},
): Promise<Harness> {
  const logs: string[] = [];
  const keep = (line: string) => logs.push(line);
  const sim = new Offer18Simulator({
    credentials: { key: TEST_KEY, aid: '1234', mid: '5678' },
    print: keep,
    ...options.simulator,
  });
  const upstream = await startSimulator(sim);
  const transport = createUndiciTransport();
  const proxy = createOtpProxy({
    offer18: {
      key: TEST_KEY,
      aid: '1234',
      mid: '5678',
      partner: 'acme',
      userId: 'u-42',
      apiBase: upstream.apiBase,
      ...options.offer18,
    },
    sessionSecret: TEST_SECRET,
    logger: (entry) => keep(JSON.stringify(entry)),
    transport,
    crypto: nodeSessionCrypto,
    Response: NodeResponse,
    // Roomy budgets: these tests are about other things. The limit tests set their own.
    ...ROOMY_LIMITS,
    ...options.proxy,
  });
  const server = await serve(proxy);

  async function request(path: string, init: RequestInit = {}): Promise<Reply> {
    const response = await fetch(server.url + path, init);
    const text = await response.text();
    assertNoKey(`the body of ${init.method ?? 'GET'} ${path}`, text);
    for (const [name, value] of response.headers) assertNoKey(`header ${name}`, value);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    assertContract(path, response.status, json);
    return { status: response.status, headers: response.headers, text, json };
  }

  const post: Harness['post'] = (path, body, init = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.raw ? (body as string) : JSON.stringify(body),
    });

  return {
    sim,
    url: server.url,
    logs,
    post,
    request,
    async sendCode(msisdn = '+971501234567', country) {
      const reply = await post('/otp/send', country ? { msisdn, country } : { msisdn });
      assert.equal(reply.status, 200, reply.text);
      return { session: reply.json.session, code: sim.lastCode()! };
    },
    async close() {
      for (const line of logs) assertNoKey('a log line', line);
      await server.close();
      await proxy.close();
      await upstream.close();
      await transport.close();
    },
  };
}

/** A valid error body: JSON with a stable code and a human message. */
export function assertError(reply: Reply, status: number, code: string): void {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status} ${reply.text}`);
  assert.equal(reply.json?.ok, false);
  assert.equal(reply.json?.error, code);
  assert.equal(typeof reply.json?.message, 'string');
  assert.ok(reply.json.message.length > 5);
  assert.ok(!/\bat \S+:\d+:\d+/.test(reply.text), 'no stack trace in an error body');
}

/**
 * What `otp-flow serve` (or a kit's server) needs in its environment to run a campaign against a
 * simulator: the key and ids the simulator was made with, its API, a session secret, a free port.
 */
export function campaignEnv(key: string, apiBase: string, secret: string): Record<string, string> {
  return { OFFER18_KEY: key, OFFER18_AID: '1', OFFER18_MID: '2', OFFER18_PARTNER: 'p', OFFER18_API_BASE: apiBase, OTP_SESSION_SECRET: secret, PORT: '0' };
}
