/**
 * The proxy's settings in a simulation (`otp-flow serve --simulate`, the
 * Cloudflare kit's `npm run simulate`, `createSimulatedApp`): configured as
 * for the real Offer18, pointed at the simulator instead.
 */
import type { SimulatorCredentials } from './offer18-simulator.js';

/**
 * Budgets for previews: a marketer tries the same number again and again.
 * Real deployments keep the defaults (3 sends per number per 15 minutes).
 */
export const SIMULATION_LIMITS = { numberLimit: 100, clientLimit: 10_000, resendAfter: 30 };

/**
 * The settings a proxy runs with against a simulator: its throwaway
 * credentials, and preview budgets and a throwaway session secret unless the
 * environment sets them. Nothing real to protect, so no warning for the secret.
 */
export function simulationSettings(env: Readonly<Record<string, string | undefined>>, credentials: SimulatorCredentials, apiBase: string): Record<string, string> {
  return {
    OFFER18_KEY: credentials.key,
    OFFER18_AID: credentials.aid,
    OFFER18_MID: credentials.mid,
    OFFER18_PARTNER: env.OFFER18_PARTNER || 'simulator',
    OFFER18_API_BASE: apiBase,
    OTP_SESSION_SECRET: env.OTP_SESSION_SECRET || crypto.randomUUID() + crypto.randomUUID(),
    OTP_NUMBER_LIMIT: env.OTP_NUMBER_LIMIT || String(SIMULATION_LIMITS.numberLimit),
    OTP_CLIENT_LIMIT: env.OTP_CLIENT_LIMIT || String(SIMULATION_LIMITS.clientLimit),
    OTP_RESEND_AFTER: env.OTP_RESEND_AFTER || String(SIMULATION_LIMITS.resendAfter),
  };
}
