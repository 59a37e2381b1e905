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
 * A third proxy, at its own path, with a resend wait long enough to look at
 * what the form shows while it runs, however slow the machine is.
 */
export const WAIT = {
  endpoint: '/otp-wait',
  resendAfter: 6,
} as const;
