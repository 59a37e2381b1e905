/**
 * How the proxies behind the component tests are set up, shared by the tests
 * (browser) and test/helpers/proxy-middleware.ts (node).
 */

/**
 * Seconds between two codes to one number. The proxy enforces it on its own
 * clock, so the tests that ask for a new code really wait this long: short.
 */
export const RESEND_AFTER = 3;

/**
 * A second proxy, at its own path, set as a strict campaign would be: numbers
 * from AE only, one code per number, sessions that live a second. What the
 * first proxy's roomy budgets never refuse, this one does, for real.
 */
export const STRICT = {
  endpoint: '/otp-strict',
  countries: ['AE'],
  numberLimit: 1,
  resendAfter: 0,
  sessionTtl: 1,
} as const;

/**
 * A third proxy, at its own path, that asks every send for a proof of work
 * first (`OTP_CHALLENGE=always`), cheap enough for tests: a solver tries at
 * most `challengeCost` derivations. Its simulator's controls are at
 * `<endpoint>/__simulator/…`. No wait between codes, so a resend is asked at once.
 */
export const SHIELDED = {
  endpoint: '/otp-shield',
  challenge: 'always',
  challengeCost: 40,
  resendAfter: 0,
} as const;

/**
 * A third proxy, at its own path, with a resend wait long enough to look at
 * what the form shows while it runs, however slow the machine is.
 */
export const WAIT = {
  endpoint: '/otp-wait',
  resendAfter: 6,
} as const;
