/**
 * The Worker of a Cloudflare landing kit (`otp-flow init --target cloudflare`),
 * for its two entries: `worker.ts`, what `npm run deploy` ships, and
 * `simulate.ts`, the same with the Offer18 simulator for `npm run simulate`.
 * Each is built into one module (`dist/kit/worker.js`, `dist/kit/simulate.js`)
 * that runs without `nodejs_compat`.
 *
 * Cloudflare serves the component from `public/` before this Worker runs,
 * with the security headers of `public/_headers`; the page (`/`) comes
 * through the Worker, which tells it the visitor's country. Everything
 * else reaches `fetch` below: the API and `/healthz`, answered by the core
 * proxy, and any other path, which the proxy answers with a JSON 404.
 *
 * Budgets, sessions and postbacks live in Durable Objects
 * (`src/stores/durable-objects/`), so every isolate in every region enforces
 * the same budgets, a code converts once and its postback is delivered once.
 * Configuration is the Worker's environment: `vars` in
 * wrangler.jsonc, secrets from `wrangler secret put` (`.dev.vars` locally).
 */
import { proxyFromConfig } from '../../proxy/proxy.js';
import { ConfigError, configure, optionsFromEnv, scrubbingLogger, type StartupWarning } from '../../proxy/config.js';
import { ProxyError } from '../../proxy/errors.js';
import { errorResponse } from '../../proxy/http.js';
import { jsonLogger, type Logger } from '../../proxy/log.js';
import { edgeCountry, withVisitorCountry } from '../../shared/visitor-country.js';
import type { Transport } from '../../proxy/offer18.js';
import { retryPolicy } from '../../proxy/postbacks.js';
import { DurableObjectBudgetStore, DurableObjectVerifyStore, type BudgetObject, type ObjectNamespace, type SessionObject } from '../../stores/durable-objects/client.js';
import { DurableObjectPostbackQueue, type PostbackObject } from '../../stores/durable-objects/postback-queue.js';

/** What the Worker needs of the assets binding (wrangler.jsonc `assets.binding`). */
interface Assets {
  fetch(request: Request): Promise<Response>;
}

export interface WorkerEnv {
  /** The files of `public/`; the Worker runs first for the page only (`run_worker_first`). */
  ASSETS?: Assets;
  /** One object per budget key (wrangler.jsonc `durable_objects`). */
  OTP_BUDGETS?: ObjectNamespace<BudgetObject>;
  /** One object per sent code. */
  OTP_SESSIONS?: ObjectNamespace<SessionObject>;
  /** One object per postback, delivering itself from its alarm. */
  OTP_POSTBACKS?: ObjectNamespace<PostbackObject>;
  /** `vars`, secrets and `.dev.vars`: the settings the Node kit reads from its environment. */
  [name: string]: unknown;
}

type Handler = (request: Request) => Promise<Response>;

const SETUP_HINT =
  'Secrets: npx wrangler secret put OFFER18_KEY (and OTP_SESSION_SECRET); for npm run dev, in .dev.vars. Other settings: "vars" in wrangler.jsonc.';
const NOT_CONFIGURED = 'This service is not set up yet. Its operator’s log (wrangler tail) names the missing setting.';
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

type Settings = Record<string, string | undefined>;

/**
 * An Offer18 in place of the real one (`simulate.ts`): the settings it runs
 * with over the Worker's (its own credentials, where it answers), how the
 * proxy reaches it, and what the operator is told at start.
 */
export interface StandIn {
  settings(given: Settings): Settings;
  transport: Transport;
  warning: StartupWarning;
}

function createApp(env: WorkerEnv, settings: Settings, log: Logger, standIn: StandIn | undefined): Handler {
  if (!isNamespace(env.OTP_BUDGETS) || !isNamespace(env.OTP_SESSIONS)) {
    throw new ConfigError('the Durable Object bindings OTP_BUDGETS and OTP_SESSIONS are missing: keep the durable_objects section of wrangler.jsonc');
  }
  if (settings.OTP_TRUST_PROXY && settings.OTP_TRUST_PROXY !== '0') {
    log({ level: 'warn', event: 'config.trust_proxy_ignored', message: 'OTP_TRUST_PROXY is ignored on Cloudflare: the visitor is CF-Connecting-IP.' });
  }
  if (standIn) log({ level: 'warn', ...standIn.warning });
  // Cloudflare names the visitor in CF-Connecting-IP, which it sets itself; X-Forwarded-For is the client's to write.
  const config = configure({ ...optionsFromEnv(settings), trustProxy: 0 }, log);
  const { postback } = config.settings;
  if (postback.url && !isNamespace(env.OTP_POSTBACKS)) {
    throw new ConfigError('OTP_POSTBACK_URL is set but the Durable Object binding OTP_POSTBACKS is missing: keep the durable_objects section of wrangler.jsonc');
  }
  const proxy = proxyFromConfig(config, {
    transport: standIn?.transport,
    budgets: new DurableObjectBudgetStore(env.OTP_BUDGETS as ObjectNamespace<BudgetObject>, { log }),
    verifies: new DurableObjectVerifyStore(env.OTP_SESSIONS as ObjectNamespace<SessionObject>),
    // Each postback's object keeps it and retries it from its alarm, with the settings it was added under.
    ...(postback.url
      ? { postbacks: new DurableObjectPostbackQueue(env.OTP_POSTBACKS as ObjectNamespace<PostbackObject>, { policy: retryPolicy(postback), timeoutMs: postback.timeoutMs }) }
      : {}),
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
function start(env: WorkerEnv, standIn: StandIn | undefined): Handler {
  const given = settingsOf(env);
  const settings = standIn ? { ...given, ...standIn.settings(given) } : given;
  // The one logger, built before the settings are checked (a line about a bad one is scrubbed too),
  // scrubbing the key given and the stand-in's.
  const log = scrubbingLogger(jsonLogger(), optionsFromEnv(given), optionsFromEnv(settings));
  try {
    return createApp(env, settings, log, standIn);
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

/**
 * The page, as Cloudflare's assets have it, told the visitor's country (`CF-IPCountry`, which Cloudflare
 * sets itself) as `<otp-flow visitor-country>`. Asked for whole (no 304 for another country's copy);
 * the assets' headers (public/_headers: the page's strict policy) come with it.
 */
export async function pageForVisitor(request: Request, assets: Assets): Promise<Response> {
  const asked = new Headers(request.headers);
  asked.delete('if-none-match');
  asked.delete('if-modified-since');
  const asset = await assets.fetch(new Request(request.url, { method: request.method, headers: asked }));
  const country = edgeCountry(request.headers.get('cf-ipcountry'));
  if (!asset.ok || !country || !asset.headers.get('content-type')?.includes('text/html')) return asset;
  const page = withVisitorCountry(await asset.text(), country);
  const headers = new Headers(asset.headers);
  for (const name of ['etag', 'content-length', 'content-encoding']) headers.delete(name);
  headers.set('vary', 'accept-encoding, cf-ipcountry');
  return new Response(request.method === 'HEAD' ? null : page, { status: asset.status, headers });
}

/** The Worker's `export default`; `standIn` is made with the handler, on the first request, where a Worker may make random values. */
export function createWorker(standIn?: () => StandIn): { fetch(request: Request, env: WorkerEnv): Promise<Response> } {
  let handler: Handler | undefined;
  return {
    fetch(request, env) {
      if (env.ASSETS && (request.method === 'GET' || request.method === 'HEAD') && new URL(request.url).pathname === '/') return pageForVisitor(request, env.ASSETS);
      handler ??= start(env, standIn?.());
      return handler(request);
    },
  };
}
