/**
 * The Worker of a Cloudflare landing kit (`otp-flow init --target cloudflare`),
 * built into one module, `dist/kit/worker.js`, that runs without `nodejs_compat`.
 *
 * Cloudflare serves the page and the component from `public/` before this
 * Worker runs, with the security headers of `public/_headers`. Everything
 * else reaches `fetch` below: the API and `/healthz`, answered by the core
 * proxy, and any other path, which the proxy answers with a JSON 404.
 *
 * Budgets and sessions live in Durable Objects (`src/stores/durable-objects/`), so
 * every isolate in every region enforces the same budgets and a code
 * converts once. Configuration is the Worker's environment: `vars` in
 * wrangler.jsonc, secrets from `wrangler secret put` (`.dev.vars` locally).
 * `OTP_SIMULATE=true` (`npm run simulate`) puts the built-in Offer18
 * simulator in the Worker in place of Offer18.
 */
import { createOtpProxy } from '../../proxy/proxy.js';
import { ConfigError, optionsFromEnv, parseOptions } from '../../proxy/config.js';
import { ProxyError } from '../../proxy/errors.js';
import { errorResponse } from '../../proxy/http.js';
import { jsonLogger, redacting, type Logger } from '../../proxy/log.js';
import type { Transport } from '../../proxy/offer18.js';
import { Offer18Simulator, simulationSettings } from '../../simulator/offer18-simulator.js';
import { DurableObjectBudgetStore, DurableObjectVerifyStore, type BudgetObject, type ObjectNamespace, type SessionObject } from '../../stores/durable-objects/client.js';

export { OtpBudget, OtpSession } from '../../stores/durable-objects/objects.js';

export interface WorkerEnv {
  /** One object per budget key (wrangler.jsonc `durable_objects`). */
  OTP_BUDGETS?: ObjectNamespace<BudgetObject>;
  /** One object per sent code. */
  OTP_SESSIONS?: ObjectNamespace<SessionObject>;
  /** `vars`, secrets and `.dev.vars`: the settings the Node kit reads from its environment. */
  [name: string]: unknown;
}

type Handler = (request: Request) => Promise<Response>;

const SETUP_HINT =
  'Secrets: npx wrangler secret put OFFER18_KEY (and OTP_SESSION_SECRET); for npm run dev, in .dev.vars. Other settings: "vars" in wrangler.jsonc.';
const NOT_CONFIGURED = 'This service is not set up yet. Its operator’s log (wrangler tail) names the missing setting.';
/** Any http(s) URL does: in simulation the transport hands the request to the simulator in this isolate. */
const SIMULATOR_API_BASE = 'http://offer18-simulator.invalid/api/af';

/** Settings are strings everywhere else; `vars` may hold numbers or booleans, and bindings are not settings. */
function settingsOf(env: WorkerEnv): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string') settings[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') settings[name] = String(value);
  }
  return settings;
}

function isNamespace(value: unknown): boolean {
  return typeof (value as { idFromName?: unknown } | undefined)?.idFromName === 'function';
}

/**
 * The simulator in this isolate: no credentials, no SMS, nothing leaves. Its
 * codes are printed with console.log, which `wrangler dev` shows in the terminal.
 */
function simulate(settings: Record<string, string | undefined>, log: Logger): Transport {
  const simulator = new Offer18Simulator({ print: (line) => console.log(line) });
  Object.assign(settings, {
    ...simulationSettings(settings, simulator.credentials, SIMULATOR_API_BASE),
    // Pages on this machine only: a Worker deployed with OTP_SIMULATE left on must not fake conversions for real visitors.
    OTP_PUBLIC_ORIGIN: '',
    OTP_ALLOWED_ORIGINS: '',
  });
  log({
    level: 'warn',
    event: 'config.simulation',
    message: 'SIMULATION MODE: no SMS is sent and nothing reaches Offer18. Codes "sent" are printed here. Only pages on this machine are served.',
  });
  return async (url) => {
    const reply = await simulator.fetch(new Request(url, { method: 'POST', headers: { accept: 'application/json' } }));
    return { status: reply.status, body: await reply.text() };
  };
}

function createApp(env: WorkerEnv, settings: Record<string, string | undefined>, log: Logger): Handler {
  if (!isNamespace(env.OTP_BUDGETS) || !isNamespace(env.OTP_SESSIONS)) {
    throw new ConfigError('the Durable Object bindings OTP_BUDGETS and OTP_SESSIONS are missing: keep the durable_objects section of wrangler.jsonc');
  }
  if (settings.OTP_TRUST_PROXY && settings.OTP_TRUST_PROXY !== '0') {
    log({ level: 'warn', event: 'config.trust_proxy_ignored', message: 'OTP_TRUST_PROXY is ignored on Cloudflare: the visitor is CF-Connecting-IP.' });
  }
  const transport = ['1', 'true', 'yes'].includes(settings.OTP_SIMULATE?.toLowerCase() ?? '') ? simulate(settings, log) : undefined;
  // Parsed here rather than by createOtpProxy, so a bad value is named as the operator set it (OFFER18_KEY, not offer18.key).
  const options = parseOptions(optionsFromEnv(settings));
  const proxy = createOtpProxy({
    ...options,
    // Cloudflare names the visitor in CF-Connecting-IP, which it sets itself; X-Forwarded-For is the client's to write.
    trustProxy: 0,
    transport,
    logger: jsonLogger(),
    budgets: new DurableObjectBudgetStore(env.OTP_BUDGETS as ObjectNamespace<BudgetObject>, { log }),
    verifies: new DurableObjectVerifyStore(env.OTP_SESSIONS as ObjectNamespace<SessionObject>),
    // `wrangler tail` and Workers Logs are the Worker's metrics pipeline: one JSON line per measurement.
    observe: (measurement) => log({ level: 'info', event: 'metric', ...measurement }),
  });
  return (request) => proxy(request, { remoteAddress: request.headers.get('cf-connecting-ip') ?? undefined });
}

/**
 * Built on the first request, because `env` arrives with it, and kept for the
 * isolate's life: settings change only with a new deployment, which starts
 * new isolates. A bad setting is kept too, answered the same way every time
 * and logged once per isolate.
 */
function start(env: WorkerEnv): Handler {
  const settings = settingsOf(env);
  const log = redacting(jsonLogger(), [settings.OFFER18_KEY, settings.OTP_SESSION_SECRET]);
  try {
    return createApp(env, settings, log);
  } catch (error) {
    if (error instanceof ConfigError) {
      log({ level: 'error', event: 'config.invalid', message: `configuration error: ${error.message}. ${SETUP_HINT}` });
      return async () => errorResponse(new ProxyError('service_unavailable', { message: NOT_CONFIGURED }));
    }
    log({
      level: 'error',
      event: 'startup.crashed',
      error: (error as Error)?.name ?? 'Error',
      detail: (error as Error)?.message,
      stack: (error as Error)?.stack?.split('\n').slice(1).join('\n'),
    });
    return async () => errorResponse(new ProxyError('internal_error'));
  }
}

let handler: Handler | undefined;

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> {
    handler ??= start(env);
    return handler(request);
  },
};
