/**
 * The fraud scenarios of issue 15, run against a real `otp-flow serve` over
 * HTTP: honest visitors and bots, each from its own loopback address
 * (`localAddress`: all of 127.0.0.0/8 is this machine), so "many clients" is
 * real, with no X-Forwarded-For tricks. Shared by the tests (small, bounded)
 * and `npm run bench:fraud` (full scale, before and after the shield).
 *
 * Honest visitors send to a fresh number, solve any challenge they are
 * given, and type the code a moment later. Bots never verify: some never
 * solve a challenge, some solve every one while pumping one number range.
 */
import { Agent, request } from 'undici';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { Offer18Simulator } from '../src/simulator/index.js';

/** Mobile prefixes of the UAE (50, 52, 54, 55, 56, 58): numbers are drawn from them. */
const AE_MOBILE = ['50', '52', '54', '55', '56', '58'];

export interface Actor {
  /** Loopback address the actor's requests come from. */
  address: string;
}

export interface ScenarioPlan {
  name: string;
  honest: { count: number; everyMs: number; verifyAfterMs: [number, number] };
  bots?: {
    /** `unsolved`: gives up at a challenge; `pump`: solves every one and sends into `range`. */
    kind: 'unsolved' | 'pump';
    addresses: number;
    sendsEach: number;
    concurrency: number;
    /** For `pump`: the range's digits, all but the last four (`97150555`). */
    range?: string;
  };
}

export interface ScenarioResult {
  name: string;
  /** SMS (otp_gen calls) that reached Offer18 for bots' numbers. */
  attackerSms: number;
  /** Of them, to the pumped range. */
  rangeSms: number;
  attackerRequests: number;
  honest: number;
  honestConverted: number;
  /** Honest visitors asked for a proof of work at least once. */
  honestChallenged: number;
  /** The hourly cap minus every SMS sent in the run. */
  hourlyLeft: number;
  /** How sends were answered, by status and code, bots and visitors apart. */
  botAnswers: Record<string, number>;
  honestAnswers: Record<string, number>;
  seconds: number;
}

/**
 * A different loopback /16 for each kind of actor, and a /24 of its own for
 * each actor: visitors come from all over, and a botnet worth the name from
 * many networks, not one.
 */
const address = (block: number, i: number) => `127.${block}.${i & 255}.${(i >> 8) + 1}`;

let drawn = 0;
/** A valid UAE mobile no other actor of the run drew, outside `avoid`'s range. */
function freshNumber(avoid?: string): string {
  for (;;) {
    drawn++;
    const digits = `971${AE_MOBILE[drawn % AE_MOBILE.length]}${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
    if (!avoid || !digits.startsWith(avoid)) return digits;
  }
}

export class FraudClient {
  readonly #agents = new Map<string, Agent>();
  constructor(readonly url: string) {}

  #agent(localAddress: string): Agent {
    let agent = this.#agents.get(localAddress);
    if (!agent) {
      agent = new Agent({ localAddress, connections: 2, keepAliveTimeout: 10_000 });
      this.#agents.set(localAddress, agent);
    }
    return agent;
  }

  async post(from: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
    const reply = await request(`${this.url}${path}`, {
      method: 'POST',
      dispatcher: this.#agent(from),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    return { status: reply.statusCode, json: await reply.body.json() };
  }

  /**
   * A send, solving up to `solves` challenges on the way: what the component
   * does for a visitor, and what a solving bot does.
   */
  async send(from: string, msisdn: string, solves: number): Promise<{ status: number; json: any; challenged: boolean }> {
    let body: Record<string, unknown> = { msisdn: `+${msisdn}` };
    let challenged = false;
    for (let round = 0; ; round++) {
      const reply = await this.post(from, '/otp/send', body);
      if (reply.status !== 428 || round >= solves) return { ...reply, challenged };
      challenged = true;
      const solution = await solveChallenge({ challenge: reply.json.challenge, deriveKey });
      if (!solution) return { ...reply, challenged };
      body = { msisdn: `+${msisdn}`, altcha: { challenge: reply.json.challenge, solution } };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#agents.values()].map((a) => a.close()));
  }
}

const tally = (into: Record<string, number>, reply: { status: number; json: any }) => {
  const key = reply.status === 200 ? '200' : `${reply.status} ${reply.json?.error ?? ''}`.trim();
  into[key] = (into[key] ?? 0) + 1;
};

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

/** Runs one scenario against `url` (an `otp-flow serve` whose Offer18 is `sim`), fresh. */
export async function runScenario(url: string, sim: Offer18Simulator, plan: ScenarioPlan, hourlyLimit: number): Promise<ScenarioResult> {
  const client = new FraudClient(url);
  const started = Date.now();
  const botNumbers = new Set<string>();
  const botAnswers: Record<string, number> = {};
  const honestAnswers: Record<string, number> = {};
  let honestConverted = 0;
  let honestChallenged = 0;
  let attackerRequests = 0;
  const range = plan.bots?.range;

  const honest = async (i: number) => {
    await new Promise((r) => setTimeout(r, i * plan.honest.everyMs));
    const from = address(10, i);
    const msisdn = freshNumber(range);
    const sent = await client.send(from, msisdn, 3);
    tally(honestAnswers, sent);
    if (sent.challenged) honestChallenged++;
    if (sent.status !== 200) return;
    const [min, max] = plan.honest.verifyAfterMs;
    await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    const code = sim.lastCode(msisdn);
    const verified = await client.post(from, '/otp/verify', { session: sent.json.session, otp: code });
    if (verified.status === 200) honestConverted++;
  };

  const bots = plan.bots;
  const botTasks: Array<() => Promise<void>> = [];
  if (bots) {
    for (let a = 0; a < bots.addresses; a++) {
      for (let s = 0; s < bots.sendsEach; s++) {
        botTasks.push(async () => {
          const msisdn = bots.kind === 'pump' ? `${bots.range}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}` : freshNumber(range);
          botNumbers.add(msisdn);
          attackerRequests++;
          const reply = await client.send(address(20, a), msisdn, bots.kind === 'pump' ? 3 : 0);
          tally(botAnswers, reply);
        });
      }
    }
    // Interleaved, so each address sends a few times over the run rather than all at once.
    botTasks.sort(() => Math.random() - 0.5);
  }

  try {
    await Promise.all([pool(botTasks, bots?.concurrency ?? 1), Promise.all(Array.from({ length: plan.honest.count }, (_, i) => honest(i)))]);
  } finally {
    await client.close();
  }

  const gens = sim.calls.filter((c) => c.endpoint === 'otp_gen');
  const attacker = gens.filter((c) => botNumbers.has(c.params.msisdn ?? ''));
  return {
    name: plan.name,
    attackerSms: attacker.length,
    rangeSms: range ? gens.filter((c) => (c.params.msisdn ?? '').startsWith(range)).length : 0,
    attackerRequests,
    honest: plan.honest.count,
    honestConverted,
    honestChallenged,
    hourlyLeft: hourlyLimit - gens.length,
    botAnswers,
    honestAnswers,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
