/**
 * Which pages may use the proxy, decided by the origins the operator
 * configured, never by the request's own `Host`: DNS rebinding, an
 * absolute-form request target or a forged `Host` all make `Host` say
 * whatever the caller wants.
 *
 * - `OTP_PUBLIC_ORIGIN`: where the landing page itself is served.
 * - `OTP_ALLOWED_ORIGINS`: other sites whose pages call this proxy (CORS).
 * - `OTP_PUBLIC_ORIGIN` not set: only pages on this machine (localhost, 127.0.0.1, [::1]),
 *   which is what a preview or local development needs, and what a
 *   deployment must not run with (the proxy says so at start).
 *
 * Requests without `Origin` (curl, servers) pass the origin check: no rule
 * can stop a non-browser client, which is what the budgets are for.
 */
import type { ProxySettings } from './config.js';

type OriginCheck = { ok: true; cors: Record<string, string> } | { ok: false };

export interface OriginPolicy {
  /** Whether `OTP_PUBLIC_ORIGIN` is set; when not, only this machine is served. */
  readonly configured: boolean;
  /**
   * The request names a host this proxy answers for: the host of a public
   * origin, or loopback (a reverse proxy on this machine that does not pass
   * `Host` on, like nginx's default `proxy_pass`).
   */
  hostAllowed(url: URL): boolean;
  origin(origin: string | null): OriginCheck;
}

const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || LOOPBACK_V4.test(host);
}

export function createOriginPolicy(settings: Pick<ProxySettings, 'publicOrigins' | 'allowedOrigins'>): OriginPolicy {
  const own = new Set(settings.publicOrigins);
  const others = new Set(settings.allowedOrigins);
  const hosts = new Set([...own].map((o) => new URL(o).hostname.toLowerCase()));
  const configured = own.size > 0;
  return {
    configured,
    hostAllowed: (url) => isLoopbackHost(url.hostname) || hosts.has(url.hostname.toLowerCase()),
    origin(origin): OriginCheck {
      if (origin === null) return { ok: true, cors: {} };
      if (others.has(origin)) return { ok: true, cors: { 'access-control-allow-origin': origin, vary: 'origin' } };
      if (own.has(origin)) return { ok: true, cors: {} };
      // A preview on this machine often runs its page on another port than the proxy (a dev server):
      // that is another origin to the browser, which then needs CORS to read the answer.
      if (!configured && URL.canParse(origin) && isLoopbackHost(new URL(origin).hostname)) {
        return { ok: true, cors: { 'access-control-allow-origin': origin, vary: 'origin' } };
      }
      return { ok: false };
    },
  };
}
